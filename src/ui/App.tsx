/**
 * The application shell: header and data notice on top; the mode's left panel, the map in the
 * centre and the parcel detail on the right; the parcel table and exports at the bottom. Each
 * mode (analysis now; import, meeting, facilities, scenarios later) brings its own left panel.
 * A splitter between the map and the bottom panel sets their heights; the table can be hidden so
 * the map takes the whole height in a meeting (see `Splitter.tsx`).
 */
import { type ComponentType, lazy, Suspense, useEffect, useRef } from "react";
import type { MapControllerApi, MapFactory } from "../map/api";
import type { Engine } from "../state/engine";
import { tableHeightPx } from "../state/layout";
import { useAppStore } from "../state/store";
import { DataNotice } from "./DataNotice";
import { Header } from "./Header";
import { useT } from "./hooks";
import { ImportFlow, type ImportFlowHandle } from "./import/ImportFlow";
import { loadStandardsFile } from "./loadData";
import { MapToolbar } from "./MapToolbar";
import { MapView } from "./MapView";
import { MeetingButton } from "./meeting/MeetingButton";
import { modeView } from "./modes";
import { ProblemsPanel } from "./ProblemsPanel";
import { ProjectControls } from "./ProjectControls";
import { Splitter, TableToggle, useSplitSpace } from "./Splitter";
import { StatusLine } from "./StatusLine";
import { StorageNotices } from "./StorageNotices";

/** Optional slots filled by other parts of the app when their module exists (table, exports). */
const SLOTS = import.meta.glob<Record<string, unknown>>(
  ["./table/ParcelTable.tsx", "./table/TableExtras.tsx", "./export/ExportBar.tsx"],
  {
    eager: true,
  },
);
function slot(path: string, name: string): ComponentType<{ mapController?: MapControllerApi | null }> | null {
  const mod = SLOTS[path];
  const c = mod?.[name];
  return typeof c === "function" ? (c as ComponentType<{ mapController?: MapControllerApi | null }>) : null;
}
/** Meeting mode's panel loads when a meeting starts (not needed for the first map). */
const MeetingPanel = lazy(() => import("./meeting/MeetingPanel").then((m) => ({ default: m.MeetingPanel })));
const ParcelTable = slot("./table/ParcelTable.tsx", "ParcelTable");
const ExportBar = slot("./export/ExportBar.tsx", "ExportBar");
const ColumnChooser = slot("./table/TableExtras.tsx", "ColumnChooser");

export interface AppProps {
  engine: Engine;
  /** Creates the map (main.tsx: the MapLibre controller). */
  createMap: MapFactory;
  /** The work kept across reloads (take it over from another tab). */
  work?: { takeOver(): void };
  mapController: MapControllerApi | null;
  onMapController(c: MapControllerApi | null): void;
}

export function App({ engine, createMap, work, mapController, onMapController }: AppProps) {
  const tr = useT();
  const mode = useAppStore((s) => s.mode);
  const theme = useAppStore((s) => s.theme);
  const lang = useAppStore((s) => s.lang);
  const clearSelection = useAppStore((s) => s.clearSelection);
  const { left: Left, right: Right } = modeView(mode);
  const tableFraction = useAppStore((s) => s.tableFraction);
  const tableCollapsed = useAppStore((s) => s.tableCollapsed);
  const hasSelection = useAppStore((s) => s.selectedIds.size > 0);
  const topRef = useRef<HTMLDivElement>(null);
  const splitterRef = useRef<HTMLDivElement>(null);
  const importFlow = useRef<ImportFlowHandle>(null);
  const { windowPx, sharedPx } = useSplitSpace(topRef, splitterRef);
  const bottomPx = tableHeightPx({ tableFraction, tableCollapsed }, windowPx, sharedPx);

  useEffect(() => {
    const html = document.documentElement;
    html.classList.toggle("theme-projector", theme === "projector");
    html.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = tr("appTitle");
  }, [theme, lang, tr]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) return;
      clearSelection();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [clearSelection]);

  return (
    <div className="app" data-mode={mode}>
      <a className="skip-link" href="#map-region" data-testid="skip.map">
        {tr("skipToMap")}
      </a>
      <div className="app-top" ref={topRef}>
        <Header
          onStandardsFile={(f) => void loadStandardsFile(useAppStore, f)}
          onParcelsFile={(files) => importFlow.current?.open(files)}
        >
          <ProjectControls engine={engine} mapController={mapController} />
          <MeetingButton mapController={mapController} />
        </Header>
        <DataNotice />
        <StorageNotices {...(work ? { onTakeOver: () => work.takeOver() } : {})} />
        <ProblemsPanel />
      </div>
      {/* Without a selection the detail panel only holds a hint: on narrow screens and on the
          projector the map takes its place (app.css, .app-body--no-detail). */}
      {/* Meeting mode (src/ui/meeting): the map and the meeting panel side by side; app.css hides the rest. */}
      <div className={hasSelection || mode === "meeting" ? "app-body" : "app-body app-body--no-detail"}>
        <aside className="side side--left" aria-label={tr("indicator")} data-testid="panel.left">
          <Left />
        </aside>
        <main className="centre" id="map-region">
          <MapView createMap={createMap} onController={onMapController} />
          <MapToolbar mapController={mapController} />
          <StatusLine />
          <ImportFlow ref={importFlow} engine={engine} />
        </main>
        <aside className="side side--right" aria-label={tr("detail")} data-testid="panel.right">
          {mode === "meeting" ? (
            <Suspense fallback={null}>
              <MeetingPanel mapController={mapController} />
            </Suspense>
          ) : (
            <Right />
          )}
        </aside>
      </div>
      {/* One landmark for the splitter and the panel it resizes (axe: no content outside landmarks). */}
      <section className="bottom-area" aria-label={tr("tableSlot")}>
        <Splitter ref={splitterRef} windowPx={windowPx} sharedPx={sharedPx} controls="bottom-panel" />
        <div
          id="bottom-panel"
          className="bottom"
          data-testid="panel.bottom"
          data-collapsed={tableCollapsed}
          style={tableCollapsed ? undefined : { height: `${bottomPx}px` }}
        >
          <div className="bottom__bar">
            <div className="bottom__export" data-testid="slot.export">
              {ExportBar ? <ExportBar mapController={mapController} /> : null}
            </div>
            {/* In the bar (not the filter row, which has no room left at 1366 px); hidden with the table. */}
            {ColumnChooser && !tableCollapsed ? <ColumnChooser /> : null}
            <TableToggle controls="bottom-table" />
          </div>
          <div className="bottom__table" id="bottom-table" data-testid="slot.table" hidden={tableCollapsed}>
            {ParcelTable ? <ParcelTable /> : null}
          </div>
        </div>
      </section>
    </div>
  );
}
