/** Small hooks over the store for components: the language and a bound translator. */
import { useCallback } from "react";
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

/** Zone name from the zones layer (its `name`), else the built-in labels, else the id. */
export function zoneName(
  id: string,
  lang: Lang,
  zones: { properties: Record<string, unknown> | null; id?: string | number }[] | undefined,
  short = false,
): string {
  const builtIn: Record<string, { zh: string; en: string; zhShort: string }> = {
    huangtukan: { zh: "黄土坎片区", en: "Huangtukan", zhShort: "黄土坎" },
    dayangbang: { zh: "大样榜片区", en: "Dayangbang", zhShort: "大样榜" },
  };
  const b = builtIn[id];
  if (b) return lang === "en" ? b.en : short ? b.zhShort : b.zh;
  const f = zones?.find((z) => (z.properties?.id ?? z.id) === id);
  const name = f?.properties?.[lang === "en" ? "nameEn" : "name"] ?? f?.properties?.name;
  return typeof name === "string" ? name : id;
}
