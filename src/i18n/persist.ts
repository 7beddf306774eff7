/**
 * Texts of keeping the work: storage notices (what could not be restored or saved), the other-tab
 * banner, the error boundary, Save/Open project, and the problems of a project file. Simplified
 * Chinese first, English second.
 */
import { type Bilingual, fill, type Lang } from "./lang";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const PERSIST_TEXT = {
  // storage notices (StorageNoticeCode)
  "settings-unreadable": b(
    "已保存的界面设置无法读取，已改用默认设置；原内容已另存（{key}.unreadable）。",
    "The saved interface settings could not be read; the defaults are used. The original was kept aside ({key}.unreadable).",
  ),
  "settings-newer": b(
    "界面设置由更新版本的集约保存（版本 {version}）：本版本使用默认设置，且不会覆盖它们。",
    "The interface settings were saved by a newer version of Jiyue (version {version}): this version runs on the defaults and does not overwrite them.",
  ),
  "settings-dropped": b(
    "部分已保存的设置格式不正确，已恢复为默认值：{fields}。原内容已另存。",
    "Some saved settings had the wrong shape and were reset to the defaults: {fields}. The original was kept aside.",
  ),
  "settings-write-failed": b(
    "界面设置无法保存（{message}）：刷新后将恢复为之前的设置。",
    "The interface settings could not be saved ({message}): after a reload the previous settings return.",
  ),
  "work-blocked": b(
    "浏览器不允许本地存储（可能是隐私/无痕模式）：刷新或关闭后，导入的数据和修改不会保留。请用“保存项目”保存工作。",
    "The browser does not allow local storage (private mode?): imported data and edits are not kept after a reload or restart. Use “Save project” to keep your work.",
  ),
  "work-quota": b(
    "本机存储空间已满：{what} 未能保存。请用“保存项目”保存工作，或清理浏览器存储。",
    "The browser storage is full: {what} could not be saved. Use “Save project” to keep your work, or free browser storage.",
  ),
  "work-write-failed": b(
    "工作未能保存到本机（{message}）。请用“保存项目”保存工作。",
    "The work could not be saved in this browser ({message}). Use “Save project” to keep your work.",
  ),
  "work-corrupt": b(
    "部分已保存的工作无法恢复（格式不正确）：{items}。其余内容已恢复。",
    "Some of the saved work could not be restored (wrong shape): {items}. The rest was restored.",
  ),
  "work-newer": b(
    "已保存的工作由更新版本的集约写入（版本 {version}）：本版本不读取也不覆盖它。",
    "The saved work was written by a newer version of Jiyue (version {version}): this version neither reads nor overwrites it.",
  ),
  "work-dataset-missing": b(
    "数据集 {file}（{fingerprint}）未保存在本机，无法恢复；当前显示的是其他数据。",
    "The dataset {file} ({fingerprint}) is not stored in this browser and cannot be restored; other data is shown.",
  ),
  "other-tab": b(
    "此工作已在另一个标签页中打开：本标签页不保存修改，以免互相覆盖。",
    "This work is open in another tab: this tab does not save changes, so the two do not overwrite each other.",
  ),
  otherTabTakeOver: b("在此标签页继续（另一标签页停止保存）", "Continue here (the other tab stops saving)"),
  otherTabTakenOver: b(
    "另一个标签页接管了此工作：本标签页不再保存修改。重新载入页面可看到最新的工作。",
    "Another tab took over this work: this tab no longer saves changes. Reload the page to see the latest work.",
  ),
  reload: b("重新载入", "Reload"),
  dismiss: b("知道了", "Dismiss"),
  noticesLabel: b("存储提示", "Storage notices"),
  what: {
    dataset: b("导入的数据", "the imported data"),
    history: b("修改记录", "the edit history"),
    standards: b("标准文件", "the standards file"),
    asOf: b("评价基准日", "the as-of date"),
    selection: b("选择", "the selection"),
    view: b("地图视图", "the map view"),
  },

  // error boundary
  crashTitle: b("集约遇到错误，无法显示界面", "Jiyue hit an error and cannot show the interface"),
  crashExplain: b(
    "可能是已保存的设置与本版本不兼容。您可以先导出已保存的工作，再重置设置（工作数据不会被删除）。",
    "Saved settings may not suit this version. You can export the stored work first, then reset the settings (the work itself is not deleted).",
  ),
  crashDetail: b("错误信息", "Error"),
  crashExport: b("导出已保存的工作（.jiyue.json）", "Export the stored work (.jiyue.json)"),
  crashExportNone: b("没有可导出的已保存工作", "No stored work to export"),
  crashReset: b("重置界面设置并重新载入", "Reset the settings and reload"),
  crashReload: b("重新载入", "Reload"),

  // project files
  projectMenu: b("项目", "Project"),
  projectSave: b("保存项目", "Save project"),
  projectSaveTitle: b(
    "将数据、修改记录、标准和设置保存为一个 .jiyue.json 文件",
    "Save the data, edits, standards and settings as one .jiyue.json file",
  ),
  projectOpen: b("打开项目…", "Open project…"),
  projectOpenTitle: b("打开 .jiyue.json 项目文件", "Open a .jiyue.json project file"),
  projectConfirmTitle: b("打开项目", "Open project"),
  projectConfirm: b(
    "打开项目“{file}”（{parcels}，{edits} 项修改）将替换当前的数据和设置。可以用“撤销”恢复当前工作。",
    "Opening the project “{file}” ({parcels}, {edits} edits) replaces the current data and settings. Undo brings the current work back.",
  ),
  projectConfirmOk: b("打开", "Open"),
  projectProblems: b("项目文件“{file}”的问题：", "Problems in the project file “{file}”:"),
  projectRejected: b(
    "项目文件“{file}”无法打开，当前工作未改变。",
    "The project file “{file}” cannot be opened; the current work is unchanged.",
  ),
  projectOpened: b("已打开项目“{file}”。", "Opened the project “{file}”."),
  projectSaving: b("正在保存项目…", "Saving the project…"),
  projectNothing: b("尚未载入数据，无可保存的项目", "No data loaded: nothing to save"),
} as const;

