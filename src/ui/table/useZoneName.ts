/**
 * Display names of zones: the zones layer's `name` (黄土坎片区) in Chinese; in English its
 * `nameEn` / `name_en` when given, else the id capitalised (`huangtukan` → "Huangtukan").
 */
import { useMemo } from "react";
import type { Lang } from "../../i18n/lang";
import { useAppStore } from "../../state/store";
import type { ContextData } from "../../state/types";

/** Pure: a zone-name function for the given zones layer and language. */
export function zoneNamer(context: ContextData | null, lang: Lang): (id: string) => string {
  const names = new Map<string, string>();
  for (const f of context?.zones.features ?? []) {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const id = typeof props.id === "string" ? props.id : typeof f.id === "string" ? f.id : null;
    if (!id) continue;
    const zh = typeof props.name === "string" ? props.name : null;
    const en =
      typeof props.nameEn === "string"
        ? props.nameEn
        : typeof props.name_en === "string"
          ? props.name_en
          : null;
    const name = lang === "zh" ? zh : en;
    if (name) names.set(id, name);
  }
  return (id) => names.get(id) ?? (lang === "en" ? id.charAt(0).toUpperCase() + id.slice(1) : id);
}

export function useZoneName(): (id: string) => string {
  const context = useAppStore((s) => s.context);
  const lang = useAppStore((s) => s.lang);
  return useMemo(() => zoneNamer(context, lang), [context, lang]);
}
