/**
 * The parcel table: every parcel matching the store's filter, sortable, filterable, linked to the
 * map both ways through the store's selection (a row click selects; a map click scrolls the row
 * into view). Virtualised, so 10,000 rows stay smooth: only the visible rows are in the DOM, rows
 * are memoised, and no row subscribes to the store (the table passes each row what it needs).
 * Columns are as wide as their content (`widths.ts`), the grid scrolls sideways with the id column
 * kept in view, and the user chooses the columns shown (a persisted setting).
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type CSSProperties,
  type KeyboardEvent,
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { currentValue, type EditedValues, originalValue } from "../../domain/edits";
import { fieldInfo } from "../../domain/fields";
import type { AnalysedParcel } from "../../domain/types";
import { editText } from "../../i18n/edits";
import { selectRows } from "../../state/selectors";
import { selectEditedValues } from "../../state/slices/history";
import { type AppState, useAppStore } from "../../state/store";
import { addResultWarmer } from "../../state/warm";
import { CellEditor } from "../edit/CellEditor";
import { useDeferredWhenLarge } from "../hooks";
import {
  type CellContext,
  columnOf,
  formatNumber,
  headerLabel,
  TABLE_COLUMNS,
  type TableColumn,
} from "./columns";
import { nextSort, type SortState, sortRows } from "./sort";
import { ALWAYS_SHOWN, EmptyTable, FilterChips } from "./TableExtras";
import { TableFilters } from "./TableFilters";
import { useZoneName, zoneNamer } from "./useZoneName";
import { canvasMeasurer, columnWidths, type MeasureText } from "./widths";
import "./table.css";

/**
 * Row and header heights in px per theme (fixed, so the virtualiser needs no measuring); the header
 * has two lines, the label and then the unit. The projector theme has larger type.
 */
const HEIGHTS = { default: { row: 28, head: 40 }, projector: { row: 36, head: 52 } } as const;
/** The table's font sizes per theme (app.css `--fs`, `--fs-small`), for sizing columns to content. */
const FONT_PX = { default: { cell: 13, small: 12 }, projector: { cell: 17, small: 15 } } as const;

const EMPTY_PARCELS: AnalysedParcel[] = [];

let measurer: MeasureText | null = null;
/** One canvas measurer with the app's font family (app.css `--font`). */
function measureText(): MeasureText {
  if (!measurer) {
    const family =
      typeof getComputedStyle === "function"
        ? getComputedStyle(document.documentElement).getPropertyValue("--font").trim()
        : "";
    measurer = canvasMeasurer(family || "sans-serif");
  }
  return measurer;
}

interface RowProps {
  columns: readonly TableColumn[];
  parcel: AnalysedParcel;
  index: number;
  selected: boolean;
  ctx: CellContext;
  onSelect: (id: string, how: "replace" | "toggle") => void;
  onZoom: (id: string) => void;
  /** The values the current edits give (the editable cells show them at once). */
  editedValues: EditedValues;
  /** A refused value's message (shown in the toolbar), or `null`. */
  onEditMessage: (message: string | null) => void;
  commitEdits: AppState["commitEdits"];
}

