/**
 * Parcels of the synthetic park: land uses placed on the laid-out lots, the fictional
 * enterprises (./enterprises.ts) given lots and plausible figures for a poor mountain county,
 * and every idle, standards and efficiency situation of domain.md §4–§7 set up at the survey
 * date 2026-06-30. Money in 万元, areas in m², dates ISO.
 */

import type { ParcelInput } from "../../domain/types";
import { M2_PER_MU } from "../../domain/units";
import { ENTERPRISES, type EnterpriseSpec } from "./enterprises";
import { type LonLat, localToLonLat, planarAreaM2, toGk } from "./geometry";
import type { ParcelShape, ZoneId, ZoneLayout } from "./layout";
import type { Rng } from "./prng";
import { minThreshold } from "./standards";

export const SURVEY_DATE = "2026-06-30";

export interface SampleParcel {
  props: ParcelInput;
  /** Counter-clockwise lon/lat ring, not closed. */
  ring: LonLat[];
  /** Planar area in EPSG:4546 of the rounded ring (m²). */
  areaM2: number;
  zone: ZoneId;
  /** The lot's centre (inside it), lon/lat. */
  centre: LonLat;
}

interface Lot {
  shape: ParcelShape;
  id: string;
  label: string;
  ring: LonLat[];
  areaM2: number;
  mu: number;
  /** Centre in EPSG:4546 (m). */
  centre: [number, number];
  centreLonLat: LonLat;
  /** Straight-line distance to the county seat (m). */
  distSeat: number;
  props?: ParcelInput;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r1 = (x: number) => Math.round(x * 10) / 10;

/** ISO date plus n days (UTC calendar arithmetic). */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
/** ISO date plus n years, 29 February → 28 February in a non-leap year (domain.md §5). */
export function addYears(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const year = y + n;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function makeLots(layout: ZoneLayout, seat: [number, number]): Lot[] {
  const { spec } = layout;
  const shapes = [...layout.parcels].sort(
    (a, b) =>
      a.block.row - b.block.row ||
      a.block.col - b.block.col ||
      a.rect.v0 - b.rect.v0 ||
      a.rect.u0 - b.rect.u0,
  );
  return shapes.map((shape, i) => {
    const ring = shape.ring.map((p) => localToLonLat(spec.frame, p));
    const areaM2 = planarAreaM2(ring);
    const centreLonLat = localToLonLat(spec.frame, [
      (shape.rect.u0 + shape.rect.u1) / 2,
      (shape.rect.v0 + shape.rect.v1) / 2,
    ]);
    const c = toGk(centreLonLat);
    const within = layout.parcels.filter((p) => p.block === shape.block).indexOf(shape) + 1;
    return {
      shape,
      id: `${spec.prefix}-${String(i + 1).padStart(3, "0")}`,
      label: `${spec.short}${String.fromCharCode(65 + shape.block.row)}${shape.block.col + 1}-${within}地块`,
      ring,
      areaM2,
      mu: areaM2 / M2_PER_MU,
      centre: c,
      centreLonLat,
      distSeat: Math.hypot(c[0] - seat[0], c[1] - seat[1]),
    };
  });
}

/** The legal area: the drawn area within ±0.4 %, or off by 1.2–3 % for the parcels in `off`. */
function legalArea(rng: Rng, lot: Lot, off: boolean): number {
  const e = off ? (rng.chance(0.5) ? 1 : -1) * rng.uniform(0.012, 0.03) : rng.uniform(-0.004, 0.004);
  return r2(lot.areaM2 * (1 + e));
}

const shortName = (name: string) => name.replace(/^建始县/, "").replace(/(股份)?有限公司$/, "");

interface Figures {
  inv: number;
  far: number;
  cov: number;
  out: number;
  tax: number;
  admin: number;
  green: number;
  vaRatio: number;
  labour: number;
  energy: number;
  rd: number;
}

/** Per-mu figures of a parcel in production (before any failure is set up). */
function figures(rng: Rng, ent: EnterpriseSpec, mu: number): Figures {
  const s = ent.situation;
  const bigFirm = s.kind === "prod" && s.size === "big";
  const farMin = minThreshold("far", ent.zone, ent.code);
  const heavy = ent.cluster === "building-materials" || ent.cluster === "resource-recycling";
  const f: Figures = bigFirm
    ? {
        inv: rng.uniform(170, 420),
        far: farMin + rng.uniform(0.15, 0.8),
        cov: rng.uniform(0.38, 0.62),
        out: rng.uniform(180, 480),
        tax: rng.uniform(7, 18),
        admin: rng.uniform(0.03, 0.065),
        green: rng.uniform(0.08, 0.17),
        vaRatio: rng.uniform(0.24, 0.33),
        labour: rng.uniform(14, 34),
        energy: heavy ? rng.uniform(0.6, 1.5) : rng.uniform(2, 6),
        rd: ent.highTech ? rng.uniform(0.03, 0.055) : rng.uniform(0.006, 0.018),
      }
    : {
        inv: rng.uniform(128, 210),
        far: farMin + rng.uniform(0.08, 0.5),
        cov: rng.uniform(0.34, 0.55),
        // Small firms stay below designated size: revenue < 2000 万元.
        out: rng.uniform(126, Math.max(127, Math.min(195, 1880 / mu))),
        tax: rng.uniform(6.4, 11),
        admin: rng.uniform(0.03, 0.065),
        green: rng.uniform(0.08, 0.17),
        vaRatio: rng.uniform(0.2, 0.3),
        labour: rng.uniform(6, 15),
        energy: heavy ? rng.uniform(0.5, 1.2) : rng.uniform(1.2, 4),
        rd: ent.highTech ? rng.uniform(0.025, 0.04) : rng.uniform(0.001, 0.012),
      };
  if (s.kind !== "prod") return f;
  switch (s.fail) {
    case "investmentPerMu":
      f.inv = rng.uniform(70, 95);
      break;
    case "far":
      f.far = farMin - rng.uniform(0.12, 0.22);
      break;
    case "buildingCoverage":
      f.cov = rng.uniform(0.22, 0.27);
      break;
    case "outputPerMu":
      f.out = rng.uniform(80, 105);
      break;
    case "taxPerMu":
      f.tax = rng.uniform(2.5, 4.5);
      break;
    case "adminRatio":
      f.admin = rng.uniform(0.085, 0.11);
      break;
    case "greenRatio":
      f.green = rng.uniform(0.22, 0.27);
      break;
    case "agreed-tax":
      f.tax = rng.uniform(10, 13);
      break;
    default:
      break;
  }
  if (s.weak) {
    Object.assign(f, {
      out: rng.uniform(60, 80),
      tax: rng.uniform(0.6, 1.2),
      vaRatio: 0.12,
      labour: 2.5,
      energy: 0.4,
    });
    f.rd = 0;
  }
  return f;
}

function supplyDates(rng: Rng, from: number, to: number) {
  const supply = addDays(`${rng.int(from, to)}-01-01`, rng.int(0, 330));
  const agreedStart = addDays(supply, rng.int(90, 180));
  return { supply, agreedStart, agreedCompletion: addYears(agreedStart, 2) };
}

/** Properties of an enterprise's parcel, per its situation. */
function enterpriseProps(
  rng: Rng,
  ent: EnterpriseSpec,
  lot: Lot,
  legal: number,
  second: boolean,
): ParcelInput {
  const s = ent.situation;
  const A = legal;
  const mu = A / M2_PER_MU;
  const landPrice = r2(mu * rng.uniform(7.5, 12));
  const base: ParcelInput = {
    id: lot.id,
    name: `${shortName(ent.name)}${second ? "二期" : ""}厂区`,
    zone: ent.zone,
    landUse: ent.landUse,
    landStatus: "supplied",
    enterprise: ent.name,
    ...(ent.code ? { industryCode: ent.code } : {}),
    ...(ent.cluster !== "other" ? { industryCluster: ent.cluster } : {}),
    landAreaM2: A,
  };
  if (s.kind === "prod" || s.kind === "logistics") {
    const f = figures(rng, ent, mu);
    // Huangtukan filled from 2012; standard land (标准地) from 2019; Dayangbang's first plots were
    // supplied once its land acquisition began (2021–2022).
    const [from, to] =
      ent.zone === "dayangbang"
        ? [2021, 2022]
        : s.kind === "prod" && s.agreed
          ? [2019, 2021]
          : second
            ? [2018, 2021]
            : [2012, 2020];
    const d = supplyDates(rng, from, to);
    const actualStart = addDays(d.agreedStart, rng.int(-20, 120));
    const fixed = r2(f.inv * mu);
    const p: ParcelInput = {
      ...base,
      floorAreaM2: r2(f.far * A),
      footprintAreaM2: r2(f.cov * A),
      greenAreaM2: r2(f.green * A),
      adminAreaM2: r2(f.admin * A),
      developedAreaM2: A,
      fixedInvestment: fixed,
      contractInvestment: Math.round((fixed * rng.uniform(0.92, 1.12)) / 100) * 100,
      landPrice,
    };
    const output = f.out * mu;
    const revenue = output * rng.uniform(0.93, 1.05);
    const va = output * f.vaRatio;
    if (s.kind === "logistics") {
      const rev = mu * rng.uniform(60, 110);
      Object.assign(p, {
        revenue: r2(rev),
        taxRevenue: r2(mu * rng.uniform(3, 6)),
        employees: Math.round(rev / rng.uniform(25, 45)),
        energyTce: r1(rev * 0.01),
        aboveScale: false,
        highTech: false,
      });
    } else if (s.missing === "all") {
      Object.assign(p, { aboveScale: false, highTech: ent.highTech });
    } else {
      Object.assign(p, {
        outputValue: r2(output),
        revenue: r2(revenue),
        valueAdded: r2(va),
        taxRevenue: r2(f.tax * mu),
        employees: Math.max(8, Math.round(va / f.labour)),
        energyTce: r1(va / f.energy),
        rdExpense: r2(revenue * f.rd),
        aboveScale: s.size === "big",
        highTech: ent.highTech,
      });
      if (s.missing === "partial") {
        delete p.floorAreaM2;
        delete p.energyTce;
        delete p.rdExpense;
      }
    }
    Object.assign(p, {
      supplyDate: d.supply,
      agreedStartDate: d.agreedStart,
      agreedCompletionDate: d.agreedCompletion,
      actualStartDate: actualStart,
      constructionStatus: "in-production",
    });
    if (s.kind === "prod" && s.agreed) {
      const agreedFar = Math.floor(f.far * 10 * 0.9) / 10;
      Object.assign(p, {
        agreedInvestmentPerMu: Math.floor((f.inv * 0.85) / 10) * 10,
        agreedFar:
          s.fail === "far" ? agreedFar : Math.max(agreedFar, minThreshold("far", ent.zone, ent.code)),
        agreedTaxPerMu: s.fail === "agreed-tax" ? 15 : Math.floor(f.tax * 0.8),
        agreedOutputPerMu: Math.floor((f.out * 0.85) / 10) * 10,
      });
    }
    return p;
  }

  // Not yet producing: standard land (标准地) with agreed targets, supplied 2020 or later.
  const contract = Math.round((mu * rng.uniform(160, 320)) / 100) * 100;
  const agreed: ParcelInput = {
    id: lot.id,
    agreedInvestmentPerMu: Math.floor(contract / mu / 10) * 10,
    agreedFar: Math.max(1, minThreshold("far", ent.zone, ent.code)),
    agreedTaxPerMu: rng.int(8, 12),
    agreedOutputPerMu: rng.int(15, 30) * 10,
  };
  const p: ParcelInput = { ...base, contractInvestment: contract, landPrice };
  const { id: _id, ...agreedTargets } = agreed;
  switch (s.kind) {
    case "completed": {
      const f = figures(rng, { ...ent, situation: { kind: "prod", size: "small" } }, mu);
      Object.assign(p, {
        floorAreaM2: r2(f.far * A),
        footprintAreaM2: r2(f.cov * A),
        greenAreaM2: r2(f.green * A),
        adminAreaM2: r2(f.admin * A),
        developedAreaM2: A,
        fixedInvestment: r2(contract * rng.uniform(1.0, 1.08)),
        employees: rng.int(12, 30),
        supplyDate: "2023-11-20",
        agreedStartDate: "2024-04-01",
        agreedCompletionDate: "2026-04-01",
        actualStartDate: "2024-05-10",
        constructionStatus: "completed",
        governmentCause: false,
      });
      break;
    }
    case "building": {
      const started = ent.zone === "dayangbang" ? "2026-02-20" : "2025-09-01";
      const agreedStart = addDays(started, -rng.int(20, 60));
      Object.assign(p, {
        developedAreaM2: r2(A * rng.uniform(0.45, 0.7)),
        fixedInvestment: r2(contract * rng.uniform(0.3, 0.45)),
        employees: rng.int(5, 15),
        supplyDate: addDays(agreedStart, -rng.int(90, 150)),
        agreedStartDate: agreedStart,
        agreedCompletionDate: addYears(agreedStart, 2),
        actualStartDate: started,
        constructionStatus: "under-construction",
        governmentCause: false,
      });
      break;
    }
    case "halted": {
      const v = {
        area: { agreedStart: "2021-10-01", started: "2022-03-15", halted: "2025-03-01", dev: 0.25, inv: 0.4 },
        invest: {
          agreedStart: "2022-06-01",
          started: "2022-09-01",
          halted: "2024-10-15",
          dev: 0.5,
          inv: 0.18,
        },
        boundary: {
          agreedStart: "2022-08-15",
          started: "2022-09-20",
          halted: "2025-06-30",
          dev: 0.4,
          inv: 0.25,
        },
        recent: {
          agreedStart: "2023-05-01",
          started: "2023-06-12",
          halted: "2026-01-10",
          dev: 0.2,
          inv: 0.15,
        },
      }[s.variant];
      // Exactly 25 % for the boundary case: contract a multiple of 400 万元, investment a quarter of it.
      const contractH = s.variant === "boundary" ? Math.round(contract / 400) * 400 : contract;
      Object.assign(p, {
        contractInvestment: contractH,
        developedAreaM2: r2(A * v.dev),
        fixedInvestment: s.variant === "boundary" ? contractH / 4 : r2(contractH * v.inv),
        employees: 0,
        supplyDate: addDays(v.agreedStart, -rng.int(90, 150)),
        agreedStartDate: v.agreedStart,
        agreedCompletionDate: addYears(v.agreedStart, 2),
        actualStartDate: v.started,
        constructionStatus: "halted",
        haltedSince: v.halted,
        governmentCause: false,
      });
      break;
    }
    case "not-started": {
      Object.assign(p, {
        developedAreaM2: 0,
        fixedInvestment: 0,
        supplyDate: addDays(s.agreedStart, -rng.int(90, 150)),
        agreedStartDate: s.agreedStart,
        agreedCompletionDate: addYears(s.agreedStart, 2),
        constructionStatus: "not-started",
        governmentCause: s.governmentCause === true,
      });
      if (s.noLandPrice) delete p.landPrice;
      break;
    }
  }
  return { ...p, ...agreedTargets };
}

/** Build every parcel of both zones. Throws (at generation time) if the layout cannot hold the plan. */
export function buildParcels(rng: Rng, layouts: readonly ZoneLayout[], seat: LonLat): SampleParcel[] {
  const seatGk = toGk(seat);
  const out: SampleParcel[] = [];
  for (const layout of layouts) {
    const zone = layout.spec.id;
    const lots = makeLots(layout, seatGk);
    const free = new Set(lots);
    const take = (lot: Lot | undefined, what: string): Lot => {
      if (!lot) throw new Error(`${zone}: no lot left for ${what}`);
      free.delete(lot);
      return lot;
    };
    const freeLots = () => [...free];
    const normal = (min = 15, max = 80) =>
      freeLots().filter((l) => l.shape.block.kind === "normal" && l.mu >= min && l.mu <= max);
    const nearest = (list: Lot[]) => [...list].sort((a, b) => a.distSeat - b.distSeat)[0];
    const farthest = (list: Lot[]) => [...list].sort((a, b) => b.distSeat - a.distSeat)[0];
    const offAreas = new Set<Lot>();
    const setProps = (lot: Lot, props: Omit<ParcelInput, "id">, withLegal = true) => {
      lot.props = {
        id: lot.id,
        ...props,
        ...(withLegal ? { landAreaM2: legalArea(rng, lot, offAreas.has(lot)) } : {}),
      } as ParcelInput;
    };
    const publicLand = (lot: Lot, name: string, landUse: string, extra: Partial<ParcelInput> = {}) =>
      setProps(lot, {
        name,
        zone,
        landUse,
        landStatus: "supplied",
        constructionStatus: "completed",
        ...extra,
      });

    const centre = take(
      lots.find((l) => l.shape.block === layout.centreBlock),
      "centre",
    );
    if (zone === "huangtukan") {
      publicLand(centre, "黄土坎中心公园", "1401");
      const near = () => nearest(normal(15, 70));
      publicLand(take(near(), "housing"), "黄土坎公共租赁住房一期", "0701", { residents: 860 });
      publicLand(take(near(), "housing"), "黄土坎公共租赁住房二期", "0701", { residents: 540 });
      const staff = take(near(), "staff housing");
      offAreas.add(staff);
      publicLand(staff, "园区员工配套用房", "0701", { residents: 720 });
      publicLand(take(near(), "service centre"), "园区综合服务中心", "0702", { employees: 45 });
      publicLand(take(near(), "clinic"), "黄土坎片区卫生服务站", "0806", { employees: 12 });
      setProps(take(near(), "kindergarten site"), {
        name: "幼儿园预留用地",
        zone,
        landUse: "080404",
        landStatus: "reserved",
      });
      const adjacent = normal(10, 80).filter(
        (l) =>
          Math.abs(l.shape.block.col - centre.shape.block.col) +
            Math.abs(l.shape.block.row - centre.shape.block.row) ===
          1,
      );
      publicLand(take(adjacent[0], "incubator"), "园区科技孵化园", "0802", { employees: 85 });
      const sewage = take(farthest(normal(10, 60)), "sewage plant");
      publicLand(sewage, "黄土坎工业污水处理厂", "1302", { employees: 15 });
      const buffer = freeLots()
        .filter((l) => l.shape.block === sewage.shape.block)
        .slice(0, 2);
      for (const l of buffer) publicLand(take(l, "buffer"), "污水处理厂防护绿地", "1402");
    } else {
      setProps(centre, { name: "大样榜片区公共服务预留用地", zone, landUse: "0702", landStatus: "reserved" });
      // Land still being acquired (phase 1 under way): the block column farthest from the county seat.
      const cols = Math.max(...lots.map((l) => l.shape.block.col));
      const meanDist = (col: number) => {
        const ls = lots.filter((l) => l.shape.block.col === col);
        return ls.reduce((s, l) => s + l.distSeat, 0) / ls.length;
      };
      const farCol = meanDist(0) > meanDist(cols) ? 0 : cols;
      for (const l of lots.filter((x) => x.shape.block.col === farCol && free.has(x)))
        setProps(
          take(l, "acquiring"),
          {
            name: `${l.label}（征收中）`,
            zone,
            landUse: rng.chance(0.8) ? "100101" : "100102",
            landStatus: "acquiring",
          },
          false,
        );
      for (let i = 0; i < 2; i++)
        publicLand(take(nearest(normal(10, 60)), "entrance green"), "大样榜入口防护绿地", "1402");
    }

    // Enterprises: above-size firms on the large lots (whole blocks first), small firms on the
    // small standard-factory lots, projects not yet producing on medium lots.
    const ents = ENTERPRISES.filter((e) => e.zone === zone);
    const order = (e: EnterpriseSpec) =>
      e.situation.kind === "logistics"
        ? 0
        : e.situation.kind === "prod" && e.situation.size === "big"
          ? 1
          : 2;
    const sorted = [...ents].sort((a, b) => order(a) - order(b));
    let offCount = 0;
    for (const ent of sorted) {
      const s = ent.situation;
      let lot: Lot;
      if (s.kind === "logistics") lot = take(nearest(normal(15, 60)), ent.name);
      else if (s.kind === "prod" && s.size === "big") {
        const whole = freeLots().filter((l) => l.shape.block.kind === "whole");
        const large = normal(35, 150).sort((a, b) => b.mu - a.mu);
        lot = take(whole[0] ?? rng.pick(large.slice(0, 4)), ent.name);
      } else if (s.kind === "prod")
        lot = take(rng.pick(freeLots().filter((l) => l.shape.block.kind === "fine")), ent.name);
      else lot = take(rng.pick(normal(15, 70)), ent.name);
      const lotsOf = [lot];
      if (ent.parcels === 2) {
        const sameBlock = normal(8, 150).filter((l) => l.shape.block === lot.shape.block);
        const dist = (l: Lot) => Math.hypot(l.centre[0] - lot.centre[0], l.centre[1] - lot.centre[1]);
        lotsOf.push(
          take(sameBlock[0] ?? normal(15, 80).sort((a, b) => dist(a) - dist(b))[0], `${ent.name} 2`),
        );
      }
      lotsOf.forEach((l, i) => {
        // One small firm per zone carries a legal area off the drawn one by more than 1 %.
        const off = offCount < 1 && s.kind === "prod" && s.size === "small" && i === 0;
        if (off) offCount++;
        l.props = enterpriseProps(rng, ent, l, legalArea(rng, l, off), i === 1);
      });
    }

    // The rest: unsupplied or reserved land, planned mostly for industry.
    for (const l of freeLots()) {
      const reserved = rng.chance(0.35);
      const use = rng.next();
      setProps(l, {
        name: l.label,
        zone,
        landUse: use < 0.68 ? "100101" : use < 0.88 ? "100102" : use < 0.96 ? "1101" : "2301",
        landStatus: reserved ? "reserved" : "unsupplied",
      });
    }
    for (const l of lots) {
      if (!l.props) throw new Error(`${l.id}: no properties`);
      out.push({ props: l.props, ring: l.ring, areaM2: l.areaM2, zone, centre: l.centreLonLat });
    }
  }
  return out;
}
