/**
 * The park's zones: ids as data holds them, and their names (黄土坎片区 Huangtukan, 大样榜片区
 * Dayangbang). One source for the header buttons, the table, the detail panel, the map labels,
 * the importer (which accepts the Chinese names) and the exports.
 */
import type { Bilingual } from "./vocabulary";

export const PARK_ZONES = ["huangtukan", "dayangbang"] as const;
export type ParkZone = (typeof PARK_ZONES)[number];

interface ZoneNames extends Bilingual {
  /** The short Chinese name (黄土坎), for buttons and column heads. */
  zhShort: string;
  /** The English name as a map label (`Huangtukan Zone`). */
  enLabel: string;
}

export const ZONE_NAMES: Record<ParkZone, ZoneNames> = {
  huangtukan: { zh: "黄土坎片区", zhShort: "黄土坎", en: "Huangtukan", enLabel: "Huangtukan Zone" },
  dayangbang: { zh: "大样榜片区", zhShort: "大样榜", en: "Dayangbang", enLabel: "Dayangbang Zone" },
};

function isParkZone(id: string): id is ParkZone {
  return Object.hasOwn(ZONE_NAMES, id);
}

/**
 * The built-in name of a park zone id, or `undefined` for any other zone.
 * @example parkZoneName("huangtukan", "zh") // "黄土坎片区"; parkZoneName("huangtukan", "zh", true) // "黄土坎"
 */
export function parkZoneName(id: string, lang: keyof Bilingual, short = false): string | undefined {
  if (!isParkZone(id)) return undefined;
  const z = ZONE_NAMES[id];
  return lang === "en" ? z.en : short ? z.zhShort : z.zh;
}

/**
 * The zone id of a zone written by name (`黄土坎片区`, `黄土坎`), else `undefined`.
 * @example zoneIdOfName("大样榜") // "dayangbang"
 */
export function zoneIdOfName(name: string): ParkZone | undefined {
  return PARK_ZONES.find((id) => ZONE_NAMES[id].zh === name || ZONE_NAMES[id].zhShort === name);
}
