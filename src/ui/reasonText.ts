/**
 * Reason sentences for the UI: `formatReason` of `src/i18n/reasons.ts`, with a plain fallback
 * (the code and its parameters) should that module be missing in a partial build.
 */
import type { Reason } from "../domain/types";
import type { Lang } from "../i18n/lang";

type FormatReason = (r: Reason, lang: Lang) => string;
const mods = import.meta.glob<{ formatReason?: FormatReason }>("../i18n/reasons.ts", { eager: true });
const fromModule = Object.values(mods)[0]?.formatReason;

function fallback(r: Reason): string {
  const params = Object.entries(r.params)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ");
  return params ? `${r.code} (${params})` : r.code;
}

export function reasonText(r: Reason, lang: Lang): string {
  return fromModule ? fromModule(r, lang) : fallback(r);
}
