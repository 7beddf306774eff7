/**
 * 导出 PDF 图集: the export bar's print button and its small options popover — paper (A4/A3),
 * orientation, content (the current map, or an atlas of the reallocation candidates, the parcels
 * below standard or the selected parcels), format (PDF, or a 300-DPI PNG of the current map).
 * data-testids: `print.open`, `print.paper`, `print.orientation`, `print.content`, `print.format`,
 * `print.go`.
 */

import { useState } from "react";
import { PRINT_UI, type PrintUiKey } from "../../i18n/print";
import type { Orientation, Paper } from "../../io/pdf/layout";
import type { MapViewState } from "../../map/api";
import { selectAgenda } from "../../state/meeting";
import { useAppStore } from "../../state/store";
import { downloadBlob } from "../export/download";
import { exportFileName } from "../export/exportFiles";
import { agendaFor, type PrintContent, printInputFrom, screenExtent } from "./printInput";

export interface PrintButtonProps {
  /** The map's view (centre, zoom) for "current map"; all parcels when absent. */
  getView?: () => MapViewState;
  onStatus: (s: { ok: boolean; text: string }) => void;
}

export function PrintButton({ getView, onStatus }: PrintButtonProps) {
  const lang = useAppStore((s) => s.lang);
  const hasResult = useAppStore((s) => s.result !== null);
  // One selector per number: a selector returning a new object would re-render forever.
  const candidates = useAppStore((s) => s.result?.summary.reallocationCandidates ?? 0);
  const below = useAppStore((s) => s.result?.summary.belowStandard ?? 0);
  const selection = useAppStore((s) => s.selectedIds.size);
  const agenda = useAppStore((s) => selectAgenda(s).ids.length);
  const counts = { agenda, candidates, below, selection };
  // The popover is fixed at the button (the export bar's container clips overflow).
  const [open, setOpen] = useState<{ left: number; top: number } | null>(null);
  const [paper, setPaper] = useState<Paper>("A4");
  const [orientation, setOrientation] = useState<Orientation>("landscape");
  const [content, setContent] = useState<PrintContent>("map");
  const [format, setFormat] = useState<"pdf" | "png">("pdf");
  const [busy, setBusy] = useState(false);
  const t = (k: PrintUiKey, p?: Record<string, string | number>) =>
    PRINT_UI[k][lang].replace(/\{(\w+)\}/g, (m, key) => String(p?.[key] ?? m));
  const effectiveFormat = content === "map" ? format : "pdf";

  const go = async () => {
    setBusy(true);
    onStatus({ ok: true, text: t("working") });
    try {
      const s = useAppStore.getState();
      const input = printInputFrom(s, paper, orientation);
      if (!input) return;
      const agenda = agendaFor(s, content);
      if (agenda !== null && agenda.length === 0) {
        onStatus({ ok: false, text: t("emptyAgenda") });
        return;
      }
      let extent: ReturnType<typeof screenExtent> | undefined;
      const mapEl = document.querySelector<HTMLElement>('[data-testid="map"]');
      if (agenda === null && getView && mapEl && mapEl.clientWidth > 0)
        extent = screenExtent(getView(), mapEl.clientWidth, mapEl.clientHeight);
      // The page builder and renderer load with the first print, not with the page.
      const { pagesToPdf, pageToPng, printPages } = await import("./exportPrint");
      const pages = printPages(input, agenda, extent);
      const base = exportFileName("png", lang, input.result.asOf, "all", input.synthetic).replace(
        /\.png$/,
        "",
      );
      const name = agenda === null ? base : `${base}_${t("atlasFile")}`;
      if (effectiveFormat === "png" && pages[0]) {
        const png = await pageToPng(pages[0], 300);
        downloadBlob(png, `${name}_300dpi.png`);
        onStatus({ ok: true, text: t("saved", { file: `${name}_300dpi.png`, pages: 1 }) });
      } else {
        const pdf = await pagesToPdf(pages, name);
        downloadBlob(pdf, `${name}.pdf`);
        onStatus({ ok: true, text: t("saved", { file: `${name}.pdf`, pages: pages.length }) });
      }
      setOpen(null);
    } catch (e) {
      onStatus({ ok: false, text: t("failed", { error: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="pb">
      <button
        type="button"
        data-testid="print.open"
        aria-expanded={open !== null}
        aria-haspopup="dialog"
        disabled={!hasResult}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setOpen((o) =>
            o ? null : { left: Math.max(4, Math.min(r.left, window.innerWidth - 300)), top: r.bottom + 4 },
          );
        }}
      >
        {t("button")}
      </button>
      {open ? (
        <div
          className="pb-pop"
          role="dialog"
          aria-label={t("options")}
          style={{ left: open.left, top: open.top }}
        >
          <label>
            <span>{t("content")}</span>
            <select
              data-testid="print.content"
              value={content}
              onChange={(e) => setContent(e.target.value as PrintContent)}
            >
              <option value="map">{t("contentMap")}</option>
              <option value="agenda" disabled={counts.agenda === 0}>
                {t("contentAgenda", { n: counts.agenda })}
              </option>
              <option value="candidates">{t("contentCandidates", { n: counts.candidates })}</option>
              <option value="below-standard">{t("contentBelow", { n: counts.below })}</option>
              <option value="selection" disabled={counts.selection === 0}>
                {t("contentSelection", { n: counts.selection })}
              </option>
            </select>
          </label>
          <label>
            <span>{t("paper")}</span>
            <select
              data-testid="print.paper"
              value={paper}
              onChange={(e) => setPaper(e.target.value === "A3" ? "A3" : "A4")}
            >
              <option value="A4">A4</option>
              <option value="A3">A3</option>
            </select>
          </label>
          <label>
            <span>{t("orientation")}</span>
            <select
              data-testid="print.orientation"
              value={orientation}
              onChange={(e) => setOrientation(e.target.value === "portrait" ? "portrait" : "landscape")}
            >
              <option value="landscape">{t("landscape")}</option>
              <option value="portrait">{t("portrait")}</option>
            </select>
          </label>
          <label>
            <span>{t("format")}</span>
            <select
              data-testid="print.format"
              value={effectiveFormat}
              onChange={(e) => setFormat(e.target.value === "png" ? "png" : "pdf")}
            >
              <option value="pdf">PDF</option>
              <option value="png" disabled={content !== "map"}>
                {t("png")}
              </option>
            </select>
          </label>
          <button type="button" data-testid="print.go" disabled={busy} onClick={go}>
            {busy ? t("working") : t("go")}
          </button>
        </div>
      ) : null}
    </span>
  );
}
