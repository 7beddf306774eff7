/**
 * Feature properties → typed parcel inputs. Property names are matched to schema keys through
 * the field catalogue (`src/domain/fields.ts`: key, Chinese label, aliases; case-insensitive,
 * trimmed). Values are parsed per field kind (`numbers.ts`); enumerations accept the English codes
 * and the Chinese labels of `shared/spec/parcel-schema.md`. Unknown properties go to `extra`
 * unchanged; computed properties (an earlier export being re-imported) are dropped, they are
 * recomputed.
 */
import {
  COMPUTED_FIELDS,
  DBF_NAMES,
  EDITED_FIELDS_FIELD,
  type FieldInfo,
  INPUT_FIELDS,
} from "../domain/fields";
import type { ParcelInput } from "../domain/types";
import {
  CONSTRUCTION_STATUS_LABELS,
  INDUSTRY_CLUSTER_LABELS,
  LAND_STATUS_LABELS,
} from "../domain/vocabulary";
import { zoneIdOfName } from "../domain/zones";
import { depthExceeds, MAX_VALUE_DEPTH } from "./depth";
import {
  type ParamValue,
  type Parsed,
  parseBoolean,
  parseDate,
  parseNumber,
  parseText,
  rawText,
} from "./numbers";

/** A property value set aside, named by the property name as found in the file. */
export interface PropertyIssue {
  field: string;
  code: string;
  params: Record<string, ParamValue>;
}

export interface MappedProperties {
  /** Typed inputs; `id` is a placeholder `""` (the reader resolves ids). */
  input: ParcelInput;
  /** The raw id value, when a property maps to `id`. */
  rawId?: unknown;
  /** The property name the id came from. */
  idField?: string;
  extra: Record<string, unknown>;
  issues: PropertyIssue[];
}

const norm = (s: string) => s.trim().toLowerCase();

/** Normalised property name → schema field (input fields only). */
const INPUT_BY_NAME = new Map<string, FieldInfo>();
for (const f of INPUT_FIELDS) {
  const dbf = DBF_NAMES[f.key];
  for (const name of [f.key, f.zh, ...f.aliases, ...(dbf ? [dbf] : [])]) {
    const k = norm(name);
    if (!INPUT_BY_NAME.has(k)) INPUT_BY_NAME.set(k, f);
  }
}
/** Computed property names (schema keys), dropped on import; so are an export's list of edited fields and its area basis. */
const COMPUTED_NAMES = new Set([
  ...COMPUTED_FIELDS.map((f) => norm(f.key)),
  norm(EDITED_FIELDS_FIELD.key),
  norm(EDITED_FIELDS_FIELD.zh),
  // An export's area basis (issue 8): re-measured on import, never an input.
  norm("areaBasis"),
  norm("面积计算基准"),
  // the DBF names of a Shapefile export's computed fields (TXMJ, MJJZ …)
  ...COMPUTED_FIELDS.map((f) => DBF_NAMES[f.key])
    .filter((n): n is string => n !== undefined)
    .map(norm),
  norm(DBF_NAMES.areaBasis as string),
  norm("SJXZ"),
]);

/** English code or Chinese label (normalised) → code, per enumerated field. */
const ENUMS: Record<string, Map<string, string>> = {
  landStatus: enumMap(
    {
      supplied: ["已供", "已供地", "已出让"],
      unsupplied: ["未供", "未供地"],
      reserved: ["储备", "储备地"],
      acquiring: ["征收中"],
    },
    LAND_STATUS_LABELS,
  ),
  constructionStatus: enumMap(
    {
      "not-started": ["未动工", "未开工"],
      "under-construction": ["在建", "建设中", "施工中"],
      halted: ["停工", "停建"],
      completed: ["竣工", "已竣工", "建成"],
      "in-production": ["在产", "投产", "已投产", "生产中"],
    },
    CONSTRUCTION_STATUS_LABELS,
  ),
  industryCluster: enumMap(
    {
      "selenium-food-pharma": ["富硒食品与医药"],
      "building-materials": ["新型建材"],
      "machinery-electronics": ["机械电子"],
      garments: ["服装加工"],
      "resource-recycling": ["资源综合利用"],
      photovoltaic: ["光伏发电"],
      "electronic-components": ["电子元配件"],
      "daily-chemicals": ["日用化工"],
      other: ["其他", "其它"],
    },
    INDUSTRY_CLUSTER_LABELS,
  ),
};

/** Code → its aliases, plus the code itself and the domain's Chinese label (`src/domain/vocabulary.ts`). */
function enumMap(
  aliases: Record<string, string[]>,
  labels: Record<string, { zh: string }>,
): Map<string, string> {
  const m = new Map<string, string>();
  for (const [code, zh] of Object.entries(aliases)) {
    m.set(code, code);
    const label = labels[code]?.zh;
    for (const l of label === undefined ? zh : [label, ...zh]) m.set(norm(l), code);
  }
  return m;
}

