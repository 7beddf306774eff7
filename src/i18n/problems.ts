/**
 * Import and command-line problems as full sentences in Chinese and English, naming the file,
 * the feature (1-based position and id) and the field, e.g.
 * `parcels.geojson 第 12 个要素（宗地编号 HTK-012）字段「投资额」：无法识别的数值「约100」，已按缺失处理`.
 */

import { fieldInfo } from "../domain/fields";
import type { Problem } from "../io/types";
import { printable } from "./escape";
import { type Bilingual, fill, type Lang } from "./lang";
import { EXPECTED_TEXT, type ExpectedKey, PROJECT_PROBLEM_TEXT, type ProjectProblemCode } from "./persist";

/** Message templates by problem code; `{name}` placeholders are filled from `Problem.params`. */
export const PROBLEM_TEXT: Record<string, Bilingual> = {
  // file level
  "not-text": {
    zh: "不是文本文件（既不是 UTF-8 也不是 GBK 编码），无法读取",
    en: "not a text file (neither UTF-8 nor GBK); cannot read it",
  },
  "decoded-gbk": {
    zh: "文件不是 UTF-8 编码，已按 GBK 编码读取",
    en: "the file is not UTF-8; read it as GBK",
  },
  "invalid-utf8": {
    zh: "第 {line} 行（字节偏移 {offset}）有无效的 UTF-8 字节（全文共 {count} 处），已替换为 �；请检查该处的取值",
    en: "invalid UTF-8 byte at line {line} (byte offset {offset}; {count} in the file), replaced with �; check the value there",
  },
  "empty-file": { zh: "文件为空", en: "the file is empty" },
  "not-json-nopos": { zh: "不是有效的 JSON（{message}）", en: "not valid JSON ({message})" },
  "not-json": {
    zh: "不是有效的 JSON（第 {line} 行第 {column} 列：{message}）",
    en: "not valid JSON (line {line}, column {column}: {message})",
  },
  "not-geojson": {
    zh: "不是 GeoJSON 要素集合（FeatureCollection）或要素（Feature），顶层类型为「{type}」",
    en: "not a GeoJSON FeatureCollection or Feature (top-level type “{type}”)",
  },
  "no-features": { zh: "要素集合中没有任何要素", en: "the FeatureCollection has no features" },
  "no-parcels": {
    zh: "{features} 个要素中没有可用的面状宗地（{reasons}），无法分析",
    en: "none of the {features} features is a usable polygon parcel ({reasons}); nothing to analyse",
  },
  "unknown-crs": {
    zh: "无法识别坐标参考系{crsText}：请用 --crs 指定（如 EPSG:4546 或 proj4 字符串）",
    en: "cannot determine the coordinate reference system{crsText}; give it with --crs (e.g. EPSG:4546 or a proj4 string)",
  },
  "crs-mismatch": {
    zh: "指定的坐标参考系 {crs} 与坐标数值（{sample}）不符（经纬度与投影坐标之别，或带号不同）",
    en: "the given CRS {crs} does not fit the coordinates ({sample}): lon/lat versus projected, or another zone prefix",
  },
  "outside-analysis-zone": {
    zh: "地块位于东经 {lon}° 附近，在分析坐标系 {crs}（中央经线 {cm}°E）的 3 度带之外，面积会有变形；应改用 {suggested}（在标准文件的 analysisCrs 中设置）",
    en: "the parcels lie near {lon}°E, outside the 3-degree zone of the analysis CRS {crs} (central meridian {cm}°E), so their areas are distorted; use {suggested} instead (set analysisCrs in the standards file)",
  },
  "outside-analysis-zone-no-cgcs": {
    zh: "地块位于东经 {lon}° 附近，远离分析坐标系 {crs}（中央经线 {cm}°E），且不在中国 CGCS2000 3 度带范围内，面积不可信；请检查坐标",
    en: "the parcels lie near {lon}°E, far from the analysis CRS {crs} (central meridian {cm}°E) and outside China's CGCS2000 3-degree zones; their areas cannot be trusted — check the coordinates",
  },
  "crs-detected": {
    zh: "东坐标含带号（高斯-克吕格 3 度带第 {zone} 带），按 {crs} 读取",
    en: "coordinates are zone-prefixed Gauss–Krüger eastings (zone {zone}); read as {crs}",
  },
  "crs-assumed": {
    zh: "坐标为投影坐标但未注明分带，已按分析坐标系 {crs} 读取；如不正确请用 --crs 指定",
    en: "coordinates are projected but the zone is not stated; read as the analysis CRS {crs} — give --crs if that is wrong",
  },
  "axes-swapped": {
    zh: "坐标轴顺序为北坐标在前（如 {sample}），已交换为东坐标在前",
    en: "axes are northing first (e.g. {sample}); swapped to easting first",
  },
  "crs-member-unreadable": {
    zh: "文件的 crs 成员无法识别（{raw}），已忽略",
    en: "the file's crs member cannot be read ({raw}); ignored",
  },
  "crs-member-overridden": {
    zh: "文件声明的坐标系 {member} 被 --crs {crs} 取代",
    en: "the file's declared CRS {member} is overridden by --crs {crs}",
  },
  "read-failed": {
    zh: "读取时发生内部错误（{message}），请将此文件报告给开发者",
    en: "internal error while reading ({message}); please report this file to the developers",
  },
  // features
  "not-a-feature": {
    zh: "不是 GeoJSON 要素（类型「{type}」），已跳过",
    en: "not a GeoJSON Feature (type “{type}”); skipped",
  },
  "not-polygon": {
    zh: "几何类型为「{type}」，不是面（Polygon/MultiPolygon），已跳过",
    en: "geometry is “{type}”, not a Polygon or MultiPolygon; skipped",
  },
  "bad-coordinates": { zh: "坐标结构无效，已跳过", en: "the coordinates are malformed; skipped" },
  "empty-geometry": { zh: "几何为空，已跳过", en: "the geometry is empty; skipped" },
  "non-finite-coordinate": {
    zh: "坐标不是有效数值（{value}），已跳过",
    en: "a coordinate is not a finite number ({value}); skipped",
  },
  "too-few-positions": {
    zh: "环只有 {count} 个坐标点（至少需要 4 个），已跳过",
    en: "a ring has {count} positions (at least 4 needed); skipped",
  },
  "out-of-range": {
    zh: "坐标（{value}）超出 {crs} 的范围，已跳过",
    en: "coordinate ({value}) is outside the range of {crs}; skipped",
  },
  "invalid-geojson": { zh: "GeoJSON 无效（{detail}），已跳过", en: "invalid GeoJSON ({detail}); skipped" },
  "self-intersection": {
    zh: "多边形自相交（交点约 {at}），面积无法确定，已跳过",
    en: "the polygon intersects itself (near {at}), so its area is undefined; skipped",
  },
  "zero-area": {
    zh: "多边形面积为零（小于 0.01 平方米），已跳过",
    en: "the polygon has no area (less than 0.01 m²); skipped",
  },
  "degenerate-geometry": {
    zh: "多边形退化（某个环的顶点都在一条线上，宽度为零），没有面积，已跳过",
    en: "the polygon is degenerate (a ring's vertices all lie on one line: zero width), so it has no area; skipped",
  },
  "ring-closed": {
    zh: "{rings} 个环首尾不闭合，已自动闭合",
    en: "{rings} ring(s) were not closed; closed automatically",
  },
  "missing-id": {
    zh: "缺少宗地编号，按位置编为 {id}",
    en: "no parcel id; given the id {id} from its position",
  },
  "bad-id": { zh: "宗地编号无效（{raw}），已忽略", en: "the parcel id is not usable ({raw}); ignored" },
  "duplicate-id": {
    zh: "宗地编号 {id} 与前面的要素重复，本要素改为 {newId}",
    en: "the id {id} repeats an earlier feature; this one is renamed {newId}",
  },
  // fields
  "unparseable-number": {
    zh: "无法识别的数值「{raw}」，已按缺失处理",
    en: "cannot read the number “{raw}”; treated as missing",
  },
  "unit-mismatch": {
    zh: "数值「{raw}」的单位「{unit}」与该字段不符，已按缺失处理",
    en: "the unit “{unit}” of “{raw}” does not fit this field; treated as missing",
  },
  "negative-value": {
    zh: "数值「{raw}」为负数，已按缺失处理",
    en: "the value “{raw}” is negative; treated as missing",
  },
  "not-integer": {
    zh: "数值「{raw}」应为整数，已按缺失处理",
    en: "“{raw}” should be a whole number; treated as missing",
  },
  "unparseable-boolean": {
    zh: "无法识别的是/否值「{raw}」，已按缺失处理",
    en: "cannot read the yes/no value “{raw}”; treated as missing",
  },
  "excel-serial-date": {
    zh: "日期「{raw}」像是 Excel 日期序号，请改为 YYYY-MM-DD，已按缺失处理",
    en: "the date “{raw}” looks like an Excel serial number; write it as YYYY-MM-DD — treated as missing",
  },
  "unparseable-date": {
    zh: "无法识别的日期「{raw}」（应为 YYYY-MM-DD），已按缺失处理",
    en: "cannot read the date “{raw}” (expected YYYY-MM-DD); treated as missing",
  },
  "invalid-date": {
    zh: "日期「{raw}」不存在，已按缺失处理",
    en: "the date “{raw}” does not exist; treated as missing",
  },
  "not-text-value": {
    zh: "值「{raw}」不是文本，已按缺失处理",
    en: "the value “{raw}” is not text; treated as missing",
  },
  "unknown-enum": {
    zh: "无法识别的取值「{raw}」，已按缺失处理",
    en: "unknown value “{raw}”; treated as missing",
  },
  "value-too-deep": {
    zh: "取值嵌套超过 {limit} 层，无法安全处理，已略去（不导出）",
    en: "the value nests more than {limit} levels deep and cannot be handled safely; set aside (not exported)",
  },
  "duplicate-field": {
    zh: "与字段「{kept}」重复（都表示 {key}），采用「{kept}」，本字段已忽略",
    en: "duplicates the property “{kept}” (both mean {key}); “{kept}” is used, this one ignored",
  },
  // standards files
  "not-standards": {
    zh: "不是标准文件（顶层应为对象）",
    en: "not a standards file (the top level must be an object)",
  },
  "standards-is-geojson": {
    zh: "这是 GeoJSON 数据文件（{type}），不是标准文件；标准文件是形如 geodata/standards.json 的 JSON 设置，地块数据应作为地块文件读入",
    en: "this is a GeoJSON data file ({type}), not a standards file; a standards file holds JSON settings like geodata/standards.json — parcels are read as the parcels file",
  },
  "bad-threshold": { zh: "阈值「{raw}」不是数值", en: "the threshold “{raw}” is not a number" },
  "bad-threshold-range": { zh: "阈值 {raw} 超出允许范围", en: "the threshold {raw} is out of range" },
  "bad-section": { zh: "应为对象，实为「{raw}」", en: "should be an object, found “{raw}”" },
  "bad-text": { zh: "应为非空文本，实为「{raw}」", en: "should be non-empty text, found “{raw}”" },
  "unknown-standards-key": { zh: "未知的设置项，已忽略", en: "unknown setting; ignored" },
  "standards-default": {
    zh: "标准文件中缺少此项，已采用内置示例标准的取值",
    en: "missing from the standards file; the built-in example values are used",
  },
  "missing-benchmark": {
    zh: "该指标有权重但没有基准值",
    en: "this indicator has a weight but no benchmark",
  },
  "bad-cutoffs": {
    zh: "等级分界（{raw}）应满足 0 < A ≤ B ≤ C ≤ 1",
    en: "the class cutoffs ({raw}) must satisfy 0 < A ≤ B ≤ C ≤ 1",
  },
  "source-disagrees": {
    zh: "依据文字写「{quoted}」，与文件中{indicatorLabel}的{kindText} {applied} 不符：依据可能已过时，分析按 {applied} 执行",
    en: "the source text says “{quoted}”, but the file's {indicatorLabel} {kindText} is {applied}: the source may be out of date; the analysis applies {applied}",
  },
  "bad-analysis-crs": {
    zh: "分析坐标系「{raw}」无法识别或不是投影坐标系",
    en: "the analysis CRS “{raw}” is unknown or not projected",
  },
  // command line
  "file-not-found": { zh: "找不到文件", en: "file not found" },
  "file-unreadable": { zh: "无法读取文件（{message}）", en: "cannot read the file ({message})" },
  "write-failed": { zh: "无法写入文件：{reason}", en: "cannot write the file: {reason}" },
  "missing-input": { zh: "缺少输入文件", en: "no input file given" },
  "unknown-option": { zh: "未知选项 {option}", en: "unknown option {option}" },
  "missing-option-value": { zh: "选项 {option} 缺少取值", en: "option {option} needs a value" },
  "bad-option-value": {
    zh: "选项 {option} 的取值「{raw}」无效（可选：{allowed}）",
    en: "invalid value “{raw}” for {option} (allowed: {allowed})",
  },
  "unexpected-argument": { zh: "多余的参数「{raw}」", en: "unexpected argument “{raw}”" },
  "bad-as-of": {
    zh: "--as-of 的日期「{raw}」无效，应为 YYYY-MM-DD",
    en: "invalid --as-of date “{raw}”; expected YYYY-MM-DD",
  },
  // atlas (src/cli/atlas.ts)
  "atlas-missing-out": {
    zh: "缺少 --out：图集 PDF 须写入文件",
    en: "--out is missing: the atlas PDF must be written to a file",
  },
  "agenda-empty": {
    zh: "议题为空：{agenda} 没有选出任何地块",
    en: "the agenda is empty: {agenda} selects no parcel",
  },
  "agenda-unknown-id": {
    zh: "议题中的宗地编号不在数据中，已跳过",
    en: "agenda parcel id not in the data; skipped",
  },
  "font-missing": {
    zh: "找不到打印字体（{reason}）；请运行 npm ci",
    en: "the print font is missing ({reason}); run npm ci",
  },
  // six-ones plan layers (src/io/plan-read.ts)
  "missing-facilities": {
    zh: "缺少设施文件：请用 --facilities 给出（GeoJSON，经纬度）",
    en: "no facilities file: give one with --facilities (GeoJSON, lon/lat)",
  },
  "facility-bad-geometry": {
    zh: "设施类型 {kind} 的几何类型「{type}」不可用（设施为点或面，公交线路为线），已跳过",
    en: "geometry type “{type}” cannot be used for a {kind} (facilities are points or polygons, a bus line a line); skipped",
  },
  "facility-not-lonlat": {
    zh: "坐标不是经纬度（RFC 7946 GeoJSON 应为经纬度），已跳过",
    en: "coordinates are not lon/lat (RFC 7946 GeoJSON is lon/lat); skipped",
  },
  "facility-bad-status": {
    zh: "无法识别的状态「{raw}」（应为 现状/规划/拟建），按现状处理",
    en: "unknown status “{raw}” (expected existing/planned/proposed); taken as existing",
  },
  "bus-bad-stops": {
    zh: "站点 stops 应为至少两个经纬度坐标的列表，已改用线路两端作为站点",
    en: "stops must be a list of at least two lon/lat positions; the line's two ends are used as stops",
  },
  "facility-other-kinds": {
    zh: "{count} 个要素不是六个一设施（如孵化园、污水处理厂），未计入覆盖分析",
    en: "{count} features are not six-ones facilities (e.g. an incubator, a sewage plant) and are not part of the coverage",
  },
  "road-bad-geometry": {
    zh: "道路的几何类型「{type}」不是线，已跳过",
    en: "road geometry type “{type}” is not a line; skipped",
  },
  "no-roads": { zh: "道路文件中没有可用的线要素", en: "the roads file has no usable line features" },
};

