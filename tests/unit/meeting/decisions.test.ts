/**
 * Decisions against the idle-land rules, judged from the domain's own idle results (boundaries:
 * exactly two years, government-caused), the meeting's work read from the history, and decision
 * edits read back from storage.
 */
import { describe, expect, it } from "vitest";
import { attachmentStep, checkDecision, decisionStep, meetingWork } from "../../../src/domain/decisions";
import { type EditHistory, type EditStep, pushStep, undo } from "../../../src/domain/edits";
import { idleStatus } from "../../../src/domain/idle";
import type { Decision, DecisionKind, MeetingSetup } from "../../../src/domain/meeting";
import { defaultMeetingSetup, memberFromText } from "../../../src/domain/meeting";
import { reallocationReasons } from "../../../src/domain/reallocation";
import type { ParcelInput } from "../../../src/domain/types";
import { stepText } from "../../../src/i18n/edits";
import { warningText } from "../../../src/i18n/meeting";
import { readHistory } from "../../../src/io/edits-read";

/** A parcel judged as the analysis judges it (idle status and reasons from `idleStatus`). */
function judged(input: Partial<ParcelInput>, asOf: string) {
  const idle = idleStatus({ id: "p", ...input } as ParcelInput, 10_000, asOf, 0.2);
  return {
    computed: {
      idleStatus: idle.status,
      reallocationReasons: reallocationReasons(idle.status, null, input.governmentCause === true),
    },
    idleReasons: idle.reasons,
  } as unknown as Parameters<typeof checkDecision>[1];
}

const notStarted = {
  constructionStatus: "not-started",
  agreedStartDate: "2024-06-30",
  landPrice: 500,
} as const;
const codes = (
  kind: DecisionKind,
  p: Parameters<typeof checkDecision>[1],
  deadline?: string,
  date?: string,
) => checkDecision({ kind, ...(deadline ? { deadline } : {}) }, p, date).map((w) => w.code);

describe("checkDecision: 无偿收回", () => {
  it("exactly two years after the agreed start: supported; the day before: warned (idle one year)", () => {
    expect(codes("recovery-without-compensation", judged(notStarted, "2026-06-30"))).toEqual([]);
    const dayBefore = judged(notStarted, "2026-06-29");
    expect(codes("recovery-without-compensation", dayBefore)).toEqual(["recovery-not-idle-2y"]);
    const w = checkDecision({ kind: "recovery-without-compensation" }, dayBefore)[0];
    expect(w && warningText(w, "zh")).toBe(
      "无偿收回须满两年未动工（闲置土地处置办法第十四条），本地块为「闲置满一年」",
    );
  });
  it("29 February + 2 years is 28 February: recovery supported from that day", () => {
    const leap = { ...notStarted, agreedStartDate: "2024-02-29" };
    expect(codes("recovery-without-compensation", judged(leap, "2026-02-28"))).toEqual([]);
    expect(codes("recovery-without-compensation", judged(leap, "2026-02-27"))).toEqual([
      "recovery-not-idle-2y",
    ]);
  });
  it("government-caused: warned at any duration, also at two years and more", () => {
    const gov = { ...notStarted, governmentCause: true };
    expect(codes("recovery-without-compensation", judged(gov, "2027-06-30"))).toEqual([
      "recovery-government-cause",
    ]);
    expect(codes("recovery-without-compensation", judged(gov, "2025-07-01"))).toEqual([
      "recovery-not-idle-2y",
      "recovery-government-cause",
    ]);
  });
  it("a started parcel: not idle two years", () => {
    const started = judged(
      { constructionStatus: "in-production", actualStartDate: "2023-01-01" },
      "2026-06-30",
    );
    expect(codes("recovery-without-compensation", started)).toEqual(["recovery-not-idle-2y"]);
  });
});

describe("checkDecision: 收取闲置费 and the rest", () => {
  it("idle one year: supported; exactly one year is the threshold; before it (overdue): warned", () => {
    expect(codes("idle-fee", judged(notStarted, "2025-06-30"))).toEqual([]);
    expect(codes("idle-fee", judged(notStarted, "2025-06-29"))).toEqual(["fee-no-fee-status"]);
  });
  it("idle two years means recovery, not a fee: warned", () => {
    expect(codes("idle-fee", judged(notStarted, "2026-06-30"))).toEqual(["fee-no-fee-status"]);
  });
  it("government-caused idle one year: warned (the fee is 0)", () => {
    expect(codes("idle-fee", judged({ ...notStarted, governmentCause: true }, "2025-12-31"))).toEqual([
      "fee-government-cause",
    ]);
  });
  it("other decisions are not judged by the idle rules; rectify wants a deadline; a deadline before the meeting is warned", () => {
    const p = judged(notStarted, "2025-12-31");
    for (const k of ["keep", "negotiated-recovery", "reallocate", "other"] as const)
      expect(codes(k, p)).toEqual([]);
    expect(codes("rectify", p)).toEqual(["rectify-no-deadline"]);
    expect(codes("rectify", p, "2027-01-01", "2026-12-02")).toEqual([]);
    expect(codes("keep", p, "2026-12-01", "2026-12-02")).toEqual(["deadline-before-meeting"]);
    expect(codes("keep", p, "2026-12-02", "2026-12-02")).toEqual([]);
  });
});

