/**
 * The map's hover tooltip text: the parcel's id and its value under the current indicator, with
 * the unit ("HTK-012 · 投资强度 185.30 万元/亩"; a category by its legend name, "—" for no value).
 */
import { isNumericIndicator } from "../domain/fields";
import type { AppState } from "../state/types";
import { categoryLabelOf, indicatorTitle } from "./colouring";
import { DASH, formatField } from "./format";

export function hoverText(s: AppState, id: string): string {
  const p = s.byId.get(id);
  if (!p) return id;
  const title = indicatorTitle(s.indicator, s.lang);
  const value = isNumericIndicator(s.indicator)
    ? formatField(
        s.indicator,
        (p.computed as unknown as Record<string, number | null>)[s.indicator],
        s.lang,
        s.unit,
      )
    : (categoryLabelOf(s.indicator, p, s.lang) ?? DASH);
  return `${id} · ${title} ${value}`;
}