/** Why a file could not be written, by the system's error code (`params.errno`). */
const WRITE_REASONS: Record<string, Bilingual> = {
  EISDIR: { zh: "这是一个文件夹，请给出文件名", en: "it is a folder; give a file name" },
  ENOSPC: { zh: "磁盘空间已满", en: "no space left on the device" },
  EDQUOT: { zh: "磁盘配额已满", en: "the disk quota is used up" },
  EACCES: { zh: "没有写入权限", en: "permission denied" },
  EPERM: { zh: "没有写入权限", en: "permission denied" },
  EROFS: { zh: "文件系统只读", en: "the file system is read-only" },
  ENOENT: { zh: "所在文件夹不存在", en: "its folder does not exist" },
  ENOTDIR: { zh: "路径中有一段不是文件夹", en: "part of the path is not a folder" },
  EBUSY: { zh: "文件正被占用", en: "the file is in use" },
  EIO: { zh: "设备读写错误", en: "an input/output error on the device" },
};
const WRITE_OTHER: Bilingual = {
  zh: "写入出错，原文件未改动",
  en: "the write failed; any existing file is unchanged",
};

/**
 * Who reads the sentence: the command line (which has `--crs`, `--as-of`) or the browser, which
 * has no command-line flags; there the coordinate system and the as-of date are settings.
 */
