/**
 * The table's filter controls. The filter lives in the store (`filter` of the selection slice), so
 * the map dims the same parcels and the exports of "current filter" write the same rows.
 * data-testids: `table.filter.<key>` with the store's filter keys (`zone`, `landUseGroup`,
 * `industryCluster`, `constructionStatus`, `idleStatus`, `efficiencyClass`, `candidateOnly`,
 * `belowStandardOnly`, `text`) and `table.filter.reset`.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { AnalysedParcel } from "../../domain/types";
import type { Lang } from "../../i18n/lang";
import { isFilterActive, selectZoneIds } from "../../state/selectors";
import { useAppStore } from "../../state/store";
import { addResultWarmer } from "../../state/warm";
import { useDeferredWhenLarge } from "../hooks";
import {
  filterChoices,
  SELECT_FILTERS,
  type SelectFilterName,
  selectPatch,
  warmFilterCounts,
} from "./filterOptions";
import { useZoneName } from "./useZoneName";

const NAMES: Record<
  SelectFilterName | "candidateOnly" | "belowStandardOnly" | "text" | "any" | "reset",
  Record<Lang, string>
> = {
  zone: { zh: "片区", en: "Zone" },
  landUseGroup: { zh: "用地类型", en: "Land use" },
  industryCluster: { zh: "产业集群", en: "Industry" },
  constructionStatus: { zh: "建设状态", en: "Construction" },
  idleStatus: { zh: "闲置状态", en: "Idle" },
  efficiencyClass: { zh: "效益等级", en: "Efficiency" },
  candidateOnly: { zh: "腾笼换鸟候选", en: "Candidates" },
  belowStandardOnly: { zh: "未达标", en: "Below standard" },
  text: { zh: "搜索编号、名称、企业", en: "Search id, name, enterprise" },
  any: { zh: "全部", en: "All" },
  reset: { zh: "清除筛选", en: "Clear" },
};

const EMPTY: AnalysedParcel[] = [];

// The choices' counts: each drop-down's in a task of its own before a large result is written.
for (const name of SELECT_FILTERS) addResultWarmer((s) => warmFilterCounts(s.result?.parcels ?? EMPTY, name));

/** Typing pauses this long before the text filter reaches the store (each update re-filters and re-dims the map). */
const TEXT_DEBOUNCE_MS = 150;

/** The search box: local text while typing, pushed to the store's filter after a short pause. */
function SearchBox({ lang }: { lang: Lang }) {
  const stored = useAppStore((s) => s.filter.text);
  const setFilter = useAppStore((s) => s.setFilter);
  const [text, setText] = useState(stored);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Follow the store when it changes from elsewhere (clear filters, a reset).
  useEffect(() => {
    if (timer.current === null) setText(stored);
  }, [stored]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return (
    <input
      type="search"
      className="pt-search"
      data-testid="table.filter.text"
      placeholder={NAMES.text[lang]}
      aria-label={NAMES.text[lang]}
      value={text}
      onChange={(e) => {
        const v = e.target.value;
        setText(v);
        if (timer.current !== null) clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          timer.current = null;
          setFilter({ text: v });
        }, TEXT_DEBOUNCE_MS);
      }}
    />
  );
}

export function TableFilters() {
  const liveParcels = useAppStore((s) => s.result?.parcels ?? EMPTY);
  // The choices' counts loop over every parcel: at province scale in a render of their own.
  const parcels = useDeferredWhenLarge(liveParcels, liveParcels.length);
  const filter = useAppStore((s) => s.filter);
  const setFilter = useAppStore((s) => s.setFilter);
  const resetFilter = useAppStore((s) => s.resetFilter);
  const lang = useAppStore((s) => s.lang);
  const zoneIds = useAppStore(selectZoneIds);
  const zoneName = useZoneName();

  const choices = useMemo(
    () =>
      Object.fromEntries(
        SELECT_FILTERS.map((n) => [n, filterChoices(parcels, n, lang, zoneName, zoneIds)]),
      ) as Record<SelectFilterName, ReturnType<typeof filterChoices>>,
    [parcels, lang, zoneName, zoneIds],
  );

  return (
    <div className="pt-filters">
      <SearchBox lang={lang} />
      {/* Compact: the filter's name is its "any" choice (片区：全部), so the bar fits one line. */}
      {SELECT_FILTERS.map((name) => (
        <span key={name} className="pt-filter">
          <select
            data-testid={`table.filter.${name}`}
            aria-label={NAMES[name][lang]}
            title={NAMES[name][lang]}
            className={filter[name] !== null ? "pt-filter--on" : undefined}
            value={filter[name] ?? ""}
            onChange={(e) => setFilter(selectPatch(name, e.target.value))}
          >
            <option value="">{`${NAMES[name][lang]}${lang === "zh" ? "：" : ": "}${NAMES.any[lang]}`}</option>
            {choices[name].map((c) => (
              <option key={c.value} value={c.value}>
                {`${c.label} (${c.count})`}
              </option>
            ))}
          </select>
        </span>
      ))}
      {(["candidateOnly", "belowStandardOnly"] as const).map((name) => (
        <label key={name} className="pt-check">
          <input
            type="checkbox"
            data-testid={`table.filter.${name}`}
            checked={filter[name]}
            onChange={(e) => setFilter({ [name]: e.target.checked })}
          />
          <span>{NAMES[name][lang]}</span>
        </label>
      ))}
      <button
        type="button"
        className="pt-reset"
        data-testid="table.filter.reset"
        disabled={!isFilterActive(filter)}
        onClick={resetFilter}
      >
        {NAMES.reset[lang]}
      </button>
    </div>
  );
}