const setup: MeetingSetup = { ...defaultMeetingSetup("2026-12-02"), recorder: "natural-resources" };
const keep: Decision = { kind: "keep", department: "park-committee", recorder: "natural-resources" };
const recover: Decision = {
  kind: "recovery-without-compensation",
  department: "natural-resources",
  deadline: "2027-03-31",
  note: '=HYPERLINK("x")',
  recorder: "natural-resources",
};
let n = 0;
const step = (s: { label: EditStep["label"]; edits: EditStep["edits"] }): EditStep => ({
  id: `s${++n}`,
  at: new Date(Date.UTC(2026, 11, 2, 0, n)).toISOString(),
  ...s,
});

function meetingHistory(): EditHistory {
  let h: EditHistory = { steps: [], applied: 0 };
  h = pushStep(
    h,
    step({
      label: { code: "meeting-setup", params: { date: setup.date } },
      edits: [{ kind: "meeting-setup", before: null, after: setup }],
    }),
  );
  h = pushStep(h, step(decisionStep("HTK-001", null, keep, "natural-resources")));
  h = pushStep(h, step(decisionStep("HTK-001", keep, recover, "natural-resources")));
  h = pushStep(h, step(decisionStep("DYB-002", null, keep, "natural-resources")));
  h = pushStep(
    h,
    step(
      attachmentStep("DYB-002", null, {
        id: "a1",
        type: "note",
        text: "现场已围挡",
        at: "2026-12-02T05:00:00Z",
        by: "natural-resources",
      }),
    ),
  );
  return h;
}

describe("the meeting's work from the history", () => {
  it("the last decision per parcel wins, with its step's time; undo takes one back", () => {
    const h = meetingHistory();
    const w = meetingWork(h);
    expect(w.setup).toEqual(setup);
    expect(w.decisions.get("HTK-001")?.decision).toEqual(recover);
    expect(w.decisions.get("HTK-001")?.at).toBe(h.steps[2]?.at);
    expect(w.decisions.get("HTK-001")?.stepId).toBe(h.steps[2]?.id);
    expect(w.attachments.get("DYB-002")?.[0]?.text).toBe("现场已围挡");
    const back = meetingWork(undo(undo(h)));
    expect(back.decisions.has("DYB-002")).toBe(false);
    expect(back.attachments.size).toBe(0);
    expect(meetingWork(undo(undo(undo(h)))).decisions.get("HTK-001")?.decision).toEqual(keep);
  });
  it("step names say the decision and the recorder", () => {
    const h = meetingHistory();
    expect(stepText(h.steps[2]!.label, "zh")).toBe("处置决定 HTK-001：无偿收回（记录人 县自然资源和规划局）");
    expect(stepText(h.steps[2]!.label, "en")).toBe(
      "decision on HTK-001: Recovery without compensation (recorded by County Natural Resources and Planning Bureau)",
    );
    expect(stepText(h.steps[4]!.label, "zh")).toBe("为 DYB-002 添加备注");
  });
  it("is read back from storage intact; a decision of an unknown kind stops the history there, named", () => {
    const h = meetingHistory();
    const r = readHistory(JSON.parse(JSON.stringify(h)));
    expect(r.problems).toEqual([]);
    expect(r.history).toEqual(h);
    const bad = JSON.parse(JSON.stringify(h));
    bad.steps[3].edits[0].after.kind = "demolish";
    const rb = readHistory(bad);
    expect(rb.history?.steps).toHaveLength(3);
    expect(rb.problems[0]).toMatchObject({
      code: "project-step-dropped",
      params: { step: 4, reason: "edits[0].after" },
    });
  });
  it("a photo must be an image data URL of bounded size", () => {
    const photo = (dataUrl: string) => ({
      steps: [
        step(
          attachmentStep("p", null, {
            id: "x",
            type: "photo",
            text: "",
            dataUrl,
            at: "2026-12-02T00:00:00Z",
            by: "",
          }),
        ),
      ],
      applied: 1,
    });
    expect(readHistory(photo("data:image/jpeg;base64,/9j/4AAQ")).problems).toEqual([]);
    expect(readHistory(photo("javascript:alert(1)")).history?.steps).toHaveLength(0);
    expect(readHistory(photo(`data:image/jpeg;base64,${"A".repeat(900_000)}`)).history?.steps).toHaveLength(
      0,
    );
  });
  it("members typed by name are stored as their codes", () => {
    expect(memberFromText(" 县财政局 ")).toBe("finance");
    expect(memberFromText("County Finance Bureau")).toBe("finance");
    expect(memberFromText("县林业局")).toBe("县林业局");
  });
});