export type ProblemAudience = "cli" | "browser";

/**
 * The browser's own wording of the texts that name a command-line flag. Every text of
 * `PROBLEM_TEXT` that names a flag has one here (checked by the problems-text test).
 */
export const BROWSER_PROBLEM_TEXT: Record<string, Bilingual> = {
  "atlas-missing-out": { zh: "图集 PDF 须写入文件", en: "the atlas PDF must be written to a file" },
  "missing-facilities": {
    zh: "缺少设施文件（GeoJSON，经纬度）",
    en: "no facilities file (GeoJSON, lon/lat)",
  },
  "unknown-crs": {
    zh: "无法识别坐标参考系{crsText}：请在坐标系设置中选择（如 EPSG:4546 或 proj4 字符串）",
    en: "cannot determine the coordinate reference system{crsText}; choose it in the coordinate system setting (e.g. EPSG:4546 or a proj4 string)",
  },
  "crs-assumed": {
    zh: "坐标为投影坐标但未注明分带，已按分析坐标系 {crs} 读取；如不正确请在坐标系设置中选择",
    en: "coordinates are projected but the zone is not stated; read as the analysis CRS {crs} — choose another in the coordinate system setting if that is wrong",
  },
  "crs-member-overridden": {
    zh: "文件声明的坐标系 {member} 被坐标系设置 {crs} 取代",
    en: "the file's declared CRS {member} is overridden by the coordinate system setting {crs}",
  },
  "bad-as-of": {
    zh: "评价基准日「{raw}」无效，应为 YYYY-MM-DD",
    en: "invalid as-of date “{raw}”; expected YYYY-MM-DD",
  },
};
const b = (zh: string, en: string): Bilingual => ({ zh, en });

