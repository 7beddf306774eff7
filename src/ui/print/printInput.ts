/**
 * What the app prints, read from the store: the analysis result, the map's own colouring and
 * legend (so the page is coloured and keyed as the screen), the visible context layers and flag
 * overlay, the agenda choices, and the ground extent the map shows.
 */

import { atlasAgenda } from "../../domain/agenda";
import { DEFAULT_ANALYSIS_CRS } from "../../domain/crs";
import type { AnalysedParcel } from "../../domain/types";
import { contextFromGeoJson, PRINT_TEXT, type PrintInput } from "../../i18n/print";
import type { Orientation, Paper } from "../../io/pdf/layout";
import type { LegendEntry } from "../../io/pdf/render";
import type { MapViewState } from "../../map/api";
import { toMapProperties } from "../../map/features";
import { colourFor, FACILITY_KINDS } from "../../map/style";
import { selectAgenda } from "../../state/meeting";
import { selectMapContext } from "../../state/planner";
import type { AppState } from "../../state/types";
import { selectColouring, selectLegend } from "../colouring";

export type PrintContent = "map" | "agenda" | "candidates" | "below-standard" | "selection";

/** The agenda of an atlas (ids in order), or null for the current map. */
export function agendaFor(s: AppState, content: PrintContent): string[] | null {
  const parcels = s.result?.parcels ?? [];
  if (content === "map") return null;
  if (content === "selection") {
    const order = new Map(parcels.map((p, i) => [p.input.id, i]));
    return [...s.selectedIds].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!);
  }
  if (content === "agenda") return selectAgenda(s).ids;
  return atlasAgenda(parcels, content);
}

export function printInputFrom(s: AppState, paper: Paper, orientation: Orientation): PrintInput | null {
  if (!s.result) return null;
  const lang = s.lang;
  const legend = selectLegend(s);
  const colour = colourFor(selectColouring(s));
  const flagHatch = legend.indicator === "flags";
  const entries: LegendEntry[] = legend.classes.map((c) => {
    const hatch = flagHatch && (c.filter as { flag?: unknown }).flag;
    return {
      label: c.label,
      color: c.color,
      count: c.count,
      ...(hatch === "idle" || hatch === "under" ? { hatch } : {}),
    };
  });
  if (legend.noData)
    entries.push({ label: legend.noData.label, color: legend.noData.color, count: legend.noData.count });
  const visible = s.contextVisible;
  // The facilities as the map shows them: the file's, with the six-ones plan's own (planned and
  // proposed sites the planner placed or accepted) in their place (issue 10: the plan in print).
  const mapContext = selectMapContext(s) ?? s.context;
  const context = mapContext
    ? contextFromGeoJson({
        zones: mapContext.zones,
        roads: mapContext.roads,
        facilities: mapContext.facilities,
        facilityColor: (kind) =>
          (typeof kind === "string" ? FACILITY_KINDS[kind]?.color : undefined) ?? "#37474f",
      })
    : {};
  return {
    result: s.result,
    lang,
    synthetic: s.dataset?.synthetic ?? false,
    source: s.dataset?.fileName ?? "—",
    crs: s.standards?.standards.analysisCrs ?? DEFAULT_ANALYSIS_CRS,
    colouring: {
      legend: {
        title: legend.title,
        unit: legend.unit,
        entries,
        countText: (n) => PRINT_TEXT.count[lang].replace("{n}", String(n)),
      },
      colourOf: (p: AnalysedParcel) => colour(toMapProperties(p)),
    },
    context,
    layers: {
      zones: visible.zones,
      roads: visible.roads,
      facilities: visible.facilities,
      flags: s.flagsVisible,
    },
    paper,
    orientation,
  };
}

/** The lon/lat box the screen map shows (MapLibre's 512-px tiles in Web Mercator). */
export function screenExtent(view: MapViewState, widthPx: number, heightPx: number) {
  const [lon, lat] = view.center;
  const cos = Math.cos((lat * Math.PI) / 180);
  const mpp = (40075016.686 * cos) / (512 * 2 ** view.zoom);
  const dLon = (widthPx * mpp) / 2 / (111320 * cos);
  const dLat = (heightPx * mpp) / 2 / 110574;
  return { west: lon - dLon, east: lon + dLon, south: lat - dLat, north: lat + dLat };
}
