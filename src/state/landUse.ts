/**
 * Land-use groups for the table filter. The map layer owns the authoritative grouping and its
 * colours (`src/map/style.ts` `landUseGroup`); the state layer may not import the map, so the app
 * registers that function at start-up (`setLandUseGrouping`). Until then (and in unit tests) a
 * plain prefix grouping of the 2023 用地用海分类 codes is used.
 */

export type LandUseGrouping = (code: string | undefined) => string;

/** Prefix grouping of 用地用海分类 codes (same group ids as `src/map/landuse.ts`). */
export const defaultLandUseGroup: LandUseGrouping = (code) => {
  const c = (code ?? "").trim();
  if (c === "") return "unknown";
  const prefixes: [string, string][] = [
    ["0702", "publicService"],
    ["07", "residential"],
    ["08", "publicService"],
    ["09", "commercial"],
    ["10", "industrial"],
    ["11", "logistics"],
    ["12", "transport"],
    ["13", "utilities"],
    ["14", "green"],
    ["2301", "vacant"],
  ];
  for (const [prefix, group] of prefixes) if (c.startsWith(prefix)) return group;
  return "other";
};

let grouping: LandUseGrouping = defaultLandUseGroup;

export function setLandUseGrouping(fn: LandUseGrouping): void {
  grouping = fn;
}
export function landUseGroupOf(code: string | undefined): string {
  return grouping(code);
}
