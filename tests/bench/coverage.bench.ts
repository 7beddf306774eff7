/**
 * `npm run bench` (second part): six-ones coverage at scale — 10,000 synthetic parcels
 * (`syntheticParcels`, not real data; every 10th marked unsupplied so there are candidate sites)
 * and a synthetic road grid of about 5,000 segments over the same extent.
 *
 * Timed, as the planner does it in the worker: preparing the inputs once (representative points,
 * projection to EPSG:4546, the road graph, every parcel joined to the roads), then the coverage of
 * three facilities of each of the six kinds (a bus line of 12 stops as the sixth) along the roads,
 * and five ranked site suggestions for every kind plus a greedy 3-site pick for one. Also the
 * cost of moving one facility (its coverage alone, the graph reused).
 *
 * Target (issue 10): all of it under 1 s. Reported with the ratio to the floor measured in the
 * same process: JSON.parse of the parcels text. Median of 5 runs. Exit 1 when the target is missed.
 */
import type { LineString, Position } from "geojson";
import { type CoverageFacility, computeCoverage, coveredWithin, SIX_ONES } from "../../src/domain/coverage";
import { type PlanFacility, plannerInputs } from "../../src/domain/facilities";
import { representativePoint } from "../../src/domain/representative-point";
import { isEligibleSite, suggestSites } from "../../src/domain/siting";
import { DEFAULT_STANDARDS } from "../../src/io/default-standards";
import { readParcelsGeoJson } from "../../src/io/geojson-read";
import { syntheticParcels } from "../../src/io/synthetic";
import { createHandlerContext, handleCoverage } from "../../src/worker/handlers";

const TARGET_MS = 1000;
/** A move should show without a visible pause: one frame budget of a slow machine, ~100 ms. */
const MOVE_TARGET_MS = 100;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

const text = JSON.stringify(syntheticParcels(10_000));
const read = readParcelsGeoJson(text, {
  fileName: "synthetic.geojson",
  analysisCrs: DEFAULT_STANDARDS.analysisCrs,
});
const parcels = read.parcels.map((p, i) =>
  i % 10 === 0 ? { ...p, input: { ...p.input, landStatus: "unsupplied" as const } } : p,
);

// The extent of the parcels, lon/lat.
let w = 180;
let s = 90;
let e = -180;
let n = -90;
for (const p of parcels)
  for (const ring of p.geometry.type === "Polygon" ? p.geometry.coordinates : p.geometry.coordinates.flat())
    for (const [x, y] of ring as [number, number][]) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }

// A road grid: 25 east–west and 25 north–south roads of 100 vertices each (≈ 4,950 segments).
const roads: LineString[] = [];
const LINES = 25;
const VERTS = 100;
for (let i = 0; i < LINES; i++) {
  const lat = s + ((n - s) * (i + 0.5)) / LINES;
  const lon = w + ((e - w) * (i + 0.5)) / LINES;
  const ew: Position[] = [];
  const ns: Position[] = [];
  for (let k = 0; k < VERTS; k++) {
    ew.push([w + ((e - w) * k) / (VERTS - 1), lat]);
    ns.push([lon, s + ((n - s) * k) / (VERTS - 1)]);
  }
  roads.push({ type: "LineString", coordinates: ew }, { type: "LineString", coordinates: ns });
}

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function run() {
  const c0 = cpu();
  const t0 = performance.now();
  const inputs = plannerInputs(parcels, roads, DEFAULT_STANDARDS.analysisCrs);
  const t1 = performance.now();
  const pts = inputs.index.points;
  const at = (k: number) => (pts[Math.floor((k * pts.length) / 19)] ?? pts[0])?.xy ?? [0, 0];
  const facilities: CoverageFacility[] = [];
  SIX_ONES.forEach((kind, ki) => {
    if (kind === "bus") {
      facilities.push({
        id: "bus",
        kind,
        status: "existing",
        points: Array.from({ length: 12 }, (_, k) => at((k * 3 + 1) % 19)),
      });
      return;
    }
    for (let j = 0; j < 3; j++)
      facilities.push({ id: `${kind}-${j}`, kind, status: "existing", points: [at((ki * 3 + j) % 19)] });
  });
  const coverage = computeCoverage(inputs.index, facilities, DEFAULT_STANDARDS.services);
  const t2 = performance.now();
  let suggested = 0;
  for (const kind of SIX_ONES)
    suggested += suggestSites(inputs.index, inputs.candidates, facilities, {
      kind,
      services: DEFAULT_STANDARDS.services,
    }).length;
  suggested += suggestSites(inputs.index, inputs.candidates, facilities, {
    kind: "kindergarten",
    services: DEFAULT_STANDARDS.services,
    count: 3,
    greedy: true,
  }).length;
  const t3 = performance.now();
  const c3 = cpu();
  const moved = coveredWithin(inputs.index, [at(7)], 1000, "road");
  const t4 = performance.now();
  return {
    prepare: t1 - t0,
    coverage: t2 - t1,
    suggest: t3 - t2,
    total: t3 - t0,
    cpuTotal: c3 - c0,
    move: t4 - t3,
    segments: inputs.network?.segmentCount ?? 0,
    candidates: inputs.candidates.filter((c) => isEligibleSite(c, undefined)).length,
    covered: coverage.facilities.reduce((a, f) => a + f.coveredDemand, 0),
    suggested,
    movedCovered: moved.size,
  };
}

