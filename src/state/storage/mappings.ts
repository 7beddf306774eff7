/**
 * Field mappings remembered per set of field names (`mappingSignature`), so the next file with
 * the same fields opens with the mapping chosen last time. Kept in the browser's local storage;
 * each remembered mapping is validated on its own when read (`parseMapping`), and one that
 * cannot be used is dropped without touching the others. At most `MAX_REMEMBERED`, newest kept.
 */
import { type FieldMapping, parseMapping } from "../../io/mapping";

export const MAPPINGS_KEY = "jiyue.importMappings.v1";
const MAX_REMEMBERED = 50;

type Entries = { signature: string; mapping: FieldMapping }[];

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function readAll(): Entries {
  const raw = storage()?.getItem(MAPPINGS_KEY);
  if (!raw) return [];
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const out: Entries = [];
  for (const e of list) {
    if (typeof e !== "object" || e === null || typeof (e as { signature?: unknown }).signature !== "string")
      continue;
    const r = parseMapping(
      new TextEncoder().encode(JSON.stringify((e as { mapping?: unknown }).mapping ?? null)),
      MAPPINGS_KEY,
    );
    if (r.mapping) out.push({ signature: (e as { signature: string }).signature, mapping: r.mapping });
  }
  return out;
}

/** The mapping remembered for these fields, if any. */
export function rememberedMapping(signature: string): FieldMapping | undefined {
  return readAll().find((e) => e.signature === signature)?.mapping;
}

/** Remember a mapping for these fields (storage full or unavailable: not remembered, no error). */
export function rememberMapping(signature: string, mapping: FieldMapping): void {
  const list = readAll().filter((e) => e.signature !== signature);
  list.unshift({ signature, mapping });
  try {
    storage()?.setItem(MAPPINGS_KEY, JSON.stringify(list.slice(0, MAX_REMEMBERED)));
  } catch {
    // quota or privacy mode: the mapping is simply not remembered
  }
}
