/**
 * The browser import flow: files dropped on the map or chosen with the import button are read
 * in the worker (their buffers handed over, never parsed on the page) into a preview; the user
 * decides in the dialog; confirm makes the import the dataset as one undoable step, cancel
 * leaves the data shown exactly as it was. Projected data placed in the park's zone by
 * assumption gets a notice on the map to confirm or pick another zone.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from "react";
import { catalogueCrs } from "../../domain/crs-catalogue";
import { importText } from "../../i18n/import";
import { decodeImportBundle } from "../../io/import-bundle";
import { parseMapping } from "../../io/mapping";
import type { Engine } from "../../state/engine";
import { rememberedMapping, rememberMapping } from "../../state/storage/mappings";
import { useAppStore } from "../../state/store";
import { downloadBlob } from "../export/download";
import { useLang } from "../hooks";
import { importLabel } from "../loadData";
import { CrsPicker } from "./CrsPicker";
import { ImportDialog } from "./ImportDialog";
import {
  CLOSED,
  crsSpec,
  type ImportAction,
  type ImportChoices,
  type ImportDialogState,
  importOptions,
  importReducer,
  PARK_ZONE,
  rerunNeeded,
} from "./importState";
import { reportCsv, reportRows } from "./report";

export interface ImportFlowHandle {
  open(files: File[]): void;
}

interface ZoneNotice {
  crs: string;
  fingerprint: string;
  fileName: string;
  picking: boolean;
  error?: string;
}

/** Does a drag carry files (not text or a link)? */
const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes("Files");