const FALLBACK: Bilingual = { zh: "问题（代码 {code}）", en: "problem (code {code})" };

/**
 * What a JSON parser's message means, in the user's language: the engine's English text
 * ("Expected ',' or '}' after property value in JSON at position 13") is neither Chinese nor safe to
 * echo (V8 quotes a piece of the file, control characters included). Known kinds get a sentence,
 * anything else a plain "syntax error"; the line and column are given beside it.
 */
const JSON_REASONS: [RegExp, Bilingual][] = [
  [
    /Unexpected end of JSON input|Unterminated string|Unexpected end/i,
    b(
      "文件意外结束（缺少结尾的括号或引号）",
      "the file ends too early (a closing bracket or quote is missing)",
    ),
  ],
  [
    /Expected ',' or '}' after property value/i,
    b("属性值之后应为逗号「,」或右花括号「}」", "expected “,” or “}” after a property value"),
  ],
  [
    /Expected ',' or ']' after array element/i,
    b("数组元素之后应为逗号「,」或右方括号「]」", "expected “,” or “]” after an array element"),
  ],
  [
    /Expected property name or '}'|Expected double-quoted property name/i,
    b("此处应为用双引号括起的属性名或「}」", "expected a property name in double quotes or “}”"),
  ],
  [/Expected ':' after property name/i, b("属性名之后应为冒号「:」", "expected “:” after a property name")],
  [
    /Unexpected non-whitespace character after JSON/i,
    b("JSON 内容结束后还有多余的字符", "there is more text after the end of the JSON"),
  ],
  [
    /Bad control character|Bad escaped character|Bad Unicode escape/i,
    b("字符串中有无效的字符或转义", "a string holds an invalid character or escape"),
  ],
  [
    /No number after minus sign|Exponent part is missing|Unterminated fractional number|Unexpected number/i,
    b("数字的写法不正确", "a number is written incorrectly"),
  ],
  [
    /Unexpected token|Unexpected string|Unexpected character/i,
    b("此处出现了不应有的字符", "a character that does not belong here"),
  ],
];