run(); // warm-up
const runs = Array.from({ length: 5 }, run);
const floors = Array.from({ length: 5 }, () => {
  const t = performance.now();
  JSON.parse(text);
  return performance.now() - t;
});
const m = (k: "prepare" | "coverage" | "suggest" | "total" | "move" | "cpuTotal") =>
  median(runs.map((r) => r[k]));
const floor = median(floors);
const first = runs[0];
console.log(
  `coverage, ${parcels.length} parcels, ${first?.segments} road segments, ${first?.candidates} eligible candidate sites:`,
);
console.log(
  `  prepare ${m("prepare").toFixed(0)} ms + coverage of ${SIX_ONES.length} kinds ${m("coverage").toFixed(0)} ms + suggestions ${m("suggest").toFixed(0)} ms = ${m("total").toFixed(0)} ms (target < ${TARGET_MS} ms); ${(m("total") / floor).toFixed(2)}× JSON.parse of the parcels (${floor.toFixed(0)} ms)`,
);
console.log(
  `  CPU time of the whole: ${m("cpuTotal").toFixed(0)} ms (steadier than wall time on a shared machine)`,
);
console.log(`  moving one facility (its coverage along the roads, graph reused): ${m("move").toFixed(1)} ms`);
// The worker's path when the user moves a facility: the same coverage request again with one
// facility moved. The road graph and joins are kept, the other facilities' reach and every
// candidate site's reach come from the cache: one new shortest-path tree for the coverage, one
// for the moved facility's service area (drawn on the map), and the suggestions re-ranked.
const ll = (k: number): [number, number] => {
  const p = parcels[Math.floor((k * parcels.length) / 19)] ?? parcels[0];
  return (p ? representativePoint(p.geometry) : null) ?? [0, 0];
};
const planFacilities: PlanFacility[] = SIX_ONES.filter((k) => k !== "bus").flatMap((kind, ki) =>
  [0, 1, 2].map((j) => ({
    id: `${kind}-${j}`,
    kind,
    status: "existing" as const,
    geometry: { type: "Point" as const, coordinates: ll((ki * 3 + j) % 19) },
  })),
);
const ctx = createHandlerContext();
const request = (facilities: PlanFacility[]) => ({
  parcels,
  facilities,
  roads,
  analysisCrs: DEFAULT_STANDARDS.analysisCrs,
  services: DEFAULT_STANDARDS.services,
  suggest: { kind: "kindergarten" as const, count: 5 },
  areasFor: ["kindergarten-0", "kindergarten-1", "kindergarten-2"],
});
const tc0 = performance.now();
handleCoverage(ctx, request(planFacilities));
const cold = performance.now() - tc0;
const moves: number[] = [];
const moveCpu: number[] = [];
for (let i = 0; i < 7; i++) {
  const c = cpu();
  const moved = planFacilities.map((f) =>
    f.id === "kindergarten-0"
      ? { ...f, geometry: { type: "Point" as const, coordinates: ll((i * 5 + 2) % 19) } }
      : f,
  );
  const t = performance.now();
  handleCoverage(ctx, request(moved));
  moves.push(performance.now() - t);
  moveCpu.push(cpu() - c);
}
console.log(
  `  in the worker, a facility moved (coverage of all, 5 suggestions, 3 service areas; cache warm): ${median(moves).toFixed(1)} ms median of 7, CPU ${median(moveCpu).toFixed(1)} ms (first request, cold: ${cold.toFixed(0)} ms; target < ${MOVE_TARGET_MS} ms)`,
);
const pass = m("total") < TARGET_MS && median(moves) < MOVE_TARGET_MS;
console.log(pass ? "  PASS" : "  FAIL");
if (!pass) process.exitCode = 1;
