/**
 * The minutes: the MinutesDoc built from the meeting's work (agenda order, decisions with their
 * warnings, the trail) and its CSV (BOM, CRLF, Chinese headers and values, synthetic column,
 * formula-safe cells); and decisions kept through a project file.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { decisionStep, meetingWork } from "../../../src/domain/decisions";
import { type EditHistory, pushStep } from "../../../src/domain/edits";
import { defaultMeetingSetup, type MeetingSetup } from "../../../src/domain/meeting";
import type { AnalysedParcel } from "../../../src/domain/types";
import { buildMinutesDoc, minutesCsvText } from "../../../src/i18n/meeting";
import { sha256Hex } from "../../../src/io/fingerprint";
import { writeMinutesCsv } from "../../../src/io/minutes-csv";
import { type Project, readProjectFile, writeProjectFile } from "../../../src/io/project-file";
import { parseCsv } from "../../csv";

function parcel(id: string, o: Partial<AnalysedParcel["computed"]>, input: Record<string, unknown> = {}) {
  return {
    input: { id, zone: "huangtukan", ...input },
    computed: {
      areaMu: 12.3456789,
      areaM2: 8230.5,
      idleStatus: "none",
      reallocationCandidate: false,
      reallocationReasons: [],
      standardsFailed: [],
      efficiencyScore: null,
      ...o,
    },
    idleReasons: [],
  } as unknown as AnalysedParcel;
}

const PARCELS = [
  parcel(
    "HTK-001",
    { idleStatus: "idle-1y", reallocationCandidate: true, reallocationReasons: ["idle-1y"] },
    {
      enterprise: "=cmd|' /C calc'!A0",
    },
  ),
  parcel(
    "DYB-002",
    { idleStatus: "idle-2y", reallocationCandidate: true, reallocationReasons: ["idle-2y"] },
    {
      zone: "dayangbang",
      enterprise: "建始县某建材有限公司",
    },
  ),
  parcel("HTK-003", { standardsFailed: ["far"], efficiencyScore: 30 }),
];
const setup: MeetingSetup = {
  ...defaultMeetingSetup("2026-12-02"),
  place: "园区管委会三楼会议室",
  attendees: ["park-committee", "natural-resources", "县林业局"],
  recorder: "natural-resources",
};

function history(): EditHistory {
  let h: EditHistory = { steps: [], applied: 0 };
  let i = 0;
  const add = (s: {
    label: EditHistory["steps"][number]["label"];
    edits: EditHistory["steps"][number]["edits"];
  }) => {
    i += 1;
    h = pushStep(h, { id: `s${i}`, at: `2026-12-02T0${i}:30:00.000Z`, ...s });
  };
  add({
    label: { code: "meeting-setup", params: { date: setup.date } },
    edits: [{ kind: "meeting-setup", before: null, after: setup }],
  });
  add(
    decisionStep(
      "HTK-001",
      null,
      {
        kind: "recovery-without-compensation",
        department: "natural-resources",
        note: "-1+1",
        recorder: "natural-resources",
      },
      "natural-resources",
    ),
  );
  add(
    decisionStep(
      "HTK-003",
      null,
      {
        kind: "rectify",
        department: "县林业局",
        deadline: "2027-06-30",
        note: '容积率提高到 1.0，"逾期"收回',
        recorder: "natural-resources",
      },
      "natural-resources",
    ),
  );
  return h;
}

describe("buildMinutesDoc", () => {
  it("one row per agenda parcel in agenda order; decisions, departments and warnings in the language", () => {
    const { doc, trail } = buildMinutesDoc(
      { parcels: PARCELS, work: meetingWork(history()), synthetic: true, today: "2026-12-01" },
      "zh",
    );
    expect(doc.meeting).toEqual({
      title: "建始县工业园区土地利用联席会议",
      date: "2026-12-02",
      place: "园区管委会三楼会议室",
      chair: "县人民政府分管副县长",
      attendees: ["园区管委会", "县自然资源和规划局", "县林业局"],
      recorder: "县自然资源和规划局",
    });
    // Default agenda: idle 2 years before idle 1 year, then below standard.
    expect(doc.rows.map((r) => r.parcelId)).toEqual(["DYB-002", "HTK-001", "HTK-003"]);
    expect(doc.rows[0]).toMatchObject({ decision: "（未作决定）", department: "", zone: "大样榜片区" });
    expect(doc.rows[1]).toMatchObject({
      decision: "无偿收回",
      department: "县自然资源和规划局",
      warning: "无偿收回须满两年未动工（闲置土地处置办法第十四条），本地块为「闲置满一年」",
    });
    expect(doc.rows[2]).toMatchObject({
      decision: "限期整改",
      department: "县林业局",
      deadline: "2027-06-30",
    });
    expect(doc.rows[2]?.warning).toBeUndefined();
    expect(trail.recorded[0]).toEqual({ at: "", by: "" });
    expect(trail.recorded[1]?.by).toBe("县自然资源和规划局");
    expect(trail.recorded[1]?.at).toMatch(/^2026-12-02 \d\d:30$/);
    const en = buildMinutesDoc(
      { parcels: PARCELS, work: meetingWork(history()), synthetic: false, today: "x" },
      "en",
    ).doc;
    expect(en.rows[1]?.decision).toBe("Recovery without compensation");
    expect(en.meeting.attendees[0]).toBe("Park management committee");
  });
});

describe("writeMinutesCsv", () => {
  const csv = () => {
    const { doc, trail } = buildMinutesDoc(
      { parcels: PARCELS, work: meetingWork(history()), synthetic: true, today: "2026-12-01" },
      "zh",
    );
    return writeMinutesCsv(doc, minutesCsvText("zh"), trail);
  };
  it("BOM, CRLF, Chinese headers, the synthetic column first in every row", () => {
    const text = csv();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      "数据性质",
      "会议名称",
      "会议日期",
      "会议地点",
      "主持人",
      "参会单位",
      "记录人",
      "序号",
      "宗地编号",
      "片区",
      "企业名称",
      "面积(亩)",
      "处置决定",
      "责任单位",
      "完成期限",
      "说明",
      "规则提示",
      "记录时间",
      "决定记录人",
    ]);
    expect(rows).toHaveLength(4);
    for (const r of rows.slice(1)) expect(r[0]).toBe("合成示例数据（非真实）");
    expect(rows[1]?.[5]).toBe("园区管委会、县自然资源和规划局、县林业局");
    expect(rows[2]?.slice(7, 17)).toEqual([
      "2",
      "HTK-001",
      "黄土坎片区",
      "'=cmd|' /C calc'!A0",
      "12.3457",
      "无偿收回",
      "县自然资源和规划局",
      "",
      "'-1+1",
      "无偿收回须满两年未动工（闲置土地处置办法第十四条），本地块为「闲置满一年」",
    ]);
    // Quotes and commas are quoted (RFC 4180), not split.
    expect(rows[3]?.[15]).toBe('容积率提高到 1.0，"逾期"收回');
  });
  it("without synthetic data there is no synthetic column", () => {
    const { doc } = buildMinutesDoc(
      { parcels: PARCELS, work: meetingWork(history()), synthetic: false, today: "x" },
      "en",
    );
    const rows = parseCsv(writeMinutesCsv(doc, minutesCsvText("en")).slice(1));
    expect(rows[0]?.[0]).toBe("Meeting");
    expect(rows[0]).not.toContain("Recorded at");
  });
});

describe("project file", () => {
  it("keeps the meeting's setup, decisions and their trail through a write and a read", () => {
    const root = resolve(__dirname, "../../..");
    const content = readFileSync(join(root, "tests/fixtures/io/read/fields/in.geojson"));
    const h = history();
    const project: Project = {
      savedAt: "2026-12-02T04:00:00.000Z",
      dataset: {
        fileName: "in.geojson",
        fingerprint: sha256Hex(content),
        content: new Uint8Array(content),
        synthetic: false,
      },
      earlierDatasets: [],
      history: h,
      settings: { asOf: "2026-06-30", asOfUserSet: false, selection: [], view: null, ui: {} },
    } as unknown as Project;
    const r = readProjectFile(writeProjectFile(project), "m.jiyue.json");
    expect(r.problems).toEqual([]);
    expect(r.project?.history).toEqual(h);
    const w = meetingWork(r.project?.history as EditHistory);
    expect(w.setup).toEqual(setup);
    expect(w.decisions.get("HTK-003")?.decision.department).toBe("县林业局");
    expect(w.decisions.get("HTK-001")?.at).toBe("2026-12-02T02:30:00.000Z");
  });
});
