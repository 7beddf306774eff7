/**
 * Import and export in the planner: the facility layer from and to GeoJSON (an import is one
 * undoable step), the plan as GeoJSON, the coverage tables per facility and per parcel as CSV.
 */
import { useRef, useState } from "react";
import type { Lang } from "../../i18n/lang";
import { formatProblem } from "../../i18n/problems";
import { selectPlanFacilities } from "../../state/planner";
import { useAppStore } from "../../state/store";
import { downloadBlob } from "../export/download";
import { useLang } from "../hooks";
import { importFacilitiesStep, type PlanFile, planFileName, planFileText } from "./planFiles";
import { usePt } from "./usePt";

const MIME = { csv: "text/csv;charset=utf-8", geojson: "application/geo+json" };

export function PlanExport() {
  const lang: Lang = useLang();
  const pt = usePt();
  const facilities = useAppStore(selectPlanFacilities);
  const plan = useAppStore((s) => s.plan);
  const result = useAppStore((s) => s.result);
  const synthetic = useAppStore((s) => s.dataset?.synthetic ?? false);
  const asOf = useAppStore((s) => s.result?.asOf ?? s.asOf);
  const commitEdits = useAppStore((s) => s.commitEdits);
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; problems: string[] } | null>(null);

  const save = (file: PlanFile) => {
    const text = planFileText(file, {
      facilities,
      plan,
      parcels: result?.parcels ?? [],
      lang,
      synthetic,
    });
    if (text === null) return;
    const name = planFileName(file, lang, asOf, synthetic);
    downloadBlob(new Blob([text], { type: name.endsWith(".csv") ? MIME.csv : MIME.geojson }), name);
  };

  const onFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const got = importFacilitiesStep(bytes, file.name, selectPlanFacilities(useAppStore.getState()));
    const problems = got.problems
      .filter((p) => p.severity !== "info")
      .map((p) => formatProblem(p, lang, "browser"));
    if (got.step) commitEdits(got.step.label, got.step.edits);
    setMessage({
      text: got.step
        ? pt("imported", { count: got.count, file: file.name })
        : pt("importNone", { file: file.name }),
      problems,
    });
  };

  const button = (file: PlanFile, label: Parameters<typeof pt>[0], needsPlan: boolean) => (
    <button
      type="button"
      className="btn btn--quiet"
      disabled={needsPlan && !plan}
      data-testid={`planner.export.${file}`}
      onClick={() => save(file)}
    >
      {pt(label)}
    </button>
  );

  return (
    <section className="panel" aria-labelledby="planner-io-h" data-testid="planner.io">
      <h2 id="planner-io-h" className="panel__title">
        {pt("exportTitle")}
      </h2>
      <div className="planner__io">
        <button
          type="button"
          className="btn btn--quiet"
          data-testid="planner.import"
          onClick={() => input.current?.click()}
        >
          {pt("importFacilities")}
        </button>
        <input
          ref={input}
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          hidden
          data-testid="planner.importFile"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void onFile(f);
          }}
        />
        {button("facilities", "exportFacilities", false)}
        {button("plan", "exportPlanGeojson", true)}
        {button("facilityCsv", "exportPlanCsv", true)}
        {button("parcelCsv", "exportParcelCsv", true)}
      </div>
      {message ? (
        <div role="status" data-testid="planner.importMessage">
          <p>{message.text}</p>
          {message.problems.length > 0 ? (
            <ul className="small">
              {message.problems.slice(0, 8).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
