/** Small hooks over the store for components: the language and a bound translator. */
import { useCallback, useDeferredValue } from "react";
import { parkZoneName } from "../domain/zones";
import type { Lang } from "../i18n/lang";
import { t, type UiKey } from "../i18n/ui";
import { useAppStore } from "../state/store";

export function useLang(): Lang {
  return useAppStore((s) => s.lang);
}

/** `tr("key", {params})` in the current language. */
export function useT(): (key: UiKey, params?: Record<string, unknown>) => string {
  const lang = useLang();
  return useCallback((key: UiKey, params?: Record<string, unknown>) => t(key, lang, params), [lang]);
}

/** Zone name: the park's own zones by the domain's names, else the zones layer's `name`, else the id. */
export function zoneName(
  id: string,
  lang: Lang,
  zones: { properties: Record<string, unknown> | null; id?: string | number }[] | undefined,
  short = false,
): string {
  const builtIn = parkZoneName(id, lang, short);
  if (builtIn !== undefined) return builtIn;
  const f = zones?.find((z) => (z.properties?.id ?? z.id) === id);
  const name = f?.properties?.[lang === "en" ? "nameEn" : "name"] ?? f?.properties?.name;
  return typeof name === "string" ? name : id;
}

/** From this many parcels, views that loop over all of them follow a change in a render of their own. */
const DEFER_FROM = 20_000;

/**
 * `value`, deferred (`useDeferredValue`) when the data has `count` ≥ 20,000 parcels: the store's
 * update then renders with the previous value (memos hit) and the heavy render (sizing, counting,
 * indexing 175,000 parcels) follows in a task of its own (issue 13). Below that, `value` itself.
 */
export function useDeferredWhenLarge<T>(value: T, count: number): T {
  const deferred = useDeferredValue(value);
  return count >= DEFER_FROM ? deferred : value;
}