/** The reason of a JSON syntax error in `lang` (never the parser's own text). */
export function jsonSyntaxReason(message: unknown, lang: Lang): string {
  const m = typeof message === "string" ? message : "";
  for (const [re, text] of JSON_REASONS) if (re.test(m)) return text[lang];
  return lang === "zh" ? "语法错误" : "syntax error";
}

/** The "where" part: file, feature (1-based) and id, field. */
function location(p: Problem, lang: Lang): string {
  const parts: string[] = [];
  if (lang === "zh") {
    if (p.file) parts.push(p.file);
    if (p.featureIndex !== undefined) {
      parts.push(
        `第 ${p.featureIndex + 1} 个要素${p.featureId !== undefined ? `（宗地编号 ${p.featureId}）` : ""}`,
      );
    } else if (p.featureId !== undefined) {
      parts.push(`宗地编号 ${p.featureId}`);
    }
    // A schema key found as the property name gets its Chinese label too.
    const info = p.field ? fieldInfo(p.field) : undefined;
    if (p.field) parts.push(`字段「${info && info.key === p.field ? `${info.zh} ${p.field}` : p.field}」`);
    return parts.join(" ").replace(/） /g, "）");
  }
  if (p.file) parts.push(p.file);
  if (p.featureIndex !== undefined) {
    parts.push(`feature ${p.featureIndex + 1}${p.featureId !== undefined ? ` (id ${p.featureId})` : ""}`);
  } else if (p.featureId !== undefined) {
    parts.push(`id ${p.featureId}`);
  }
  if (p.field) parts.push(`field ${p.field}`);
  return parts.join(", ");
}

