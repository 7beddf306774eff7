/**
 * The export bar: CSV and GeoJSON of all parcels or the current table filter (through the same
 * writers as the CLI, CSV headers and values in the UI language), and the current map view as
 * PNG. A synthetic dataset's exports are marked: file names, the CSV's first column, the
 * GeoJSON's `jiyue` member, a notice drawn on the PNG.
 * Shapefile (zip) for the bureau's GIS, and a coordinate choice for GeoJSON and Shapefile:
 * 经纬度 (lon/lat) or 原坐标系 (the data's own CRS, when it has one).
 * data-testids: `export.scope`, `export.csv`, `export.geojson`, `export.shp`, `export.crs`,
 * `export.png`, `export.status`.
 */
import { useState } from "react";
import { EXPORT_TEXT } from "../../i18n/exports";
import type { Lang } from "../../i18n/lang";
import type { MapControllerApi } from "../../map/api";
import { isFilterActive, selectRows } from "../../state/selectors";
import { useAppStore } from "../../state/store";
import { PrintButton } from "../print/PrintButton";
import { downloadBlob } from "./download";
import {
  type ExportCrs,
  type ExportScope,
  exportCrsCode,
  exportFileName,
  exportParts,
  exportShapefile,
  MIME,
  scopedResult,
} from "./exportFiles";
import { stampPng } from "./stampPng";
import "./export.css";

const TEXT = {
  title: { zh: "导出", en: "Export" },
  scope: { zh: "导出范围", en: "Export scope" },
  scopeAll: { zh: "全部地块", en: "All parcels" },
  scopeFilter: { zh: "当前筛选", en: "Current filter" },
  csv: { zh: "导出 CSV", en: "Export CSV" },
  geojson: { zh: "导出 GeoJSON", en: "Export GeoJSON" },
  png: { zh: "导出图片 PNG", en: "Export PNG image" },
  shp: { zh: "导出 Shapefile (zip)", en: "Export Shapefile (zip)" },
  crs: { zh: "坐标", en: "Coordinates" },
  crsLonLat: { zh: "经纬度", en: "Lon/lat" },
  crsSource: { zh: "原坐标系", en: "Source CRS" },
  saved: { zh: "已导出 {file}（{n} 宗）", en: "Exported {file} ({n} parcels)" },
  savedPng: { zh: "已导出 {file}", en: "Exported {file}" },
  failed: { zh: "导出失败：{error}", en: "Export failed: {error}" },
  noMap: { zh: "地图尚未就绪", en: "The map is not ready yet" },
} satisfies Record<string, Record<Lang, string>>;

type StatusKey = "saved" | "savedPng" | "failed" | "noMap";

const fillIn = (s: string, p: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (m, k) => String(p[k] ?? m));

export interface ExportBarProps {
  /** The map controller (for the PNG), as the app shell passes it; the button is disabled while there is none. */
  mapController?: (Pick<MapControllerApi, "exportPng"> & Partial<Pick<MapControllerApi, "getView">>) | null;
}

