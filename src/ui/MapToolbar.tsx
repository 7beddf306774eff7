/**
 * The map tools over the map's bottom-left corner: 选择 / 测距 / 测面积 (keyboard V, D, A), and while
 * measuring a small panel above them with the result (length; area in m² and 亩; perimeter), what to do next and 清除. Keys for
 * the active tool (Enter finishes, Escape cancels, Backspace removes the last point) go to the
 * map; Escape with nothing to cancel goes back to 选择. Typing in a field is never taken.
 */
import { type RefObject, useEffect, useRef } from "react";
import { formatAreaM2, formatAreaMu, formatLength, type MapToolTextKey, mapToolText } from "../i18n/mapTools";
import type { MapControllerApi } from "../map/api";
import { useAppStore } from "../state/store";
import type { MapToolId, MeasurementData } from "../state/types";
import { useLang } from "./hooks";
import "./mapTools.css";

interface ToolButton {
  id: MapToolId;
  label: MapToolTextKey;
  hint: MapToolTextKey;
  /** The shortcut key (also shown). */
  key: string;
}

export const TOOL_BUTTONS: readonly ToolButton[] = [
  { id: "select", label: "select", hint: "selectHint", key: "V" },
  { id: "measure-distance", label: "measureDistance", hint: "measureDistanceHint", key: "D" },
  { id: "measure-area", label: "measureArea", hint: "measureAreaHint", key: "A" },
];

/** Is the event aimed at something that takes text or its own keys (then the map tools leave it alone)? */
function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== "string") return false;
  return (
    el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable
  );
}

export interface MapToolbarProps {
  mapController: MapControllerApi | null;
}

export function MapToolbar({ mapController }: MapToolbarProps) {
  const lang = useLang();
  const tool = useAppStore((s) => s.mapTool);
  const setMapTool = useAppStore((s) => s.setMapTool);
  const measurement = useAppStore((s) => s.measurement);
  const tx = (key: MapToolTextKey, params?: Record<string, unknown>) => mapToolText(key, lang, params);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isEditable(e.target) || e.altKey) return;
      // A modal dialog is open: its keys are its own.
      if (document.querySelector("dialog[open]")) return;
      // Meeting mode hides the tools: its keys step through the agenda (src/ui/meeting).
      if (useAppStore.getState().mode === "meeting") return;
      const current = useAppStore.getState().mapTool;
      if (e.key === "Enter" || e.key === "Escape" || e.key === "Backspace") {
        if (e.ctrlKey || e.metaKey) return;
        if (mapController?.toolKey({ key: e.key, shiftKey: e.shiftKey })) {
          e.preventDefault();
          return;
        }
        if (e.key === "Escape" && current !== "select") {
          setMapTool("select");
          e.preventDefault();
        }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.repeat) return;
      const b = TOOL_BUTTONS.find((x) => x.key.toLowerCase() === e.key.toLowerCase());
      if (b) {
        setMapTool(b.id);
        e.preventDefault();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mapController, setMapTool]);

  const bar = useRef<HTMLDivElement>(null);
  useFrameInsets(bar, mapController);

  return (
    <div className="map-tools" data-testid="maptools">
      <div className="map-tools__bar" role="toolbar" aria-label={tx("toolbar")} ref={bar}>
        {TOOL_BUTTONS.map((b) => (
          <button
            key={b.id}
            type="button"
            className="map-tools__btn"
            aria-pressed={tool === b.id}
            aria-keyshortcuts={b.key}
            title={`${tx(b.hint)}（${tx("shortcut", { key: b.key })}）`}
            data-testid={`maptools.${b.id}`}
            onClick={() => setMapTool(b.id)}
          >
            {tx(b.label)}
            <span className="map-tools__key" aria-hidden="true">
              {b.key}
            </span>
          </button>
        ))}
      </div>
      {tool === "measure-distance" || tool === "measure-area" ? (
        <MeasurePanel
          measurement={measurement}
          kind={tool === "measure-area" ? "area" : "distance"}
          tx={tx}
          lang={lang}
          onClear={() => mapController?.clearMeasurement()}
        />
      ) : null}
    </div>
  );
}

/**
 * Tell the map how much of its bottom edge the tool bar covers (from the bar's top down, the scale
 * bar beneath included), so the home view and the zones are framed above it: at 1024×768 the bar
 * sat on 大样榜. Measured, not a constant, so the projector theme's larger bar counts; a hidden
 * bar (meeting mode) covers nothing. The measure panel above the bar is left out: it opens while
 * measuring, when the view is the user's.
 */
function useFrameInsets(bar: RefObject<HTMLElement | null>, mapController: MapControllerApi | null) {
  useEffect(() => {
    const el = bar.current;
    // The box the tools are placed in (`.map-tools`' containing block: the map's area).
    const area = el?.parentElement?.offsetParent;
    if (!el || !area || !mapController?.setFrameInsets || typeof ResizeObserver === "undefined") return;
    const update = () => {
      const b = el.getBoundingClientRect();
      const a = area.getBoundingClientRect();
      const bottom = b.height > 0 ? Math.max(0, Math.ceil(a.bottom - b.top)) : 0;
      mapController.setFrameInsets?.({ top: 0, right: 0, bottom, left: 0 });
    };
    const ro = new ResizeObserver(update);
    ro.observe(el);
    ro.observe(area);
    update();
    return () => ro.disconnect();
  }, [bar, mapController]);
}

interface MeasurePanelProps {
  measurement: MeasurementData | null;
  kind: "distance" | "area";
  lang: "zh" | "en";
  tx(key: MapToolTextKey, params?: Record<string, unknown>): string;
  onClear(): void;
}

function MeasurePanel({ measurement: m, kind, lang, tx, onClear }: MeasurePanelProps) {
  const hint = !m ? tx("startHint") : m.done ? tx("doneHint") : tx("drawingHint");
  return (
    <section className="map-tools__panel" aria-label={tx("panelTitle")} data-testid="maptools.panel">
      <h2 className="map-tools__title">{tx("panelTitle")}</h2>
      {m ? (
        <dl className="map-tools__values" aria-live="polite">
          {kind === "area" ? (
            <>
              <dt>{tx("area")}</dt>
              <dd data-testid="maptools.area">
                {m.areaM2 !== null && m.areaMu !== null ? (
                  <>
                    <span data-testid="maptools.areaM2" data-value={m.areaM2}>
                      {formatAreaM2(m.areaM2, lang)}
                    </span>
                    {" · "}
                    <span data-testid="maptools.areaMu" data-value={m.areaMu}>
                      {formatAreaMu(m.areaMu, lang)}
                    </span>
                  </>
                ) : (
                  "—"
                )}
              </dd>
              <dt>{tx("perimeter")}</dt>
              <dd data-testid="maptools.length" data-value={m.lengthM}>
                {formatLength(m.lengthM, lang)}
              </dd>
            </>
          ) : (
            <>
              <dt>{tx("length")}</dt>
              <dd data-testid="maptools.length" data-value={m.lengthM}>
                {formatLength(m.lengthM, lang)}
              </dd>
            </>
          )}
        </dl>
      ) : null}
      <p className="map-tools__hint" data-testid="maptools.hint">
        {m ? `${tx("vertices", { n: m.vertices })} · ` : ""}
        {hint}
      </p>
      {m ? <p className="map-tools__note">{tx("planeNote", { crs: m.crs })}</p> : null}
      {m ? (
        <button
          type="button"
          className="btn btn--quiet map-tools__clear"
          data-testid="maptools.clear"
          onClick={onClear}
        >
          {tx("clear")}
        </button>
      ) : null}
    </section>
  );
}