export type PersistTextKey = Exclude<keyof typeof PERSIST_TEXT, "what">;
export type StoredWhat = keyof typeof PERSIST_TEXT.what;

export function persistText(key: PersistTextKey, lang: Lang, params?: Record<string, unknown>): string {
  return fill(PERSIST_TEXT[key][lang], params);
}

/** "the imported data, the edit history" from storage item names. */
export function storedWhat(items: readonly string[], lang: Lang): string {
  const sep = lang === "zh" ? "、" : ", ";
  return items.map((i) => PERSIST_TEXT.what[i as StoredWhat]?.[lang] ?? i).join(sep);
}

/** Problems of a project file (`src/io/project-file.ts`), by code. */
export const PROJECT_PROBLEM_TEXT = {
  "project-not-json": b(
    "不是 JSON 文件（第 {line} 行第 {column} 列）：{message}",
    "Not a JSON file (line {line}, column {column}): {message}",
  ),
  "project-not-json-nopos": b("不是 JSON 文件：{message}", "Not a JSON file: {message}"),
  "project-not-project": b(
    '不是集约项目文件（缺少 format: "jiyue-project"）',
    'Not a Jiyue project file (no format: "jiyue-project")',
  ),
  "project-newer": b(
    "项目文件由更新版本的集约保存（schemaVersion {version}，本版本支持 {supported}）",
    "The project was saved by a newer version of Jiyue (schemaVersion {version}; this version reads {supported})",
  ),
  "project-bad-version": b("schemaVersion 无效：{value}", "Invalid schemaVersion: {value}"),
  "project-bad-field": b("{path}：{expected}", "{path}: {expected}"),
  "project-fingerprint-mismatch": b(
    "数据集 {path} 的指纹与内容不符（文件可能已损坏或被修改）：声明 {declared}，实际 {actual}",
    "The dataset {path}'s fingerprint does not match its content (damaged or altered file): declared {declared}, actual {actual}",
  ),
  "project-missing-dataset": b(
    "修改记录引用的数据集 {fingerprint} 不在项目文件中（第 {step} 步）",
    "The edit history refers to a dataset {fingerprint} that is not in the project file (step {step})",
  ),
  "project-step-dropped": b(
    "第 {step} 步修改格式不正确，已略去：{reason}",
    "Step {step} of the edits has the wrong shape and was left out: {reason}",
  ),
  "project-edit-unmatched": b(
    "项目中的修改所指地块不在数据集中，未应用",
    "An edit in the project names a parcel that is not in the dataset; not applied",
  ),
  "project-dataset-unreadable": b(
    "项目中的数据集无法读取：{message}",
    "The project's dataset cannot be read: {message}",
  ),
} as const;

export type ProjectProblemCode = keyof typeof PROJECT_PROBLEM_TEXT;

/** "expected" phrases of `project-bad-field`. */
export const EXPECTED_TEXT = {
  object: b("应为对象", "expected an object"),
  string: b("应为文本", "expected text"),
  list: b("应为列表", "expected a list"),
  date: b("应为日期 YYYY-MM-DD", "expected a date YYYY-MM-DD"),
  base64: b("应为 base64 编码的内容", "expected base64-encoded content"),
  fingerprint: b("应为 64 位十六进制 SHA-256 指纹", "expected a 64-digit hex SHA-256 fingerprint"),
  integer: b("应为非负整数", "expected a non-negative integer"),
  boolean: b("应为 true 或 false", "expected true or false"),
  history: b("应为修改记录 {steps, applied}", "expected an edit history {steps, applied}"),
  edit: b("不是可识别的修改", "not a recognised edit"),
  required: b("缺少此项", "missing"),
} as const;
export type ExpectedKey = keyof typeof EXPECTED_TEXT;