const Row = memo(function Row({
  columns,
  parcel,
  index,
  selected,
  ctx,
  onSelect,
  onZoom,
  editedValues,
  onEditMessage,
  commitEdits,
}: RowProps) {
  const id = parcel.input.id;
  const flagged = parcel.computed.reallocationCandidate;
  return (
    // Keyboard: the table's scroll box takes focus and the arrow keys move the selection.
    <tr
      aria-selected={selected}
      data-testid={`table.row.${id}`}
      data-id={id}
      className={`pt-row${selected ? " pt-row--selected" : ""}${flagged ? " pt-row--flagged" : ""}${index % 2 ? " pt-row--odd" : ""}`}
      onClick={(e) => onSelect(id, e.ctrlKey || e.metaKey ? "toggle" : "replace")}
      // A double click zooms to the parcel: it must not also select the cell's text.
      onMouseDown={(e) => {
        if (e.detail > 1) e.preventDefault();
      }}
      onDoubleClick={() => onZoom(id)}
    >
      {columns.map((c) => {
        if (c.input) {
          const info = fieldInfo(c.input);
          if (info) {
            const value = currentValue(parcel, c.input, editedValues);
            const original = originalValue(parcel, c.input);
            const originalText =
              typeof original === "number"
                ? formatNumber(original, 2, ctx.lang)
                : original === null
                  ? editText("noValue", ctx.lang)
                  : String(original);
            return (
              <td
                key={c.field}
                className={`pt-cell pt-cell--num pt-cell--edit${value !== original ? " pt-cell--edited" : ""}`}
              >
                <CellEditor
                  parcelId={id}
                  field={info}
                  value={value}
                  original={original}
                  originalText={originalText}
                  label={editText("cellLabel", ctx.lang, { field: info[ctx.lang], id })}
                  lang={ctx.lang}
                  commitEdits={commitEdits}
                  onMessage={onEditMessage}
                  testid={`table.edit.${id}.${c.field}`}
                />
              </td>
            );
          }
        }
        const text = c.text(parcel, ctx);
        return (
          <td key={c.field} className={`pt-cell${c.numeric ? " pt-cell--num" : ""}`} title={text}>
            {text}
          </td>
        );
      })}
    </tr>
  );
});

/** The columns shown: all but the hidden ones (the id column always). */
function shownColumns(hiddenColumns: readonly string[]): TableColumn[] {
  return TABLE_COLUMNS.filter((c) => c.field === ALWAYS_SHOWN || !hiddenColumns.includes(c.field));
}

let widthsMemo: { inputs: readonly unknown[]; widths: number[] } | null = null;
/**
 * The column widths for these parcels and settings, memoised on them, so a large result's are
 * made before it is written (`addResultWarmer`) and the table's render finds them made.
 */
function widthsFor(
  parcels: readonly AnalysedParcel[],
  hiddenColumns: readonly string[],
  lang: AppState["lang"],
  unit: AppState["unit"],
  theme: AppState["theme"],
  context: AppState["context"],
): number[] {
  const inputs = [parcels, hiddenColumns, lang, unit, theme, context];
  if (widthsMemo?.inputs.every((v, i) => v === inputs[i])) return widthsMemo.widths;
  const columns = shownColumns(hiddenColumns);
  const ctx: CellContext = { lang, unit, zoneName: zoneNamer(context, lang) };
  const font = FONT_PX[theme];
  const headers = columns.map((c) => headerLabel(c.field, lang, unit));
  const widths = columnWidths(columns, headers, parcels, ctx, measureText(), font.cell, font.small);
  widthsMemo = { inputs, widths };
  return widths;
}
addResultWarmer((s) =>
  widthsFor(s.result?.parcels ?? EMPTY_PARCELS, s.hiddenColumns, s.lang, s.unit, s.theme, s.context),
);