/**
 * A problem as one sentence in `lang`, naming file, feature and field; always one line (control
 * characters in echoed values are escaped, `printable`). In the browser (`audience: "browser"`)
 * no sentence names a command-line flag.
 *
 * @example formatProblem({severity:"warning", code:"unparseable-number", file:"parcels.geojson",
 *   featureIndex:11, featureId:"HTK-012", field:"投资额", params:{raw:"约100"}}, "en")
 * // "parcels.geojson, feature 12 (id HTK-012), field 投资额: cannot read the number “约100”; treated as missing"
 */
export function formatProblem(p: Problem, lang: Lang, audience: ProblemAudience = "cli"): string {
  const code = p.code === "not-json" && (p.params?.line ?? null) === null ? "not-json-nopos" : p.code;
  const text =
    (audience === "browser" ? BROWSER_PROBLEM_TEXT[code] : undefined) ??
    PROBLEM_TEXT[code] ??
    PROJECT_PROBLEM_TEXT[code as ProjectProblemCode] ??
    FALLBACK;
  const template = text[lang];
  const params: Record<string, unknown> = { code: p.code, ...p.params };
  if (p.code === "not-json") params.message = jsonSyntaxReason(p.params?.message, lang);
  // Project-file problems name what a field should be ("expected an object"), in the language.
  const expected = EXPECTED_TEXT[p.params?.expected as ExpectedKey];
  if (code.startsWith("project-") && expected) params.expected = expected[lang];
  if (p.code === "unknown-crs") {
    const crs = p.params?.crs;
    const sample = p.params?.sample;
    params.crsText =
      typeof crs === "string" && crs !== ""
        ? lang === "zh"
          ? `「${crs}」`
          : ` “${crs}”`
        : typeof sample === "string" && sample !== ""
          ? lang === "zh"
            ? `（首个坐标 ${sample}）`
            : ` (first coordinate ${sample})`
          : "";
  }
  if (p.code === "write-failed") {
    const errno = p.params?.errno;
    params.reason = (typeof errno === "string" ? (WRITE_REASONS[errno] ?? WRITE_OTHER) : WRITE_OTHER)[lang];
  }
  if (p.code === "source-disagrees") {
    const k = String(p.params?.indicator ?? "");
    const info = fieldInfo(k);
    params.indicatorLabel =
      k === "idleFeeRate"
        ? lang === "zh"
          ? "土地闲置费"
          : "idle land fee"
        : info
          ? lang === "zh"
            ? info.zh
            : info.en.toLowerCase()
          : k;
    const kind = p.params?.kind;
    params.kindText =
      kind === "min"
        ? lang === "zh"
          ? "下限"
          : "minimum"
        : kind === "max"
          ? lang === "zh"
            ? "上限"
            : "maximum"
          : lang === "zh"
            ? "费率"
            : "rate";
  }
  const message = fill(template, params);
  const where = location(p, lang);
  // Values from the file (raw values, ids, field and CRS names, the file name) are echoed: one
  // line always, whatever control characters they hold.
  if (!where) return printable(message);
  return printable(lang === "zh" ? `${where}：${message}` : `${where}: ${message}`);
}
