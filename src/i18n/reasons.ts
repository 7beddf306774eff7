/**
 * The analysis's reasons (`Reason`: a code plus values) and standards checks as plain sentences
 * officials understand, in Simplified Chinese and English; labels of idle statuses, efficiency
 * classes, reallocation reasons and threshold levels.
 *
 * Numbers are rounded here for display only. A value compared with a threshold is shown with as
 * many decimals as it takes to tell it from the threshold, so a sentence never reads
 * "0.80 is below the minimum 0.8".
 */
import { fieldInfo } from "../domain/fields";
import type {
  CheckedIndicator,
  ConstructionStatus,
  EfficiencyClass,
  IdleStatus,
  Reason,
  StandardCheck,
  ThresholdLevel,
} from "../domain/types";
import {
  CONSTRUCTION_STATUS_LABELS,
  EFFICIENCY_CLASS_POLICY,
  IDLE_STATUS_LABELS,
  reallocationReasonLabels,
} from "../domain/vocabulary";
import { type Bilingual, fill, type Lang } from "./lang";
import { unitLabel } from "./ui";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** Labels of idle statuses (the domain's, `src/domain/vocabulary.ts`). */
export const IDLE_STATUS_LABEL: Record<IdleStatus, Bilingual> = IDLE_STATUS_LABELS;

/** The policy of each efficiency class (亩均效益评价), as said inside a sentence. */
export const EFFICIENCY_CLASS_LABEL: Record<EfficiencyClass, Bilingual> = EFFICIENCY_CLASS_POLICY;

/** Reallocation tags: the domain's (`src/domain/vocabulary.ts`), so the CSV says the same. */
export { reallocationReasonLabels };

/** Labels of the level a threshold came from. */
export const THRESHOLD_LEVEL_LABEL: Record<ThresholdLevel, Bilingual> = {
  default: b("园区默认标准", "park default"),
  zone: b("片区标准", "zone standard"),
  industry: b("行业标准", "industry standard"),
  agreed: b("标准地合同约定", "agreed in the land contract"),
};

/** Construction statuses inside a sentence: the domain's labels, English in lower case. */
const CONSTRUCTION_STATUS_LABEL = Object.fromEntries(
  Object.entries(CONSTRUCTION_STATUS_LABELS).map(([k, l]) => [k, b(l.zh, l.en.toLowerCase())]),
) as Record<ConstructionStatus, Bilingual>;

/** Field label as used inside a sentence: zh as catalogued, en with a lower-case first word. */
export function fieldLabel(key: string, lang: Lang): string {
  const info = fieldInfo(key);
  if (!info) return key;
  if (lang === "zh") return info.zh;
  const en = info.en;
  // "Floor area" → "floor area", but keep "R&D expense", "FAR".
  return /^[A-Z][a-z]/.test(en) ? en[0]!.toLowerCase() + en.slice(1) : en;
}

/** A number with at most `d` decimals, trailing zeros dropped (`0.80` → `0.8`). */
function num(v: number, d = 2): string {
  const s = v.toFixed(d);
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/**
 * A value shown with enough decimals (from `d`, up to 6) to differ from `threshold` when it
 * differs, so a failed check never reads like an equal one.
 */
function distinct(v: number, threshold: number, d: number, scale = 1): string {
  for (let k = d; k <= 6; k++) {
    const a = (v * scale).toFixed(k);
    if (a !== (threshold * scale).toFixed(k) || v === threshold) return num(v * scale, k);
  }
  return num(v * scale, 6);
}

const pct = (v: number, d = 1) => `${num(v * 100, d)}%`;

/** Value with its unit, for a checked indicator (ratios as percent). */
export function valueWithUnit(key: string, v: number, lang: Lang, threshold?: number): string {
  const unit = fieldInfo(key)?.unit ?? "none";
  if (unit === "ratio") {
    const s = threshold === undefined ? num(v * 100, 1) : distinct(v, threshold, 1, 100);
    return `${s}%`;
  }
  const s = threshold === undefined ? num(v, 2) : distinct(v, threshold, 2);
  const u = unitLabel(unit, lang);
  return u ? `${s} ${u}` : s;
}

const str = (v: unknown): string => (v === null || v === undefined ? "—" : String(v));
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

type Params = Reason["params"];
type Formatter = (p: Params, lang: Lang) => string;

/** Templates by reason code: `{name}` placeholders filled from the params (dates as given). */
const TEMPLATES: Record<string, Bilingual> = {
  "no-agreed-start-date": b(
    "尚未动工，但未填报约定动工日期，无法判定是否闲置",
    "Not started, but no agreed start date is recorded: idle status cannot be judged",
  ),
  "before-agreed-start": b(
    "约定动工日期 {agreedStartDate} 尚未到（截至 {asOf}）",
    "Agreed start {agreedStartDate} not yet reached (as of {asOf})",
  ),
  overdue: b(
    "约定动工日期 {agreedStartDate}，截至 {asOf} 仍未动工，已逾期；至 {idleFrom} 仍未动工即满一年，构成闲置土地",
    "Agreed start {agreedStartDate}; still not started as of {asOf} (overdue). If not started by {idleFrom}, one full year, the land is idle",
  ),
  "idle-1y": b(
    "约定动工日期 {agreedStartDate}，截至 {asOf} 已满一年未动工，构成闲置土地",
    "Agreed start {agreedStartDate}; not started one full year later (as of {asOf}): idle land",
  ),
  "idle-2y": b(
    "约定动工日期 {agreedStartDate}，截至 {asOf} 已满两年未动工，构成闲置土地",
    "Agreed start {agreedStartDate}; not started two full years later (as of {asOf}): idle land",
  ),
  "idle-recovery": b(
    "可无偿收回国有建设用地使用权（53号令第十四条）",
    "The land-use right may be recovered without compensation (Order No. 53, art. 14)",
  ),
  started: b("已于 {actualStartDate} 动工", "Started on {actualStartDate}"),
  "halted-no-date": b(
    "已停工，但未填报停工日期，无法判定是否停工闲置",
    "Halted, but no halt date is recorded: cannot judge whether the land is idle",
  ),
  "halted-under-1y": b(
    "自 {haltedSince} 停工，截至 {asOf} 未满一年（{idleFrom} 满一年）",
    "Halted since {haltedSince}; less than one year as of {asOf} (one year on {idleFrom})",
  ),
  "halted-no-ratios": b(
    "自 {haltedSince} 停工已满一年，但已开发面积和投资额均未填报（或合同约定总投资为 0），无法判定是否停工闲置",
    "Halted since {haltedSince}, over one year, but neither the developed area nor the investment is recorded (or the contracted investment is 0): cannot judge whether the land is idle",
  ),
  "no-land-price": b(
    "未填报出让价款，无法计算土地闲置费",
    "No land price recorded: the idle land fee cannot be computed",
  ),
  "not-industrial": b("非工业用地，不参加亩均效益评价", "Not industrial land: not evaluated"),
  "not-in-production": b("未投产，不参加亩均效益评价", "Not in production: not evaluated"),
  "no-indicators": b(
    "税收、增加值、能耗、从业人员、研发投入等评价数据均未填报，无法评价",
    "No tax, value added, energy, employee or R&D figures recorded: cannot be evaluated",
  ),
};

/** Reasons that need more than filling a template. */
const FORMATTERS: Record<string, Formatter> = {
  "missing-input": (p, lang) => {
    const a = fieldLabel(str(p.field), lang);
    if (p.field2 === undefined || p.field2 === null) return lang === "zh" ? `未填报${a}` : `no ${a} recorded`;
    const c = fieldLabel(str(p.field2), lang);
    return lang === "zh" ? `未填报${a}和${c}` : `no ${a} or ${c} recorded`;
  },
  "zero-denominator": (p, lang) => {
    const a = fieldLabel(str(p.field), lang);
    return lang === "zh" ? `${a}为 0，无法计算` : `${a} recorded as 0: cannot be computed`;
  },
  "idle-halted": (p, lang) => {
    const parts: string[] = [];
    const dev = p.developedRatio;
    const inv = p.investedRatio;
    const c = p.criterion;
    if ((c === "developed" || c === "both") && isNum(dev))
      parts.push(
        lang === "zh"
          ? `已开发面积仅占 ${distinct(dev, 1 / 3, 1, 100)}%（不足三分之一）`
          : `only ${distinct(dev, 1 / 3, 1, 100)}% of the land developed (less than one third)`,
      );
    if ((c === "invested" || c === "both") && isNum(inv))
      parts.push(
        lang === "zh"
          ? `已投资额仅占合同约定总投资的 ${distinct(inv, 0.25, 1, 100)}%（不足 25%）`
          : `only ${distinct(inv, 0.25, 1, 100)}% of the contracted investment made (less than 25%)`,
      );
    return lang === "zh"
      ? `自 ${str(p.haltedSince)} 停工，截至 ${str(p.asOf)} 已满一年，且${parts.join("、")}，构成停工闲置`
      : `Halted since ${str(p.haltedSince)}, over one year as of ${str(p.asOf)}, with ${parts.join(" and ")}: idle land`;
  },
  "halted-not-qualifying": (p, lang) => {
    const dev = p.developedRatio;
    const inv = p.investedRatio;
    const d = isNum(dev)
      ? lang === "zh"
        ? `已开发面积占 ${distinct(dev, 1 / 3, 1, 100)}%（不少于三分之一）`
        : `${distinct(dev, 1 / 3, 1, 100)}% of the land developed (at least one third)`
      : lang === "zh"
        ? "已开发面积未填报"
        : "no developed area recorded";
    const i = isNum(inv)
      ? lang === "zh"
        ? `已投资额占合同约定总投资的 ${distinct(inv, 0.25, 1, 100)}%（不少于 25%）`
        : `${distinct(inv, 0.25, 1, 100)}% of the contracted investment made (at least 25%)`
      : lang === "zh"
        ? "投资额或合同约定总投资未填报"
        : "investment or contracted investment not recorded";
    return lang === "zh"
      ? `自 ${str(p.haltedSince)} 停工已满一年，但${d}，${i}，不构成停工闲置`
      : `Halted since ${str(p.haltedSince)}, over one year, but ${d} and ${i}: not idle`;
  },
  "government-cause": (p, lang) => {
    const idle = p.status === "idle-1y" || p.status === "idle-2y" || p.status === "idle-halted";
    return lang === "zh"
      ? `${idle ? "闲置" : "延误"}系政府原因造成（53号令第八条）：不征收土地闲置费，不适用无偿收回；可与土地使用权人协商，选择延长动工开发期限（不超过一年）、调整土地用途或规划条件、由政府安排临时使用、协议有偿收回或置换土地等方式处置`
      : `${idle ? "The idleness" : "The delay"} was caused by government action (Order No. 53, art. 8): no idle land fee is charged and recovery without compensation does not apply; disposal may be agreed with the land user: a longer start period (at most one year), changed use or planning conditions, temporary use arranged by the government, compensated recovery or replacement land`;
  },
  "idle-fee": (p, lang) => {
    const rate = isNum(p.feeRate) ? pct(p.feeRate, 1) : "—";
    const recovery = typeof p.recoveryFrom === "string" ? p.recoveryFrom : null;
    if (lang === "zh")
      return `可按出让价款的 ${rate} 征收土地闲置费（53号令第十四条）${recovery ? `；至 ${recovery} 满两年仍未动工的，可无偿收回` : ""}`;
    return `An idle land fee of ${rate} of the land price may be charged (Order No. 53, art. 14)${recovery ? `; if still not started by ${recovery} (two years), the land may be recovered without compensation` : ""}`;
  },
  "started-by-status": (p, lang) => {
    const s = CONSTRUCTION_STATUS_LABEL[p.constructionStatus as ConstructionStatus];
    const l = s ? s[lang] : str(p.constructionStatus);
    return lang === "zh"
      ? `建设状态为「${l}」，视为已动工（未填报实际动工日期）`
      : `Construction status “${l}”: treated as started (no actual start date recorded)`;
  },
  "too-small": (p, lang) => {
    const a = isNum(p.areaMu) && isNum(p.minAreaMu) ? distinct(p.areaMu, p.minAreaMu, 2) : str(p.areaMu);
    return lang === "zh"
      ? `用地 ${a} 亩，小于 ${str(p.minAreaMu)} 亩，不参加亩均效益评价`
      : `${a} mu, less than ${str(p.minAreaMu)} mu: not evaluated`;
  },
  "indicator-dropped": (p, lang) => {
    const a = fieldLabel(str(p.field), lang);
    return lang === "zh"
      ? `${a}无法计算，不计入得分，其余指标权重按比例放大`
      : `${a[0]!.toUpperCase()}${a.slice(1)} could not be computed: left out, the other weights scaled up`;
  },
  class: (p, lang) => {
    const cls = p.class as EfficiencyClass;
    const l = EFFICIENCY_CLASS_LABEL[cls]?.[lang] ?? "";
    const score = isNum(p.score) ? num(p.score, 1) : "—";
    const position = isNum(p.p) ? pct(p.p, 1) : "—";
    return lang === "zh"
      ? `得分 ${score}；${str(p.n)} 个参评地块中得分更高的有 ${str(p.higher)} 个（位次 ${position}），评为 ${cls} 类（${l}）`
      : `Score ${score}; ${str(p.higher)} of ${str(p.n)} evaluated parcels score higher (rank position ${position}): class ${cls} (${l})`;
  },
};

/**
 * A reason as a sentence in the given language.
 *
 * @example
 * formatReason({code:"idle-2y", params:{agreedStartDate:"2024-06-30", asOf:"2026-06-30", years:2}}, "zh")
 * // "约定动工日期 2024-06-30，截至 2026-06-30 已满两年未动工，构成闲置土地"
 * formatReason({code:"missing-input", params:{field:"floorAreaM2"}}, "en") // "no floor area recorded"
 */
export function formatReason(reason: Reason, lang: Lang): string {
  const f = FORMATTERS[reason.code];
  if (f) return f(reason.params, lang);
  const t = TEMPLATES[reason.code];
  if (t) return fill(t[lang], reason.params);
  // An unknown code (a newer analysis than this text): show it plainly rather than nothing.
  const params = Object.entries(reason.params)
    .map(([k, v]) => `${k}=${str(v)}`)
    .join(", ");
  return params ? `${reason.code} (${params})` : reason.code;
}

/** Several reasons as one text (zh joined with "；", en with "; "). */
export function formatReasons(reasons: readonly Reason[], lang: Lang): string {
  return reasons.map((r) => formatReason(r, lang)).join(lang === "zh" ? "；" : "; ");
}

/**
 * Where the threshold of a check came from: the level, then the standards file's source text as
 * a citation ("依据：…"), never as the rule itself — the applied threshold is the rule, and a
 * source text can be stale (the loader warns when its numbers disagree).
 * @example checkSource({level:"industry", source:"国土资发〔2008〕24号", …}, "zh") // "行业标准；依据：国土资发〔2008〕24号"
 */
export function checkSource(check: StandardCheck, lang: Lang): string {
  const level = THRESHOLD_LEVEL_LABEL[check.level][lang];
  if (check.level === "agreed") {
    const f = fieldLabel(check.source, lang);
    return lang === "zh" ? `${level}（${f}）` : `${level} (${f})`;
  }
  if (!check.source) return level;
  return `${level}${lang === "zh" ? "；" : "; "}${checkCitation(check.source, lang)}`;
}

/** A standards file's source text as a citation. @example checkCitation("GB 50180-2018", "en") // "source: GB 50180-2018" */
export function checkCitation(source: string, lang: Lang): string {
  return lang === "zh" ? `依据：${source}` : `source: ${source}`;
}

/**
 * A standards check as a sentence.
 *
 * @example
 * formatCheck({indicator:"far", kind:"min", threshold:0.8, level:"default", source:"…", value:0.75, status:"fail"}, "zh")
 * // "容积率 0.75，低于下限 0.8（园区默认标准；依据：…）"
 */
export function formatCheck(check: StandardCheck, lang: Lang): string {
  const name = fieldLabel(check.indicator, lang);
  const t = valueWithUnit(check.indicator, check.threshold, lang);
  const src = checkSource(check, lang);
  const min = check.kind === "min";
  if (check.status === "not-assessed" || check.value === null) {
    return lang === "zh"
      ? `${name}无法计算，未评估（${min ? "下限" : "上限"} ${t}，${src}）`
      : `${capitalise(name)} cannot be computed: not assessed (${min ? "minimum" : "maximum"} ${t}, ${src})`;
  }
  const v = valueWithUnit(check.indicator, check.value, lang, check.threshold);
  if (check.status === "pass") {
    return lang === "zh"
      ? `${name} ${v}，${min ? "达到下限" : "未超过上限"} ${t}（${src}）`
      : `${capitalise(name)} ${v} ${min ? "meets the minimum" : "is within the maximum"} ${t} (${src})`;
  }
  return lang === "zh"
    ? `${name} ${v}，${min ? "低于下限" : "超过上限"} ${t}（${src}）`
    : `${capitalise(name)} ${v} is ${min ? "below the minimum" : "above the maximum"} ${t} (${src})`;
}

/** Names of failed indicators as a list, e.g. "容积率、亩均税收". */
export function formatFailed(failed: readonly CheckedIndicator[], lang: Lang): string {
  return failed.map((k) => fieldLabel(k, lang)).join(lang === "zh" ? "、" : ", ");
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
