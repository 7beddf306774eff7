/** The languages of the UI and the CLI: Simplified Chinese first, English second. */
export type Lang = "zh" | "en";
export const DEFAULT_LANG: Lang = "zh";

/** A message in both languages. */
export type Bilingual = Record<Lang, string>;

/** Fill `{name}` placeholders of a template with params (values stringified; unknown kept). */
export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k] ?? "—") : m));
}