const isNumeric = (f: FieldInfo) => f.kind === "number" || f.kind === "integer";

type Setter = (o: Record<string, unknown>, v: unknown) => void;
/**
 * One named store per input field. A store with a computed key (`o[key] = v`) turns an object
 * with more than a dozen added properties into a slow dictionary-mode object in V8 (slower to
 * read in the analysis and ~3× slower to serialise); named stores keep parcel inputs fast.
 */
const SETTERS: Record<string, Setter> = {
  name: (o, v) => {
    o.name = v;
  },
  zone: (o, v) => {
    o.zone = v;
  },
  landUse: (o, v) => {
    o.landUse = v;
  },
  landStatus: (o, v) => {
    o.landStatus = v;
  },
  enterprise: (o, v) => {
    o.enterprise = v;
  },
  industryCode: (o, v) => {
    o.industryCode = v;
  },
  industryCluster: (o, v) => {
    o.industryCluster = v;
  },
  landAreaM2: (o, v) => {
    o.landAreaM2 = v;
  },
  floorAreaM2: (o, v) => {
    o.floorAreaM2 = v;
  },
  footprintAreaM2: (o, v) => {
    o.footprintAreaM2 = v;
  },
  greenAreaM2: (o, v) => {
    o.greenAreaM2 = v;
  },
  adminAreaM2: (o, v) => {
    o.adminAreaM2 = v;
  },
  developedAreaM2: (o, v) => {
    o.developedAreaM2 = v;
  },
  fixedInvestment: (o, v) => {
    o.fixedInvestment = v;
  },
  contractInvestment: (o, v) => {
    o.contractInvestment = v;
  },
  landPrice: (o, v) => {
    o.landPrice = v;
  },
  outputValue: (o, v) => {
    o.outputValue = v;
  },
  revenue: (o, v) => {
    o.revenue = v;
  },
  valueAdded: (o, v) => {
    o.valueAdded = v;
  },
  taxRevenue: (o, v) => {
    o.taxRevenue = v;
  },
  employees: (o, v) => {
    o.employees = v;
  },
  residents: (o, v) => {
    o.residents = v;
  },
  energyTce: (o, v) => {
    o.energyTce = v;
  },
  rdExpense: (o, v) => {
    o.rdExpense = v;
  },
  aboveScale: (o, v) => {
    o.aboveScale = v;
  },
  highTech: (o, v) => {
    o.highTech = v;
  },
  supplyDate: (o, v) => {
    o.supplyDate = v;
  },
  agreedStartDate: (o, v) => {
    o.agreedStartDate = v;
  },
  agreedCompletionDate: (o, v) => {
    o.agreedCompletionDate = v;
  },
  actualStartDate: (o, v) => {
    o.actualStartDate = v;
  },
  constructionStatus: (o, v) => {
    o.constructionStatus = v;
  },
  haltedSince: (o, v) => {
    o.haltedSince = v;
  },
  governmentCause: (o, v) => {
    o.governmentCause = v;
  },
  agreedInvestmentPerMu: (o, v) => {
    o.agreedInvestmentPerMu = v;
  },
  agreedFar: (o, v) => {
    o.agreedFar = v;
  },
  agreedTaxPerMu: (o, v) => {
    o.agreedTaxPerMu = v;
  },
  agreedOutputPerMu: (o, v) => {
    o.agreedOutputPerMu = v;
  },
};

/** Per-call bookkeeping by field slot (see `FieldEntry`). */
const stamp = new Float64Array(INPUT_FIELDS.length);
const filledBy: string[] = new Array(INPUT_FIELDS.length).fill("");
let generation = 0;
const ID_SLOT = INPUT_FIELDS.findIndex((f) => f.key === "id");

/** What the reader does with a property name: its field, its bookkeeping slot, its store. */
interface FieldEntry {
  field: FieldInfo;
  slot: number;
  set: Setter;
  numeric: boolean;
}
const ENTRY_BY_FIELD = new Map<FieldInfo, FieldEntry>(
  INPUT_FIELDS.map((field, slot) => [
    field,
    {
      field,
      slot,
      // a field added to the catalogue without a setter still works (keyed store)
      set:
        SETTERS[field.key] ??
        ((o: Record<string, unknown>, v: unknown) => {
          o[field.key] = v;
        }),
      numeric: isNumeric(field),
    },
  ]),
);