export const ImportFlow = forwardRef<ImportFlowHandle, { engine: Engine }>(function ImportFlow(
  { engine },
  ref,
) {
  const lang = useLang();
  const [state, setState] = useState<ImportDialogState>(CLOSED);
  const current = useRef<ImportDialogState>(CLOSED);
  const seq = useRef(0);
  const [dragging, setDragging] = useState(false);
  const [zone, setZone] = useState<ZoneNotice | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const set = useCallback((next: ImportDialogState) => {
    current.current = next;
    setState(next);
  }, []);

  /** Read (again) in the worker: `files` new, or null for the pending ones with new choices. */
  const run = useCallback(
    async (files: { name: string; bytes: Uint8Array }[] | null, choices: ImportChoices) => {
      const mine = ++seq.current;
      try {
        const res = await engine.previewImport(
          files,
          { options: importOptions(choices), ...(choices.join ? { join: choices.join } : {}) },
          (progress) => {
            if (mine === seq.current) set(importReducer(current.current, { type: "progress", progress }));
          },
        );
        if (mine !== seq.current || res.cancelled) return;
        const remembered =
          current.current.step !== "closed" && !current.current.choices.mapping
            ? rememberedMapping(res.summary.signature)
            : undefined;
        set(
          importReducer(current.current, {
            type: "previewed",
            summary: res.summary,
            ...(remembered ? { remembered } : {}),
          }),
        );
      } catch (e) {
        if (mine !== seq.current) return;
        set(
          importReducer(current.current, {
            type: "failed",
            error: e instanceof Error ? e.message : String(e),
          }),
        );
      }
    },
    [engine, set],
  );

  const act = useCallback(
    (a: ImportAction) => {
      const next = importReducer(current.current, a);
      set(next);
      if (rerunNeeded(a) && next.step !== "closed") void run(null, next.choices);
    },
    [run, set],
  );

  const open = useCallback(
    async (list: File[]) => {
      if (list.length === 0) return;
      setZone(null);
      set(
        importReducer(current.current, {
          type: "open",
          files: list.map((f) => ({ name: f.name, size: f.size })),
        }),
      );
      const mine = seq.current + 1;
      // Reading a File is asynchronous (no main-thread parse); the bytes then go to the worker.
      const files = await Promise.all(
        list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      if (mine !== seq.current + 1 || current.current.step === "closed") return;
      await run(files, {});
    },
    [run, set],
  );

  useImperativeHandle(ref, () => ({ open: (files) => void open(files) }), [open]);

  const cancel = useCallback(() => {
    seq.current++;
    set(CLOSED);
    void engine.cancelImport();
  }, [engine, set]);

  const confirm = useCallback(async () => {
    const s = current.current;
    if (s.step !== "preview" || !s.summary) return;
    const summary = s.summary;
    set(importReducer(s, { type: "committing" }));
    try {
      const main = summary.sets[0]?.file ?? summary.files[0]?.name ?? "";
      const res = await engine.confirmImport(importLabel(main));
      if (s.choices.mapping && Object.keys(s.choices.mapping.fields).length > 0)
        rememberMapping(summary.signature, s.choices.mapping);
      set(CLOSED);
      const fp = useAppStore.getState().dataset?.fingerprint;
      if (res && fp && summary.crs?.how === "assumed-analysis-crs" && !s.choices.crsCode)
        setZone({ crs: summary.crs.crs, fingerprint: fp, fileName: main, picking: false });
    } catch (e) {
      set(
        importReducer(current.current, { type: "failed", error: e instanceof Error ? e.message : String(e) }),
      );
    }
  }, [engine, set]);

  const downloadReport = useCallback(() => {
    const s = current.current;
    if (s.step === "closed" || !s.summary) return;
    const csv = reportCsv(reportRows(s.summary.result.problems, lang), lang);
    const base = (s.summary.sets[0]?.file ?? "import").replace(/\.[^.]*$/, "");
    downloadBlob(
      new Blob([csv], { type: "text/csv;charset=utf-8" }),
      `${base}-${lang === "zh" ? "导入检查报告" : "import-report"}.csv`,
    );
  }, [lang]);

  const saveMapping = useCallback(() => {
    const s = current.current;
    if (s.step === "closed") return;
    const json = `${JSON.stringify(s.choices.mapping ?? { version: 1, fields: {} }, null, 2)}\n`;
    downloadBlob(
      new Blob([json], { type: "application/json" }),
      lang === "zh" ? "字段对应.json" : "field-mapping.json",
    );
  }, [lang]);

  const loadMapping = useCallback(
    async (f: File) => {
      const r = parseMapping(new Uint8Array(await f.arrayBuffer()), f.name);
      if (r.mapping) act({ type: "mapping", mapping: r.mapping });
      else set(importReducer(current.current, { type: "failed", error: f.name }));
    },
    [act, set],
  );

  /** The zone notice's "pick another zone": the same files again in the chosen CRS, one step. */
  const reimport = useCallback(
    async (code: string) => {
      const z = zone;
      if (!z) return;
      const src = await engine.source(z.fingerprint);
      const bundle = src && typeof src.content !== "string" ? decodeImportBundle(src.content) : null;
      if (!bundle) {
        setZone({ ...z, error: importText("failed", lang, { message: z.fileName }) });
        return;
      }
      // Copies: the worker takes these buffers over; the stored source stays whole.
      const files = bundle.files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
      try {
        const res = await engine.previewImport(files, {
          options: { ...bundle.options, crs: crsSpec(code) },
          ...(bundle.join ? { join: bundle.join } : {}),
        });
        if (res.cancelled) return;
        if (!res.summary.result.ok) {
          await engine.cancelImport();
          setZone({ ...z, error: importText("unusable", lang) });
          return;
        }
        await engine.confirmImport({ code: "reimport-dataset", params: { file: z.fileName, crs: code } });
        setZone(null);
      } catch (e) {
        setZone({
          ...z,
          error: importText("failed", lang, { message: e instanceof Error ? e.message : String(e) }),
        });
      }
    },
    [engine, lang, zone],
  );

  // Files dragged onto the map: an overlay says what is accepted; a drop opens the dialog.
  useEffect(() => {
    const area = root.current?.parentElement;
    if (!area) return;
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      const files = e.dataTransfer ? [...e.dataTransfer.files] : [];
      if (files.length === 0) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void open(files);
    };
    area.addEventListener("dragenter", enter);
    area.addEventListener("dragover", over);
    area.addEventListener("dragleave", leave);
    area.addEventListener("drop", drop);
    return () => {
      area.removeEventListener("dragenter", enter);
      area.removeEventListener("dragover", over);
      area.removeEventListener("dragleave", leave);
      area.removeEventListener("drop", drop);
    };
  }, [open]);

  return (
    <div ref={root} className="imp-flow">
      {dragging ? (
        <div className="imp-drop" data-testid="import.drop" aria-live="polite">
          <div className="imp-drop__box">
            <strong>{importText("dropTitle", lang)}</strong>
            <span>{importText("dropAccepts", lang)}</span>
          </div>
        </div>
      ) : null}
      {zone ? (
        <div className="imp-zone" role="status" data-testid="import.zoneNotice">
          <p>
            {importText("zoneNotice", lang, { crs: `${zone.crs} ${catalogueCrs(zone.crs)?.[lang] ?? ""}` })}
          </p>
          {zone.error ? <p className="imp-error">{zone.error}</p> : null}
          <div className="imp-switch">
            <button
              type="button"
              className="btn btn--quiet"
              data-testid="import.zone.confirm"
              onClick={() => setZone(null)}
            >
              {importText("zoneConfirm", lang)}
            </button>
            <button
              type="button"
              className="btn btn--quiet"
              data-testid="import.zone.pick"
              aria-expanded={zone.picking}
              onClick={() => setZone({ ...zone, picking: !zone.picking })}
            >
              {importText("zonePick", lang)}
            </button>
          </div>
          {zone.picking ? (
            <CrsPicker
              selected={catalogueCrs(zone.crs) ?? catalogueCrs(PARK_ZONE)}
              projectedOnly
              testId="import.zone.crs"
              onPick={(code) => void reimport(code)}
            />
          ) : null}
        </div>
      ) : null}
      <ImportDialog
        state={state}
        act={act}
        onConfirm={() => void confirm()}
        onCancel={cancel}
        onDownloadReport={downloadReport}
        onSaveMapping={saveMapping}
        onLoadMapping={(f) => void loadMapping(f)}
      />
    </div>
  );
});
