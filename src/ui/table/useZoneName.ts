/** Display names of zones, as the rest of the app shows them (`zoneName` of `src/ui/hooks.ts`). */
import { useMemo } from "react";
import type { Lang } from "../../i18n/lang";
import { useAppStore } from "../../state/store";
import type { ContextData } from "../../state/types";
import { zoneName } from "../hooks";

/** Pure: a zone-name function for the given zones layer and language. */
export function zoneNamer(context: ContextData | null, lang: Lang): (id: string) => string {
  const zones = context?.zones.features as Parameters<typeof zoneName>[2];
  return (id) => zoneName(id, lang, zones);
}

export function useZoneName(): (id: string) => string {
  const context = useAppStore((s) => s.context);
  const lang = useAppStore((s) => s.lang);
  return useMemo(() => zoneNamer(context, lang), [context, lang]);
}