export function ExportBar({ mapController: map = null }: ExportBarProps) {
  const lang = useAppStore((s) => s.lang);
  const asOf = useAppStore((s) => s.result?.asOf ?? s.asOf);
  const hasResult = useAppStore((s) => s.result !== null);
  // The sample data (or any dataset marked synthetic) is marked in every export.
  const synthetic = useAppStore((s) => s.dataset?.synthetic ?? false);
  const filterActive = useAppStore((s) => isFilterActive(s.filter));
  const filteredCount = useAppStore((s) => selectRows(s).length);
  const total = useAppStore((s) => s.result?.parcels.length ?? 0);
  const [scope, setScope] = useState<ExportScope>("all");
  const sourceCrs = useAppStore((s) => s.dataset?.crs?.crs);
  const [crsChoice, setCrsChoice] = useState<ExportCrs>("lonlat");
  // The status as a message key and its values, so it follows a language switch.
  const [status, setStatus] = useState<{ key: StatusKey; params: Record<string, string | number> } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  // The print button's last message (already in the UI language), shown until another export.
  const [printMsg, setPrintMsg] = useState<string | null>(null);

  const effectiveScope: ExportScope = scope === "filter" && filterActive ? "filter" : "all";

  const exportData = async (format: "csv" | "geojson" | "shp") => {
    const s = useAppStore.getState();
    if (!s.result) return;
    try {
      const result = scopedResult(s.result, effectiveScope, selectRows(s));
      const file = exportFileName(format, lang, result.asOf, effectiveScope, synthetic);
      const outCrs = exportCrsCode(crsChoice, sourceCrs);
      const parts =
        format === "shp"
          ? [await exportShapefile(result, lang, outCrs, synthetic)]
          : exportParts(result, format, lang, synthetic, outCrs);
      downloadBlob(new Blob(parts, { type: MIME[format] }), file);
      setStatus({ key: "saved", params: { file, n: result.parcels.length } });
      setPrintMsg(null);
    } catch (e) {
      setStatus({ key: "failed", params: { error: e instanceof Error ? e.message : String(e) } });
    }
  };

  const exportPng = async () => {
    if (!map) {
      setStatus({ key: "noMap", params: {} });
      return;
    }
    setBusy(true);
    try {
      const png = await map.exportPng();
      const blob = synthetic ? await stampPng(png, EXPORT_TEXT.syntheticImage[lang]) : png;
      const file = exportFileName("png", lang, asOf, "all", synthetic);
      downloadBlob(blob, file);
      setStatus({ key: "savedPng", params: { file } });
      setPrintMsg(null);
    } catch (e) {
      setStatus({ key: "failed", params: { error: e instanceof Error ? e.message : String(e) } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="xb" aria-label={TEXT.title[lang]}>
      <label className="xb-scope">
        <span>{TEXT.scope[lang]}</span>
        <select
          data-testid="export.scope"
          value={effectiveScope}
          onChange={(e) => setScope(e.target.value === "filter" ? "filter" : "all")}
        >
          <option value="all">{`${TEXT.scopeAll[lang]} (${total})`}</option>
          <option value="filter" disabled={!filterActive}>
            {`${TEXT.scopeFilter[lang]} (${filterActive ? filteredCount : total})`}
          </option>
        </select>
      </label>
      <button
        type="button"
        data-testid="export.csv"
        disabled={!hasResult}
        onClick={() => void exportData("csv")}
      >
        {TEXT.csv[lang]}
      </button>
      <button
        type="button"
        data-testid="export.geojson"
        disabled={!hasResult}
        onClick={() => void exportData("geojson")}
      >
        {TEXT.geojson[lang]}
      </button>
      <button
        type="button"
        data-testid="export.shp"
        disabled={!hasResult}
        onClick={() => void exportData("shp")}
      >
        {TEXT.shp[lang]}
      </button>
      <label className="xb-scope">
        <span>{TEXT.crs[lang]}</span>
        <select
          data-testid="export.crs"
          value={crsChoice}
          onChange={(e) => setCrsChoice(e.target.value === "source" ? "source" : "lonlat")}
        >
          <option value="lonlat">{`${TEXT.crsLonLat[lang]} (EPSG:4326)`}</option>
          <option value="source" disabled={!sourceCrs || sourceCrs === "EPSG:4326"}>
            {sourceCrs && sourceCrs !== "EPSG:4326"
              ? `${TEXT.crsSource[lang]} (${sourceCrs})`
              : TEXT.crsSource[lang]}
          </option>
        </select>
      </label>
      <button type="button" data-testid="export.png" disabled={!map || busy} onClick={exportPng}>
        {TEXT.png[lang]}
      </button>
      <PrintButton
        {...(map?.getView ? { getView: () => map.getView!() } : {})}
        onStatus={(m) => setPrintMsg(m.text)}
      />
      <output className="xb-status" data-testid="export.status" aria-live="polite">
        {printMsg ?? (status ? fillIn(TEXT[status.key][lang], status.params) : "")}
      </output>
    </section>
  );
}
