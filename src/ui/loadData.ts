/**
 * Loading data into the store: the sample data in `geodata/` at start (or `?synthetic=N`
 * synthetic parcels for the browser benchmark), and files the user picks. Parcels are imported
 * and analysed in the worker (through the engine); the small files (standards, context layers,
 * targets) are read here. Nothing throws at the user: problems go to the store.
 */
import type { FeatureCollection } from "geojson";
import type { StepLabel } from "../domain/edits";
import { fingerprint } from "../io/fingerprint";
import { readStandards } from "../io/standards-read";
import type { Problem } from "../io/types";
import type { Engine } from "../state/engine";
import type { Restored, WorkSession } from "../state/storage/session";
import type { AppStore } from "../state/store";
import type { ContextData } from "../state/types";

/** URLs of the sample files (Vite `?url`); a file that does not exist is simply absent. */
const GEODATA: Record<string, string> = import.meta.glob("../../geodata/*.{geojson,json}", {
  query: "?url",
  import: "default",
  eager: true,
});
function geodataUrl(name: string): string | undefined {
  return GEODATA[`../../geodata/${name}`];
}

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function fetchJson(url: string | undefined): Promise<unknown> {
  if (!url) return null;
  try {
    const res = await fetch(url);
    if (!res.ok) return null;
    return await res.json();
  } catch {
    return null;
  }
}

function asCollection(v: unknown): FeatureCollection {
  return typeof v === "object" && v !== null && (v as { type?: unknown }).type === "FeatureCollection"
    ? (v as FeatureCollection)
    : EMPTY;
}

/** Read a standards file (bytes) into the store; a file that cannot be used keeps the current standards. */
export function applyStandards(
  store: AppStore,
  bytes: Uint8Array,
  fileName: string,
  origin: "default" | "user" = "user",
): Problem[] {
  const r = readStandards(bytes, fileName);
  if (r.ok && r.standards)
    store
      .getState()
      .setStandards({ standards: r.standards, fileName, problems: r.problems, content: bytes, origin });
  else store.getState().setRejectedFile({ fileName, problems: r.problems });
  return r.problems;
}

/** The undo step of importing a file: 导入 parcels.geojson. */
export function importLabel(fileName: string): StepLabel {
  return { code: "import-dataset", params: { file: fileName } };
}

/** `?synthetic=N` in the page URL: N synthetic parcels instead of the sample data (benchmark). */
export function syntheticCount(search: string): number | null {
  const v = new URLSearchParams(search).get("synthetic");
  if (v === null) return null;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n <= 1_000_000 ? n : null;
}

/**
 * Load everything the app opens with: the work stored from last time (`session`: its history,
 * dataset, as-of date, standards, selection), else the sample data. The sample is loaded only
 * when the stored history names no dataset of its own (it stays the base an undo returns to).
 */
export async function loadInitialData(
  store: AppStore,
  engine: Engine,
  search: string,
  session?: WorkSession,
): Promise<Restored | null> {
  const st = store.getState();
  const synthetic = syntheticCount(search);
  const parcelsUrl = synthetic === null ? geodataUrl("parcels.geojson") : undefined;
  // Fetch the parcels while the standards are read (the import needs the standards' analysis CRS).
  const parcelsBytes = parcelsUrl ? fetchBytes(parcelsUrl) : null;
  parcelsBytes?.catch(() => {}); // handled where awaited
  const contextPromise = Promise.all(
    [
      "zones.geojson",
      "roads.geojson",
      "facilities.geojson",
      "central-urban-area.geojson",
      "targets.json",
    ].map((n) =>
      synthetic !== null && n !== "targets.json" ? Promise.resolve(null) : fetchJson(geodataUrl(n)),
    ),
  ).then(([zones, roads, facilities, central, targets]) => {
    const context: ContextData = {
      zones: asCollection(zones) as ContextData["zones"],
      roads: asCollection(roads) as ContextData["roads"],
      facilities: asCollection(facilities) as ContextData["facilities"],
      centralUrbanArea: asCollection(central) as ContextData["centralUrbanArea"],
    };
    store.getState().setContext(context);
    if (targets && typeof targets === "object")
      store.getState().setTargets(targets as Record<string, unknown>);
  });

  // The stored work (the benchmark's synthetic data is never stored nor restored).
  const restoring =
    session && synthetic === null
      ? session.start({
          applyStandards: (s) => {
            const problems = applyStandards(store, s.content, s.fileName, "user");
            return !problems.some((p) => p.severity === "error" && p.fatal);
          },
        })
      : Promise.resolve(null);
  const standardsUrl = geodataUrl("standards.json");
  const defaultStandards = standardsUrl ? fetchBytes(standardsUrl) : null;
  defaultStandards?.catch(() => {});
  const restored = await restoring;

  if (!restored?.standards) {
    try {
      if (defaultStandards) applyStandards(store, await defaultStandards, "standards.json", "default");
    } catch (e) {
      st.setLoadStatus("error", e instanceof Error ? e.message : String(e));
    }
  }

  if (synthetic !== null) {
    // Generated in the worker: the page stays responsive.
    await engine.loadParcels("", `synthetic-${synthetic}.geojson`, {
      synthetic: true,
      syntheticCount: synthetic,
    });
  } else {
    if (!parcelsBytes) {
      st.setLoadStatus("error", "geodata/parcels.geojson");
    } else {
      try {
        // The sample data declares itself synthetic (top-level "synthetic": true). It is the base
        // dataset: shown now unless the restored history names another.
        const bytes = await parcelsBytes;
        await engine.setBase({
          fingerprint: await fingerprint(bytes),
          fileName: "parcels.geojson",
          content: bytes,
          synthetic: true,
        });
      } catch (e) {
        st.setLoadStatus("error", e instanceof Error ? e.message : String(e));
      }
    }
  }
  await contextPromise;
  return restored;
}

/** A standards file picked by the user. */
export async function loadStandardsFile(store: AppStore, file: File): Promise<Problem[]> {
  return applyStandards(store, new Uint8Array(await file.arrayBuffer()), file.name);
}
