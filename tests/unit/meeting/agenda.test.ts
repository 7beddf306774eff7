/** The meeting agenda: default order (candidates by priority, then below standard by score), manual lists, reorder. */
import { describe, expect, it } from "vitest";
import {
  addToAgenda,
  agendaKind,
  atlasAgenda,
  buildAgenda,
  currentAgenda,
  moveAgendaItem,
  reallocationPriority,
  removeFromAgenda,
} from "../../../src/domain/agenda";
import { reallocationReasons } from "../../../src/domain/reallocation";
import type { CheckedIndicator, EfficiencyClass, IdleStatus } from "../../../src/domain/types";

/** A parcel as the agenda sees it; the candidate flag and reasons come from the domain's own rule. */
function parcel(
  id: string,
  o: {
    idle?: IdleStatus;
    cls?: EfficiencyClass | null;
    gov?: boolean;
    failed?: CheckedIndicator[];
    score?: number | null;
    areaM2?: number;
  } = {},
) {
  const reasons = reallocationReasons(o.idle ?? "none", o.cls ?? null, o.gov ?? false);
  return {
    input: { id },
    computed: {
      idleStatus: o.idle ?? "none",
      efficiencyClass: o.cls ?? null,
      reallocationCandidate: reasons.length > 0,
      reallocationReasons: reasons,
      standardsFailed: o.failed ?? [],
      efficiencyScore: o.score ?? null,
      areaM2: o.areaM2 ?? 10_000,
    },
  } as unknown as Parameters<typeof buildAgenda>[0][number];
}

const PARCELS = [
  parcel("ok"),
  parcel("d-only", { cls: "D", score: 20 }),
  parcel("idle1y", { idle: "idle-1y" }),
  parcel("idle2y-small", { idle: "idle-2y", areaM2: 5_000 }),
  parcel("idle2y-big", { idle: "idle-2y", areaM2: 20_000 }),
  parcel("halted", { idle: "idle-halted" }),
  parcel("gov2y", { idle: "idle-2y", gov: true, areaM2: 50_000 }),
  parcel("below-80", { failed: ["far"], score: 80 }),
  parcel("below-40", { failed: ["far"], score: 40 }),
  parcel("below-none-2", { failed: ["far", "taxPerMu"], score: null }),
  parcel("below-none-1", { failed: ["far"], score: null }),
  parcel("overdue", { idle: "overdue" }),
];

describe("buildAgenda: default order", () => {
  it("candidates by priority (2 years, halted, 1 year, government-caused, class D; larger first), then below standard by score", () => {
    expect(buildAgenda(PARCELS)).toEqual([
      "idle2y-big",
      "idle2y-small",
      "halted",
      "idle1y",
      "gov2y",
      "d-only",
      "below-40",
      "below-80",
      "below-none-2",
      "below-none-1",
    ]);
  });
  it("a government-caused idle parcel never goes before plain idle land, whatever its area", () => {
    expect(reallocationPriority(PARCELS[6] as never)).toBe(3);
    expect(reallocationPriority(PARCELS[4] as never)).toBe(0);
  });
  it("overdue (not yet idle) and unflagged parcels are not on it", () => {
    const a = buildAgenda(PARCELS);
    expect(a).not.toContain("overdue");
    expect(a).not.toContain("ok");
    expect(agendaKind(PARCELS[0] as never)).toBeNull();
  });
  it("candidates or below-standard only", () => {
    expect(buildAgenda(PARCELS, { source: "candidates" })).toHaveLength(6);
    expect(buildAgenda(PARCELS, { source: "below-standard" })).toEqual([
      "below-40",
      "below-80",
      "below-none-2",
      "below-none-1",
    ]);
  });
  it("an atlas of the below-standard parcels includes the candidates that fail a standard, in the agenda's order", () => {
    const withFailingCandidate = [
      ...PARCELS,
      parcel("idle2y-far", { idle: "idle-2y", failed: ["far"], areaM2: 1 }),
    ];
    expect(atlasAgenda(withFailingCandidate, "below-standard")).toEqual([
      "idle2y-far",
      "below-40",
      "below-80",
      "below-none-2",
      "below-none-1",
    ]);
    expect(atlasAgenda(withFailingCandidate, "candidates")).toEqual(
      buildAgenda(withFailingCandidate, { source: "candidates" }),
    );
  });
  it("equal everything: by id", () => {
    expect(buildAgenda([parcel("b", { idle: "idle-1y" }), parcel("a", { idle: "idle-1y" })])).toEqual([
      "a",
      "b",
    ]);
  });
});

describe("hand-picked agenda and edits of the list", () => {
  it("keeps the given order, drops repeats and unknown ids", () => {
    expect(buildAgenda(PARCELS, { source: "manual", ids: ["ok", "halted", "ok", "nope"] })).toEqual([
      "ok",
      "halted",
    ]);
  });
  it("the stored agenda wins over the default; missing ids are named", () => {
    expect(currentAgenda(PARCELS, ["halted", "gone"])).toEqual({ ids: ["halted"], missing: ["gone"] });
    expect(currentAgenda(PARCELS, null).ids[0]).toBe("idle2y-big");
  });
  it("move, add, remove", () => {
    const a = ["a", "b", "c", "d"];
    expect(moveAgendaItem(a, 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveAgendaItem(a, 3, 0)).toEqual(["d", "a", "b", "c"]);
    expect(moveAgendaItem(a, 1, 99)).toEqual(["a", "c", "d", "b"]);
    expect(moveAgendaItem(a, 9, 0)).toEqual(a);
    expect(addToAgenda(a, "e", 1)).toEqual(["a", "e", "b", "c", "d"]);
    expect(addToAgenda(a, "b")).toEqual(a);
    expect(addToAgenda(a, "e")).toEqual([...a, "e"]);
    expect(removeFromAgenda(a, "c")).toEqual(["a", "b", "d"]);
    expect(a).toEqual(["a", "b", "c", "d"]);
  });
});
