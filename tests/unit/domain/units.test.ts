import { describe, expect, it } from "vitest";
import {
  haToM2,
  haToMu,
  m2ToHa,
  m2ToMu,
  muToHa,
  muToM2,
  perHaToPerMu,
  perMuToPerHa,
} from "../../../src/domain/units";

describe("units", () => {
  it("1 亩 = 10000/15 m², 1 公顷 = 15 亩 = 10000 m²", () => {
    expect(m2ToMu(10000)).toBe(15);
    expect(m2ToMu(10000 / 15)).toBeCloseTo(1, 12);
    expect(muToM2(15)).toBeCloseTo(10000, 9);
    expect(m2ToHa(25000)).toBe(2.5);
    expect(haToM2(2.5)).toBe(25000);
    expect(muToHa(15)).toBe(1);
    expect(haToMu(2)).toBe(30);
  });
  it("per-mu ↔ per-ha: the national 8984 万元/公顷 is ≈ 599 万元/亩", () => {
    expect(perMuToPerHa(599)).toBe(8985);
    expect(perHaToPerMu(8984)).toBeCloseTo(598.9333, 4);
    expect(perHaToPerMu(679)).toBeCloseTo(45.2667, 4);
  });
});