export function ParcelTable() {
  const liveRows = useAppStore(selectRows);
  const liveParcels = useAppStore((s) => s.result?.parcels ?? EMPTY_PARCELS);
  // Province scale (issue 13): the table follows a new result or filter in a render of its own
  // (sizing the columns, indexing and measuring 175,000 rows), not in the task of the store update.
  const rows = useDeferredWhenLarge(liveRows, liveParcels.length);
  const parcels = useDeferredWhenLarge(liveParcels, liveParcels.length);
  const total = parcels.length;
  const hiddenColumns = useAppStore((s) => s.hiddenColumns);
  const lang = useAppStore((s) => s.lang);
  const unit = useAppStore((s) => s.unit);
  const scoreScale = useAppStore((s) => s.result?.efficiencyScale);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const select = useAppStore((s) => s.select);
  const requestZoom = useAppStore((s) => s.requestZoom);
  const clearSelection = useAppStore((s) => s.clearSelection);
  const theme = useAppStore((s) => s.theme);
  const { row: ROW_HEIGHT, head: HEADER_HEIGHT } = HEIGHTS[theme];
  const zoneName = useZoneName();
  const [sort, setSort] = useState<SortState | null>(null);
  const editedValues = useAppStore(selectEditedValues);
  const commitEdits = useAppStore((s) => s.commitEdits);
  const [editMessage, setEditMessage] = useState<string | null>(null);

  const ctx = useMemo<CellContext>(() => ({ lang, unit, zoneName }), [lang, unit, zoneName]);
  const columns = useMemo(() => shownColumns(hiddenColumns), [hiddenColumns]);
  // Sized on all parcels (not the filtered rows), so the columns do not jump while filtering.
  const context = useAppStore((s) => s.context);
  const widths = useMemo(
    () => widthsFor(parcels, hiddenColumns, lang, unit, theme, context),
    [parcels, hiddenColumns, lang, unit, theme, context],
  );
  const totalWidth = widths.reduce((s, w) => s + w, 0);

  const sorted = useMemo(() => {
    const col = sort ? columnOf(sort.field) : undefined;
    if (!sort || !col) return rows;
    return sortRows(rows, (p) => col.sortValue(p, ctx), sort.dir);
  }, [rows, sort, ctx]);

  // Made at the first look-up (a selection), not with every new result or filter (175,000 rows).
  const indexById = useMemo(() => {
    let m: Map<string, number> | null = null;
    return {
      get(id: string): number | undefined {
        if (!m) {
          m = new Map<string, number>();
          for (let i = 0; i < sorted.length; i++) m.set((sorted[i] as AnalysedParcel).input.id, i);
        }
        return m.get(id);
      },
    };
  }, [sorted]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // Kept while the rows are: the virtualizer recomputes every row's position when this function
  // changes, and a new one each render did that for all 175,000 rows on every hover or selection.
  const itemKey = useCallback((i: number) => sorted[i]?.input.id ?? i, [sorted]);
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: itemKey,
  });
  // The theme changed the heights: drop the cached sizes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure exactly when the heights change
  useEffect(() => virtualizer.measure(), [virtualizer, ROW_HEIGHT, HEADER_HEIGHT]);

  // A selection made elsewhere (the map, the candidate list) scrolls its row to the middle; one made
  // here (click, arrow keys) scrolls only as far as needed, so the table does not jump under the mouse.
  const lastScrolled = useRef<string | null>(null);
  const selectedHere = useRef<string | null>(null);
  useEffect(() => {
    if (selectedIds.size === 0) {
      lastScrolled.current = null;
      return;
    }
    const last = [...selectedIds].at(-1) as string;
    if (last === lastScrolled.current) return;
    lastScrolled.current = last;
    const i = indexById.get(last);
    if (i !== undefined)
      virtualizer.scrollToIndex(i, { align: selectedHere.current === last ? "auto" : "center" });
  }, [selectedIds, indexById, virtualizer]);

  const onSelect = useCallback(
    (id: string, how: "replace" | "toggle") => {
      selectedHere.current = id;
      select([id], how);
    },
    [select],
  );
  const onZoom = useCallback(
    (id: string) => {
      selectedHere.current = id;
      select([id], "replace");
      requestZoom([id]);
    },
    [select, requestZoom],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed into an editable cell are the cell's (arrows move the caret, Enter commits).
    const target = e.target as HTMLElement;
    if (target.tagName === "INPUT" || target.tagName === "SELECT") return;
    if (sorted.length === 0) return;
    const current = selectedIds.size > 0 ? indexById.get([...selectedIds].at(-1) as string) : undefined;
    let next: number | undefined;
    if (e.key === "ArrowDown") next = current === undefined ? 0 : Math.min(sorted.length - 1, current + 1);
    else if (e.key === "ArrowUp") next = current === undefined ? 0 : Math.max(0, current - 1);
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = sorted.length - 1;
    else if (e.key === "Enter" && current !== undefined) {
      const id = sorted[current]?.input.id;
      if (id) requestZoom([id]);
      e.preventDefault();
      return;
    } else if (e.key === "Escape" && selectedIds.size > 0) {
      clearSelection();
      e.preventDefault();
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    const id = sorted[next]?.input.id;
    if (id) {
      selectedHere.current = id;
      select([id], "replace");
    }
  };

  const items = virtualizer.getVirtualItems();
  const padTop = items.length > 0 ? (items[0]?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  const t = lang === "zh";
  const countText = t
    ? `显示 ${sorted.length} / 共 ${total} 宗`
    : `Showing ${sorted.length} of ${total} parcel${total === 1 ? "" : "s"}`;

  return (
    <section
      className="pt"
      data-testid="table"
      aria-label={t ? "地块列表" : "Parcel table"}
      style={{ "--pt-row-h": `${ROW_HEIGHT}px`, "--pt-head-h": `${HEADER_HEIGHT}px` } as CSSProperties}
    >
      <div className="pt-toolbar">
        <TableFilters />
        {editMessage ? (
          <span className="pt-edit-msg" role="alert" data-testid="table.editMessage">
            {editMessage}
          </span>
        ) : null}
        <FilterChips />
        <output className="pt-count" data-testid="table.count" aria-live="polite">
          {countText}
        </output>
      </div>
      <div ref={scrollRef} className="pt-scroll">
        {/* The grid takes focus; the arrow keys move the selection, Enter zooms, Escape clears. */}
        <table
          className="pt-table"
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA grid pattern on a data table
          role="grid"
          aria-label={t ? "地块列表" : "Parcels"}
          aria-multiselectable
          aria-rowcount={sorted.length + 1}
          tabIndex={0}
          onKeyDown={onKeyDown}
          style={{ width: totalWidth }}
        >
          <colgroup>
            {columns.map((c, i) => (
              <col key={c.field} style={{ width: widths[i] }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {columns.map((c) => {
                const h = headerLabel(c.field, lang, unit, scoreScale);
                const active = sort?.field === c.field ? sort.dir : null;
                return (
                  <th
                    key={c.field}
                    scope="col"
                    aria-sort={active === "asc" ? "ascending" : active === "desc" ? "descending" : "none"}
                    className={`pt-th${c.numeric ? " pt-cell--num" : ""}`}
                  >
                    <button
                      type="button"
                      data-testid={`table.header.${c.field}`}
                      title={
                        h.hint
                          ? `${h.label}${lang === "zh" ? "：" : ": "}${h.hint}`
                          : h.unit
                            ? `${h.label} (${h.unit})`
                            : h.label
                      }
                      onClick={() => setSort((s) => nextSort(s, c.field))}
                    >
                      <span className="pt-th-line">
                        <span className="pt-th-label">{h.label}</span>
                        <span className="pt-th-sort" aria-hidden>
                          {active === "asc" ? "▲" : active === "desc" ? "▼" : ""}
                        </span>
                      </span>
                      <span className="pt-th-unit">{h.unit ?? "\u00a0"}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && <tr aria-hidden className="pt-spacer" style={{ height: padTop }} />}
            {items.map((v) => {
              const p = sorted[v.index];
              if (!p) return null;
              return (
                <Row
                  key={v.key}
                  columns={columns}
                  parcel={p}
                  index={v.index}
                  selected={selectedIds.has(p.input.id)}
                  ctx={ctx}
                  onSelect={onSelect}
                  onZoom={onZoom}
                  editedValues={editedValues}
                  onEditMessage={setEditMessage}
                  commitEdits={commitEdits}
                />
              );
            })}
            {padBottom > 0 && <tr aria-hidden className="pt-spacer" style={{ height: padBottom }} />}
          </tbody>
        </table>
        {sorted.length === 0 && <EmptyTable parcels={parcels} />}
      </div>
    </section>
  );
}
