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
  // the import dialog's dispatch by file type (src/io/readers/index.ts)
  "unknown-format": {
    zh: "无法识别的文件类型；可读取 Shapefile（.zip 或 .shp/.shx/.dbf/.prj）、GeoJSON、CSV 和 XLSX",
    en: "unrecognised file type; Shapefiles (.zip or .shp/.shx/.dbf/.prj), GeoJSON, CSV and XLSX are read",
  },
  "format-not-built-yet": {
    zh: "本版本尚不能读取 {format} 文件",
    en: "{format} files cannot be read by this build yet",
  },
  "no-files": { zh: "没有选择文件", en: "no file chosen" },
  "mapping-unreadable": {
    zh: "不是有效的字段对应文件（JSON，version 1）",
    en: "not a usable field-mapping file (JSON, version 1)",
  },
  "not-json-nopos": { zh: "不是有效的 JSON（{message}）", en: "not valid JSON ({message})" },
  "not-json": {
    zh: "不是有效的 JSON（第 {line} 行第 {column} 列：{message}）",
    en: "not valid JSON (line {line}, column {column}: {message})",
  },
  "not-geojson": {
    zh: "不是 GeoJSON 要素集合（FeatureCollection）、要素（Feature）或面几何（Polygon/MultiPolygon），顶层类型为「{type}」",
    en: "not a GeoJSON FeatureCollection, Feature or Polygon/MultiPolygon geometry (top-level type “{type}”)",
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
  "geometry-no-type": {
    zh: "几何没有类型（type）成员，已跳过",
    en: "the geometry has no type member; skipped",
  },
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
  "shp-needs-out": {
    zh: "Shapefile 输出为 zip 文件，请用 --out 指定文件名（如 --out 结果.zip）",
    en: "a Shapefile is written as a zip file: name it with --out (e.g. --out result.zip)",
  },
  "shp-out-not-zip": {
    zh: "Shapefile 输出为 zip 文件，--out 的文件名应以 .zip 结尾：{file}",
    en: "a Shapefile is written as a zip file: the --out name must end in .zip: {file}",
  },
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
  // sheets: CSV and XLSX (src/io/readers/table.ts, xlsx.ts, src/io/wkt.ts)
  "xls-not-supported": {
    zh: "这是旧版 Excel 工作簿（.xls），无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入",
    en: "this is an old Excel workbook (.xls), which cannot be read: save it as .xlsx or CSV in Excel or WPS and import that",
  },
  "xlsx-damaged": {
    zh: "不是可读取的 Excel 工作簿（.xlsx 文件已损坏或不是 xlsx）",
    en: "not a readable Excel workbook (the .xlsx is damaged or not an xlsx)",
  },
  "xlsx-too-large": {
    zh: "工作簿解压后超过 {limitMb} MB，未读取（可能是压缩炸弹）；请另存为 CSV",
    en: "the workbook unpacks to more than {limitMb} MB and was not read (possibly a zip bomb); save it as CSV",
  },
  "xlsx-no-sheets": { zh: "工作簿中没有工作表", en: "the workbook has no worksheets" },
  "xlsx-sheet-not-found": {
    zh: "工作簿中没有名为「{sheet}」的工作表（现有：{sheets}）",
    en: "the workbook has no worksheet “{sheet}” (it has: {sheets})",
  },
  "xlsx-sheet-missing": {
    zh: "工作表「{sheet}」的内容缺失（工作簿已损坏）",
    en: "the content of worksheet “{sheet}” is missing (the workbook is damaged)",
  },
  "xlsx-error-cells": {
    zh: "工作表「{sheet}」中有 {count} 个单元格为公式错误 {error}，已按空值处理",
    en: "{count} cells of worksheet “{sheet}” hold the formula error {error}; treated as empty",
  },
  "csv-unclosed-quote": {
    zh: "第 {line} 行起的引号没有闭合，其后的内容都读入了同一个单元格；请检查该行",
    en: "the quote opened at line {line} is never closed, so the rest of the file went into one cell; check that line",
  },
  "table-empty": { zh: "表格中没有任何内容", en: "the sheet is empty" },
  "table-title-skipped": {
    zh: "第 {row} 行「{title}」视为表格标题，不作为表头",
    en: "row {row} (“{title}”) is taken as the sheet's title, not its header",
  },
  "table-header-row": {
    zh: "表头取自第 {row} 行",
    en: "the header is row {row}",
  },
  "table-header-two-rows": {
    zh: "表头取自第 {rows} 行（两行表头：上一行的分组名与下一行的列名合为字段名，如「{example}」）",
    en: "the header is rows {rows} (two header rows: the upper row's group and the lower row's name form one field name, e.g. “{example}”)",
  },
  "table-header-empty": {
    zh: "第 {row} 行 {column} 列没有列名，命名为「{name}」",
    en: "column {column} of row {row} has no header; named “{name}”",
  },
  "table-header-duplicate": {
    zh: "{column} 列的列名与前面的列重复，改名为「{name}」",
    en: "the header of column {column} repeats an earlier one; renamed “{name}”",
  },
  "wkt-syntax": {
    zh: "第 {row} 行的几何「{raw}」不是有效的 WKT，该行没有图形",
    en: "the geometry “{raw}” on row {row} is not valid WKT; the row has no shape",
  },
  "wkt-unsupported-type": {
    zh: "第 {row} 行的几何类型 {type} 不是面（应为 POLYGON 或 MULTIPOLYGON），该行没有图形",
    en: "the geometry type {type} on row {row} is not a polygon (expected POLYGON or MULTIPOLYGON); the row has no shape",
  },
  "wkt-empty": {
    zh: "第 {row} 行的几何为空（{type} EMPTY），该行没有图形",
    en: "the geometry on row {row} is empty ({type} EMPTY); the row has no shape",
  },
  "wkt-srid-differs": {
    zh: "第 {row} 行的坐标系 {srid} 与前面各行的 {first} 不同，该行没有图形（请统一坐标系）",
    en: "row {row} is in {srid}, unlike the rows before it ({first}); the row has no shape (use one CRS)",
  },
  "table-points-not-parcels": {
    zh: "表格的 {x}/{y} 列是点位坐标，不是宗地边界，{rows} 行都不能作为宗地分析（点没有面积，也画不出地块）；请把它作为属性表用 --join 连接到宗地图层，或提供 WKT 面几何列",
    en: "the sheet's {x}/{y} columns are point locations, not parcel boundaries, so none of its {rows} rows can be analysed as a parcel (a point has no area and no outline); join it to a parcel layer as a table with --join, or give a WKT polygon column",
  },
  "table-no-geometry": {
    zh: "表格没有几何列（WKT 或 X/Y），{rows} 行是属性表而不是宗地：请用 --join 把它连接到宗地图层",
    en: "the sheet has no geometry column (WKT or X/Y); its {rows} rows are a table, not parcels: join it to a parcel layer with --join",
  },
  // field mapping (src/io/mapping.ts)
  "mapping-not-mapping": {
    zh: "不是字段映射文件（应为含 version 与 fields 的 JSON 对象）",
    en: "not a field mapping file (expected a JSON object with version and fields)",
  },
  "mapping-bad-version": {
    zh: "字段映射文件的版本 {version} 无法识别（应为 1）",
    en: "unknown field mapping version {version} (expected 1)",
  },
  "mapping-bad-rule": {
    zh: '映射规则应为 {"property": 属性名或 null} 形式的对象，已忽略',
    en: 'a mapping rule must be an object {"property": name or null}; ignored',
  },
  "mapping-unknown-property": {
    zh: "映射到未知的属性「{property}」（应为宗地属性表中的输入属性，如 landAreaM2），已忽略",
    en: "maps to the unknown property “{property}” (expected an input property of the parcel schema, e.g. landAreaM2); ignored",
  },
  "mapping-bad-unit": {
    zh: "单位「{unit}」无法识别（可选：{allowed}），属性 {property} 的映射已忽略",
    en: "unknown unit “{unit}” (allowed: {allowed}); the mapping to {property} is ignored",
  },
  "mapping-unit-mismatch": {
    zh: "单位「{unit}」不适用于属性 {property}（可选：{allowed}），已忽略",
    en: "the unit “{unit}” does not fit the property {property} (allowed: {allowed}); ignored",
  },
  "mapping-bad-date-format": {
    zh: "日期格式「{raw}」无效或属性 {property} 不是日期（可选：yyyymmdd、text），已忽略",
    en: "the date format “{raw}” is invalid or {property} is not a date (allowed: yyyymmdd, text); ignored",
  },
  "mapping-from-header": {
    zh: "按列名读作 {property}，单位 {unit}（换算为该属性的单位）",
    en: "read as {property} in {unit}, as the header says (converted to the property's unit)",
  },
  "mapping-duplicate-property": {
    zh: "属性 {property} 已由字段「{first}」映射，不能再由本字段映射，已忽略",
    en: "the property {property} is already mapped from the field “{first}”; this second mapping is ignored",
  },
  // attribute join (src/io/join.ts)
  "join-key-missing-table": {
    zh: "表格中没有连接字段（现有列：{fields}）；如表格列名与宗地字段不同，请用 --key 表列=宗地字段",
    en: "the sheet has no such key column (its columns: {fields}); if the sheet's column and the parcels' field differ, use --key column=field",
  },
  "join-key-missing-features": {
    zh: "宗地图层没有连接字段（现有字段：{fields}）；请用 --key 表列=宗地字段 指明宗地一侧的字段",
    en: "the parcels have no such key field (their fields: {fields}); name the parcels' field with --key column=field",
  },
  "join-duplicate-table-key": {
    zh: "连接键「{key}」在表格第 {rows} 行重复出现，这些行都未连接；请保留一行",
    en: "the key “{key}” occurs on rows {rows} of the sheet; none of them is joined — keep one",
  },
  "join-duplicate-feature-key": {
    zh: "连接键「{key}」在第 {features} 个要素中重复出现，这些宗地都未连接表格数据",
    en: "the key “{key}” is held by features {features}; none of them receives the sheet's figures",
  },
  "join-unmatched-row": {
    zh: "表格第 {row} 行的连接键「{key}」没有对应的宗地，该行未使用",
    en: "row {row} of the sheet (key “{key}”) matches no parcel; the row is not used",
  },
  "join-row-no-key": {
    zh: "表格第 {row} 行没有连接键{key}，该行未使用",
    en: "row {row} of the sheet has no key{key}; the row is not used",
  },
  "join-unmatched-feature": {
    zh: "连接键「{key}」在表格 {table} 中没有对应的行，该宗地未连接表格数据",
    en: "the key “{key}” has no row in {table}; this parcel receives no figures from it",
  },
  "join-feature-no-key": {
    zh: "该宗地没有连接键{key}，未连接表格 {table} 的数据",
    en: "this parcel has no key{key}, so it receives no figures from {table}",
  },
  "join-override": {
    zh: "表格的该列取代了 {count} 个宗地原有的字段「{target}」",
    en: "this sheet column replaced the parcels' field “{target}” on {count} parcels",
  },
  "join-summary": {
    zh: "属性连接：{features} 个宗地中 {matched} 个连接到表格（共 {rows} 行）；未匹配的表格行 {unmatchedRows} 行，未匹配的宗地 {unmatchedFeatures} 个，重复的连接键 {duplicates} 个",
    en: "attribute join: {matched} of {features} parcels joined to the sheet ({rows} rows); {unmatchedRows} sheet rows unmatched, {unmatchedFeatures} parcels unmatched, {duplicates} duplicate keys",
  },
  "key-without-join": {
    zh: "--key「{raw}」需与 --join 一起使用",
    en: "--key “{raw}” needs --join",
  },
  "bad-key-option": {
    zh: "--key 的取值「{raw}」无效，应为 表列 或 表列=宗地字段",
    en: "invalid --key “{raw}”; expected column or column=field",
  },
  // zip archives and Shapefiles (issue 8)
  "bad-zip": {
    zh: "不是有效的 zip 压缩包（文件损坏或不完整），无法读取",
    en: "not a valid zip archive (damaged or incomplete); cannot read it",
  },
  "zip-too-large": {
    zh: "压缩包解压后共 {mb} MB，超过上限 {limitMb} MB，未读取",
    en: "the archive would unpack to {mb} MB, more than the limit of {limitMb} MB; not read",
  },
  "zip-too-many-entries": {
    zh: "压缩包内文件超过 {limit} 个，未读取",
    en: "the archive holds more than {limit} files; not read",
  },
  "zip-bomb": {
    zh: "压缩包内「{entry}」的压缩比为 {ratio}:1（上限 {limit}:1），疑似压缩炸弹，未读取",
    en: "“{entry}” in the archive is compressed {ratio}:1 (limit {limit}:1), likely a zip bomb; not read",
  },
  "zip-empty": { zh: "压缩包中没有文件", en: "the archive holds no files" },
  "zip-names-gbk": {
    zh: "压缩包内的文件名为 GBK 编码（如「{example}」），已按 GBK 读取",
    en: "file names in the archive are GBK-encoded (e.g. “{example}”); read as GBK",
  },
  "no-shapefile": {
    zh: "没有找到 Shapefile（.shp 与 .dbf 文件）",
    en: "no Shapefile found (.shp and .dbf files)",
  },
  "missing-shp": {
    zh: "缺少 .shp 文件（只有属性表，没有图形），无法读取",
    en: "the .shp file is missing (attributes without shapes); cannot read it",
  },
  "missing-dbf": {
    zh: "缺少 .dbf 属性表文件：只读取了图形，没有属性",
    en: "the .dbf attribute file is missing: shapes read without attributes",
  },
  "missing-shx": {
    zh: "缺少 .shx 索引文件：已按顺序读取 .shp",
    en: "the .shx index file is missing: the .shp was read in order",
  },
  "missing-prj": {
    zh: "缺少 .prj 坐标系文件：坐标系按坐标数值判断",
    en: "the .prj file is missing: the CRS is judged from the coordinates",
  },
  "shp-text-unencodable": {
    zh: "{count} 个字符无法用 GBK 编码，在 Shapefile 中写为「?」（其他格式中完整保留）",
    en: "{count} character(s) cannot be written in GBK: written as “?” in the Shapefile (kept whole in the other formats)",
  },
  "shp-text-truncated": {
    zh: "文本超过 Shapefile 字段上限 254 字节，字段 {field} 已截断（其他格式中完整保留）",
    en: "text longer than a Shapefile field's 254 bytes: field {field} was cut (kept whole in the other formats)",
  },
  "prj-unreadable": {
    zh: "无法识别 .prj 中的坐标系「{raw}」：坐标系按坐标数值判断",
    en: "cannot read the CRS “{raw}” in the .prj: the CRS is judged from the coordinates",
  },
  "bad-shp": {
    zh: ".shp 文件头损坏（不是 Shapefile），无法读取",
    en: "the .shp header is damaged (not a Shapefile); cannot read it",
  },
  "not-polygon-layer": {
    zh: "图层的几何类型为「{type}」，不是面图层，无法作为宗地读取",
    en: "the layer's shape type is “{type}”, not polygons; cannot be read as parcels",
  },
  "shp-truncated": {
    zh: ".shp 文件不完整（{bytes} 字节，文件头声明 {declared} 字节），只读取了完整的记录",
    en: "the .shp is incomplete ({bytes} bytes, the header says {declared}); only whole records were read",
  },
  "shp-record-damaged": {
    zh: "图形记录损坏，已跳过",
    en: "the shape record is damaged; skipped",
  },
  "null-shape": { zh: "图形为空（空记录），已跳过", en: "the shape is null (no geometry); skipped" },
  "shapefile-count-mismatch": {
    zh: "记录数不一致（.shp {shp} 条，.shx {shx} 条，.dbf {dbf} 条）：图形与属性按顺序对应，请核对",
    en: "record counts disagree (.shp {shp}, .shx {shx}, .dbf {dbf}): shapes and attributes were paired in order; check them",
  },
  "dbf-record-deleted": {
    zh: "属性记录已标记为删除，已跳过",
    en: "the attribute record is marked deleted; skipped",
  },
  "cpg-unknown": {
    zh: "无法识别 .cpg 中的编码「{raw}」，已改为自动判断",
    en: "cannot read the code page “{raw}” in the .cpg; the encoding was detected instead",
  },
  "bad-dbf": {
    zh: ".dbf 属性表文件头损坏，无法读取",
    en: "the .dbf header is damaged; cannot read it",
  },
  "dbf-truncated": {
    zh: ".dbf 不完整（声明 {declared} 条记录，实有 {present} 条）",
    en: "the .dbf is incomplete ({declared} records declared, {present} present)",
  },
  "dbf-duplicate-field": {
    zh: "字段名重复，第二个改名为「{renamed}」",
    en: "duplicate field name; the second is renamed “{renamed}”",
  },
  "dbf-field-type": {
    zh: "字段类型「{type}」按文本读取",
    en: "field type “{type}” read as text",
  },
  "area-basis": {
    zh: "面积计算基准：{basis}（{howText}）",
    en: "areas measured: {basis} ({howText})",
  },
  "multipolygon-overlap": {
    zh: "多面要素的各部分相互重叠（各部分之和 {parts} m²），面积按其合并后的 {union} m² 计",
    en: "the parts of this MultiPolygon overlap (their sum is {parts} m²); its area is their union, {union} m²",
  },
  "crs-no-datum-shift": {
    zh: "坐标系 {crs} 为{datumText}，未给出基准转换参数（+towgs84），地图上的位置可能偏差数十米；面积不受影响",
    en: "the CRS {crs} is {datumText} and no datum shift (+towgs84) is given: the map position may be off by tens of metres; areas are unaffected",
  },
  "unsupported-format": {
    zh: "不能直接读取 {format}；请先用 QGIS 或 GDAL 转换为 Shapefile 或 GeoJSON，例如：{command}",
    en: "{format} is not read directly; convert it to a Shapefile or GeoJSON first with QGIS or GDAL, e.g. {command}",
  },
  // formats that are not read, in one table (src/io/unsupported.ts)
  "unsupported-dwg": {
    zh: "不能直接读取 {format}；请先在 CAD 软件中另存为 DXF，再用 QGIS 或 GDAL 转换为 GeoJSON，例如：{command}",
    en: "{format} is not read directly; save it as DXF in the CAD program first, then convert it to GeoJSON with QGIS or GDAL, e.g. {command}",
  },
  "unsupported-in-zip": {
    zh: "压缩包中没有 Shapefile，而是 {format}（{entry}），不能直接读取；请先解压，再用 QGIS 或 GDAL 转换，例如：{command}",
    en: "the archive holds no Shapefile but {format} ({entry}), which is not read directly; unzip it, then convert it with QGIS or GDAL, e.g. {command}",
  },
  // a zip holding several Shapefiles (src/io/readers/layers.ts)
  "several-layers": {
    zh: "压缩包中有 {count} 个 Shapefile 图层，已读取 {used}，即{reason}；其他图层：{others}。用 --layer <名称> 可读取其他图层",
    en: "the archive holds {count} Shapefile layers; read {used}, {reason}; the others: {others}. Use --layer <name> to read another",
  },
  "layer-not-found": {
    zh: "压缩包中没有名为「{raw}」的图层；现有图层：{layers}",
    en: "the archive holds no layer named “{raw}”; its layers: {layers}",
  },
  "dbf-fields-overflow": {
    zh: ".dbf 字段总长超过记录长度 {recordLength}，超出的字段未读取",
    en: "the .dbf fields are longer than its record length {recordLength}; the fields beyond it were not read",
  },
  // the streaming analyze (src/cli/analyze-stream.ts, issue 13)
  "file-changed": {
    zh: "文件在分析过程中被修改（两次读取的地块不一致），请在文件不再变动时重新运行",
    en: "the file changed while it was analysed (its parcels differ between the two reads); run again once it no longer changes",
  },
  "stream-too-large": {
    zh: "文件中有单个要素过大，超出可处理的范围；请拆分该要素或用 GIS 软件简化其几何",
    en: "a single feature in the file is too large to handle; split it or simplify its geometry in a GIS",
  },
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
/** Why a file could not be read, by the system's error code (never shown raw). */
const READ_REASONS: Record<string, Bilingual> = {
  EISDIR: { zh: "这是一个文件夹，请给出文件名", en: "it is a folder; give a file name" },
  EACCES: { zh: "没有读取权限", en: "permission denied" },
  EPERM: { zh: "没有读取权限", en: "permission denied" },
  EMFILE: { zh: "打开的文件过多", en: "too many open files" },
};
const READ_OTHER: Bilingual = { zh: "系统无法读取该文件", en: "the system could not read it" };

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
  "shp-needs-out": { zh: "Shapefile 输出为 zip 文件", en: "a Shapefile is written as a zip file" },
  "shp-out-not-zip": {
    zh: "Shapefile 输出为 zip 文件，文件名应以 .zip 结尾：{file}",
    en: "a Shapefile is written as a zip file: the name must end in .zip: {file}",
  },
  "missing-facilities": {
    zh: "缺少设施文件（GeoJSON，经纬度）",
    en: "no facilities file (GeoJSON, lon/lat)",
  },
  "unknown-crs": {
    zh: "无法识别坐标参考系{crsText}：请在导入对话框的坐标系选择器中选择（可按 EPSG 代码或名称搜索）",
    en: "cannot determine the coordinate reference system{crsText}; choose it in the import dialog's coordinate system picker (search by EPSG code or name)",
  },
  "crs-assumed": {
    zh: "坐标为投影坐标但未注明分带，已按分析坐标系 {crs} 读取；如不正确请在导入对话框的坐标系选择器中另选",
    en: "coordinates are projected but the zone is not stated; read as the analysis CRS {crs} — pick another in the import dialog's coordinate system picker if that is wrong",
  },
  "crs-member-overridden": {
    zh: "文件声明的坐标系 {member} 被坐标系设置 {crs} 取代",
    en: "the file's declared CRS {member} is overridden by the coordinate system setting {crs}",
  },
  "bad-as-of": {
    zh: "评价基准日「{raw}」无效，应为 YYYY-MM-DD",
    en: "invalid as-of date “{raw}”; expected YYYY-MM-DD",
  },
  "table-points-not-parcels": {
    zh: "表格的 {x}/{y} 列是点位坐标，不是宗地边界，{rows} 行都不能作为宗地分析（点没有面积，也画不出地块）；请把它作为属性表连接到宗地图层，或提供 WKT 面几何列",
    en: "the sheet's {x}/{y} columns are point locations, not parcel boundaries, so none of its {rows} rows can be analysed as a parcel (a point has no area and no outline); join it to a parcel layer as a table, or give a WKT polygon column",
  },
  "table-no-geometry": {
    zh: "表格没有几何列（WKT 或 X/Y），{rows} 行是属性表而不是宗地：请把它作为属性表连接到宗地图层",
    en: "the sheet has no geometry column (WKT or X/Y); its {rows} rows are a table, not parcels: join it to a parcel layer as a table",
  },
  "join-key-missing-table": {
    zh: "表格中没有连接字段（现有列：{fields}）；请在连接设置中选择表格的连接列",
    en: "the sheet has no such key column (its columns: {fields}); choose the sheet's key column in the join settings",
  },
  "join-key-missing-features": {
    zh: "宗地图层没有连接字段（现有字段：{fields}）；请在连接设置中选择宗地一侧的字段",
    en: "the parcels have no such key field (their fields: {fields}); choose the parcels' key field in the join settings",
  },
  "key-without-join": {
    zh: "连接字段「{raw}」需与属性表一起使用",
    en: "the key “{raw}” needs a table to join",
  },
  "several-layers": {
    zh: "压缩包中有 {count} 个 Shapefile 图层，已读取 {used}，即{reason}；其他图层：{others}。可在导入对话框的「图层」一栏中选择其他图层",
    en: "the archive holds {count} Shapefile layers; read {used}, {reason}; the others: {others}. Choose another in the import dialog’s Layer section",
  },
  "bad-key-option": {
    zh: "连接字段「{raw}」无效，应为 表列 或 表列=宗地字段",
    en: "invalid join key “{raw}”; expected column or column=field",
  },
};
const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** The units a field mapping converts from (`SourceUnit` of `src/io/mapping.ts`), as written. */
const SOURCE_UNIT_TEXT: Record<string, Bilingual> = {
  yuan: b("元", "yuan"),
  "wan-yuan": b("万元", "10k yuan"),
  "yi-yuan": b("亿元", "100M yuan"),
  m2: b("平方米", "m²"),
  mu: b("亩", "mu"),
  ha: b("公顷", "ha"),
};

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
  // The layers of a zip are described in each language by the reader (`src/io/readers/layers.ts`).
  if (p.code === "several-layers")
    for (const k of ["used", "reason", "others"]) params[k] = p.params?.[`${k}_${lang}`] ?? "";
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
  if (p.code === "mapping-from-header") {
    const unit = SOURCE_UNIT_TEXT[String(p.params?.unit)];
    if (unit) params.unit = unit[lang];
    const info = fieldInfo(String(p.params?.property ?? ""));
    if (info)
      params.property =
        lang === "zh" ? `${info.zh}（${info.key}）` : `${info.en.toLowerCase()} (${info.key})`;
  }
  if (p.code === "area-basis") {
    const how = p.params?.how;
    if (lang === "zh" && typeof p.params?.basis === "string")
      params.basis = p.params.basis.replace(/ planar$/, " 平面坐标");
    params.howText =
      how === "own-crs"
        ? lang === "zh"
          ? "按数据自身的高斯-克吕格坐标系平面计算"
          : "planar in the data's own Gauss–Krüger CRS"
        : how === "nearest-zone"
          ? lang === "zh"
            ? "标准文件未设分析坐标系，按距数据最近的 CGCS2000 3 度带计算"
            : "the standards set no analysis CRS: the CGCS2000 3-degree zone nearest the data"
          : lang === "zh"
            ? "按标准文件的分析坐标系计算"
            : "the analysis CRS of the standards";
  }
  if (p.code === "crs-no-datum-shift") {
    const d = p.params?.datum;
    params.datumText =
      d === "xian1980"
        ? lang === "zh"
          ? "西安 1980 坐标系"
          : "Xi'an 1980"
        : lang === "zh"
          ? "北京 1954 坐标系"
          : "Beijing 1954";
  }
  if (p.code === "file-unreadable" && typeof p.params?.errno === "string") {
    const reason = READ_REASONS[p.params.errno];
    params.message = (reason ?? READ_OTHER)[lang];
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
