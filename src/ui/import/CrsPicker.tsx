/**
 * The CRS picker: a search box over the catalogue (`src/domain/crs-catalogue.ts`) by EPSG code or
 * name, a list of matches, the selected one marked. Picking calls `onPick` with the EPSG code.
 */
import { useId, useMemo, useState } from "react";
import { type CatalogueCrs, searchCrs } from "../../domain/crs-catalogue";
import { importText } from "../../i18n/import";
import { useLang } from "../hooks";

/** Matches listed at once (the rest: narrow the search). */
const SHOWN = 40;

export interface CrsPickerProps {
  selected: CatalogueCrs | undefined;
  onPick(code: string): void;
  /** Only projected CRSs (the zone notice: pick another zone). */
  projectedOnly?: boolean;
  testId?: string;
}

export function CrsPicker({ selected, onPick, projectedOnly, testId = "import.crs" }: CrsPickerProps) {
  const lang = useLang();
  const [query, setQuery] = useState("");
  const listId = useId();
  const matches = useMemo(() => {
    const all = searchCrs(query).filter((e) => !projectedOnly || !/longlat/.test(e.proj4));
    // The selected entry first, so the preselected park zone is in view.
    if (selected && all.includes(selected)) return [selected, ...all.filter((e) => e !== selected)];
    return all;
  }, [query, projectedOnly, selected]);
  const name = (e: CatalogueCrs) => (lang === "zh" ? e.zh : e.en);
  return (
    <div className="crs-picker" data-testid={testId}>
      <label className="crs-picker__label">
        <span>{importText("crsPickerLabel", lang)}</span>
        <input
          type="search"
          value={query}
          placeholder={importText("crsSearch", lang)}
          aria-controls={listId}
          data-testid={`${testId}.search`}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <ul className="crs-picker__list" id={listId} aria-label={importText("crsPickerLabel", lang)}>
        {matches.slice(0, SHOWN).map((e) => (
          <li key={e.code}>
            <button
              type="button"
              className={e === selected ? "crs-picker__item crs-picker__item--selected" : "crs-picker__item"}
              aria-pressed={e === selected}
              data-testid={`${testId}.option.${e.code}`}
              onClick={() => onPick(e.code)}
            >
              <span className="crs-picker__code">{e.code}</span> {name(e)}
            </button>
          </li>
        ))}
        {matches.length === 0 ? (
          <li className="crs-picker__empty">{importText("crsNoMatch", lang)}</li>
        ) : null}
        {matches.length > SHOWN ? (
          <li className="crs-picker__empty">{importText("crsMore", lang, { n: matches.length - SHOWN })}</li>
        ) : null}
      </ul>
    </div>
  );
}