/** Raw property name → its entry, `computed`, or `extra` (names repeat across features: cache them). */
const NAME_CACHE = new Map<string, FieldEntry | "computed" | "extra">();
function classify(name: string): FieldEntry | "computed" | "extra" {
  let c = NAME_CACHE.get(name);
  if (c === undefined) {
    const n = norm(name);
    const field = INPUT_BY_NAME.get(n);
    c = field ? (ENTRY_BY_FIELD.get(field) as FieldEntry) : COMPUTED_NAMES.has(n) ? "computed" : "extra";
    if (NAME_CACHE.size < 10000) NAME_CACHE.set(name, c);
  }
  return c;
}

/**
 * Parse one value for an input field as the importer does (numbers with separators and units in
 * the field's unit, 是/否, dates to ISO, enumerations by code or Chinese label, zone names to ids).
 * Also used when the user corrects a value in the app.
 *
 * @example parseInputValue(fieldInfo("fixedInvestment"), "850万元") // → { value: 850 }
 */
export function parseInputValue(field: FieldInfo, raw: unknown): Parsed<string | number | boolean> {
  switch (field.kind) {
    case "number":
    case "integer":
      return parseNumber(raw, field);
    case "boolean":
      return parseBoolean(raw);
    case "date":
      return parseDate(raw);
    default: {
      const t = parseText(raw);
      if (t.value === undefined) return t;
      const codes = ENUMS[field.key];
      if (codes) {
        const code = codes.get(t.value) ?? codes.get(norm(t.value));
        return code ? { value: code } : { issue: { code: "unknown-enum", params: { raw: rawText(raw) } } };
      }
      // Zone names written in Chinese → the park's zone ids; other zone values are kept as given.
      if (field.key === "zone") return { value: zoneIdOfName(t.value) ?? t.value };
      return t;
    }
  }
}

/**
 * Map and parse one feature's properties.
 *
 * @example mapProperties({ 宗地编号: "HTK-1", 投资额: "1,200万元", 备注: "x" })
 * // → { rawId: "HTK-1", input: { fixedInvestment: 1200 }, extra: { 备注: "x" }, issues: [] }
 */
export function mapProperties(props: Record<string, unknown> | null | undefined): MappedProperties {
  // `id` first so that inputs list it first; the reader sets the resolved id.
  const input: Record<string, unknown> = { id: "" };
  const extra: Record<string, unknown> = {};
  const issues: PropertyIssue[] = [];
  const out: MappedProperties = { input: input as unknown as ParcelInput, extra, issues };
  if (!props) return out;
  // Which fields this call has filled (generation stamps: no allocation per feature).
  const gen = ++generation;
  for (const name in props) {
    const raw = props[name];
    const entry = classify(name);
    if (entry === "extra") {
      // A value nested past MAX_VALUE_DEPTH would overflow the stack of every later step
      // (export, worker transfer): set aside and named, never kept.
      if (raw !== null && typeof raw === "object" && depthExceeds(raw)) {
        issues.push({ field: name, code: "value-too-deep", params: { limit: MAX_VALUE_DEPTH } });
      } else if (name === "__proto__") {
        // A property named `__proto__` is data like any other: assigning it would set the object's
        // prototype instead (dropping it, and spreading its members into the export's columns).
        Object.defineProperty(extra, name, {
          value: raw,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else extra[name] = raw;
      continue;
    }
    if (entry === "computed") continue;
    const { field, slot } = entry;
    if (stamp[slot] === gen) {
      const first = filledBy[slot] as string;
      // Two properties for one field (e.g. `投资额` and `fixedInvestment`): use the first, ignore
      // the second and say so. (Not kept in extra: an export would map it back onto the field.)
      issues.push({ field: name, code: "duplicate-field", params: { key: field.key, kept: first } });
      continue;
    }
    stamp[slot] = gen;
    filledBy[slot] = name;
    if (slot === ID_SLOT) {
      out.rawId = raw;
      out.idField = name;
      continue;
    }
    if (typeof raw === "number" && entry.numeric && raw > 0 && raw < Number.POSITIVE_INFINITY) {
      // fast path for the common case: a positive number, as it should be
      if (field.kind === "number" || Number.isInteger(raw)) {
        entry.set(input, raw);
        continue;
      }
    }
    const r = parseInputValue(field, raw);
    if (r.issue)
      issues.push({ field: name, code: r.issue.code, params: { ...r.issue.params, key: field.key } });
    else if (r.value !== undefined) entry.set(input, r.value);
  }
  return out;
}

/**
 * The input field a property name maps to by the alias matching above (key, Chinese label or
 * alias; trimmed, case-insensitive), or undefined. Used by the field mapping and the join.
 * @example inputFieldOfName(" zddm ")?.key // "id"
 */
export function inputFieldOfName(name: string): FieldInfo | undefined {
  return INPUT_BY_NAME.get(norm(name));
}
