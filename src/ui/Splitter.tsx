/**
 * The map/table split: a horizontal separator between the map and the bottom panel (drag with a
 * pointer; ArrowUp/ArrowDown resize by 5 % of the window, Home collapses, End shows the panel) and
 * the "hide/show table" button. The layout lives in the store's persisted settings; the pure rules
 * (clamping, steps) are in `src/state/layout.ts`. MapLibre observes its container's size itself,
 * so the map redraws when the panel changes.
 * data-testids: `layout.splitter`, `layout.table.toggle`.
 */
import { type PointerEvent as ReactPointerEvent, type RefObject, useEffect, useRef, useState } from "react";
import type { Lang } from "../i18n/lang";
import { dragTable, keyTable, tableHeightPx } from "../state/layout";
import { useAppStore } from "../state/store";

const TEXT: Record<"resize" | "hide" | "show" | "collapsed" | "height", Record<Lang, string>> = {
  resize: { zh: "调整地图与表格的高度", en: "Resize map and table" },
  hide: { zh: "收起表格", en: "Hide table" },
  show: { zh: "展开表格", en: "Show table" },
  collapsed: { zh: "表格已收起", en: "Table hidden" },
  height: { zh: "表格高度 {p}%", en: "Table height {p}%" },
};

/** Window height, and the px the map and the bottom panel share (window minus the top bars and the splitter). */
export function useSplitSpace(top: RefObject<HTMLElement | null>, splitter: RefObject<HTMLElement | null>) {
  const measure = () => {
    const windowPx = window.innerHeight;
    const topPx = top.current?.getBoundingClientRect().height ?? 0;
    const splitPx = splitter.current?.getBoundingClientRect().height ?? 0;
    return { windowPx, sharedPx: Math.max(0, windowPx - topPx - splitPx) };
  };
  const [space, setSpace] = useState(() => ({ windowPx: window.innerHeight, sharedPx: window.innerHeight }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: measure reads refs only; observe once
  useEffect(() => {
    const update = () =>
      setSpace((old) => {
        const m = measure();
        return m.windowPx === old.windowPx && m.sharedPx === old.sharedPx ? old : m;
      });
    update();
    const ro = typeof ResizeObserver === "function" ? new ResizeObserver(update) : null;
    if (top.current) ro?.observe(top.current);
    window.addEventListener("resize", update);
    return () => {
      ro?.disconnect();
      window.removeEventListener("resize", update);
    };
  }, []);
  return space;
}

export interface SplitterProps {
  windowPx: number;
  sharedPx: number;
  /** id of the bottom panel (aria-controls). */
  controls: string;
  ref?: RefObject<HTMLDivElement | null>;
}

export function Splitter({ windowPx, sharedPx, controls, ref }: SplitterProps) {
  const lang = useAppStore((s) => s.lang);
  const tableFraction = useAppStore((s) => s.tableFraction);
  const tableCollapsed = useAppStore((s) => s.tableCollapsed);
  const setTableLayout = useAppStore((s) => s.setTableLayout);
  const layout = { tableFraction, tableCollapsed };
  const px = tableHeightPx(layout, windowPx, sharedPx);
  const percent = windowPx > 0 ? Math.round((px / windowPx) * 100) : 0;
  const drag = useRef<{ pointer: number; y: number; px: number } | null>(null);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { pointer: e.pointerId, y: e.clientY, px };
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    // Dragging up makes the panel taller.
    setTableLayout(dragTable(d.px + (d.y - e.clientY), windowPx, sharedPx));
  };
  const onPointerEnd = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer === e.pointerId) drag.current = null;
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be focused or dragged; this is the ARIA window-splitter pattern
    <div
      ref={ref}
      className="splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label={TEXT.resize[lang]}
      aria-controls={controls}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={
        tableCollapsed ? TEXT.collapsed[lang] : TEXT.height[lang].replace("{p}", String(percent))
      }
      tabIndex={0}
      data-testid="layout.splitter"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onKeyDown={(e) => {
        const next = keyTable(layout, e.key, windowPx, sharedPx);
        if (!next) return;
        e.preventDefault();
        setTableLayout(next);
      }}
    >
      <span className="splitter__grip" aria-hidden="true" />
    </div>
  );
}

/** Hide or show the bottom panel's table (the export bar stays). */
export function TableToggle({ controls }: { controls: string }) {
  const lang = useAppStore((s) => s.lang);
  const collapsed = useAppStore((s) => s.tableCollapsed);
  const setTableLayout = useAppStore((s) => s.setTableLayout);
  return (
    <button
      type="button"
      className="btn table-toggle"
      data-testid="layout.table.toggle"
      aria-expanded={!collapsed}
      aria-controls={controls}
      onClick={() => setTableLayout({ tableCollapsed: !collapsed })}
    >
      <span aria-hidden="true">{collapsed ? "▴ " : "▾ "}</span>
      {collapsed ? TEXT.show[lang] : TEXT.hide[lang]}
    </button>
  );
}
