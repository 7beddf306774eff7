import { describe, expect, it } from "vitest";
import { INPUT_FIELDS } from "../../../../src/domain/fields";
import {
  applyMapping,
  convertUnit,
  type FieldMapping,
  fieldOfName,
  mappingSignature,
  parseMapping,
  suggestMapping,
  writeMapping,
} from "../../../../src/io/mapping";
import { mapProperties } from "../../../../src/io/properties";

const m = (fields: FieldMapping["fields"]): FieldMapping => ({ version: 1, fields });
const bytes = (s: string) => new TextEncoder().encode(s);

describe("applyMapping", () => {
  it("renames to the schema key, drops ignored fields, keeps unmapped ones for the alias matching", () => {
    const out = applyMapping(
      { 宗地号码: "A-1", 内部编号: "x", 备注: "y", 投资额: 5 },
      m({ 宗地号码: { property: "id" }, 内部编号: { property: null } }),
    );
    expect(out).toEqual({ id: "A-1", 备注: "y", 投资额: 5 });
    expect(applyMapping({ a: 1 }, undefined)).toEqual({ a: 1 });
  });

  it("元, 万元, 亿元 → 万元, exactly for round values", () => {
    const rule = (unit: "yuan" | "wan-yuan" | "yi-yuan") => m({ v: { property: "fixedInvestment", unit } });
    expect(applyMapping({ v: 12_345 }, rule("yuan")).fixedInvestment).toBe(1.2345);
    expect(applyMapping({ v: "12,000,000" }, rule("yuan")).fixedInvestment).toBe(1200);
    expect(applyMapping({ v: 850 }, rule("wan-yuan")).fixedInvestment).toBe(850);
    expect(applyMapping({ v: 1.2 }, rule("yi-yuan")).fixedInvestment).toBe(12000);
    expect(applyMapping({ v: "３５０" }, rule("yuan")).fixedInvestment).toBe(0.035);
    // per-year money (产值) converts the same way
    expect(
      applyMapping({ v: 2_000_000 }, m({ v: { property: "outputValue", unit: "yuan" } })).outputValue,
    ).toBe(200);
  });

  it("亩, 公顷, m² → m²: 15 亩 is exactly 10000 m², 1 亩 is 10000/15", () => {
    const rule = (unit: "mu" | "ha" | "m2") => m({ a: { property: "landAreaM2", unit } });
    expect(applyMapping({ a: 15 }, rule("mu")).landAreaM2).toBe(10000);
    expect(applyMapping({ a: 1 }, rule("mu")).landAreaM2).toBe(10000 / 15);
    expect(applyMapping({ a: 1.5 }, rule("mu")).landAreaM2).toBe(1000);
    expect(applyMapping({ a: 2.5 }, rule("ha")).landAreaM2).toBe(25000);
    expect(applyMapping({ a: 0 }, rule("ha")).landAreaM2).toBe(0);
    expect(applyMapping({ a: 123.45 }, rule("m2")).landAreaM2).toBe(123.45);
    // every whole number of mu up to 100000 gives the correctly rounded m² value
    for (let mu = 1; mu <= 100_000; mu += 7) expect(convertUnit(mu, "mu", "m2")).toBe((mu * 10000) / 15);
  });

  it("empty cells and values that state their own unit pass through; an unparseable one is left for the parser to name", () => {
    const rule = m({ a: { property: "landAreaM2", unit: "mu" } });
    expect(applyMapping({ a: "" }, rule)).toEqual({ landAreaM2: "" });
    expect(applyMapping({ a: null }, rule)).toEqual({ landAreaM2: null });
    expect(applyMapping({ a: "2公顷" }, rule).landAreaM2).toBe("2公顷");
    expect(applyMapping({ a: "约15" }, rule).landAreaM2).toBe("约15");
    const parsed = mapProperties(applyMapping({ a: "约15" }, rule));
    expect(parsed.issues[0]).toMatchObject({ field: "landAreaM2", code: "unparseable-number" });
    expect(mapProperties(applyMapping({ a: "" }, rule)).issues).toEqual([]);
  });

  it("YYYYMMDD dates (number or text) → ISO; a day that does not exist (19000229) is named by the parser", () => {
    const rule = m({ d: { property: "supplyDate", dateFormat: "yyyymmdd" } });
    expect(applyMapping({ d: 20190301 }, rule).supplyDate).toBe("2019-03-01");
    expect(applyMapping({ d: "20000229" }, rule).supplyDate).toBe("2000-02-29");
    expect(applyMapping({ d: "19000229" }, rule).supplyDate).toBe("19000229");
    expect(mapProperties(applyMapping({ d: "19000229" }, rule)).issues[0]).toMatchObject({
      code: "invalid-date",
    });
    expect(applyMapping({ d: 2019031 }, rule).supplyDate).toBe(2019031);
    const text = m({ d: { property: "supplyDate", dateFormat: "text" } });
    expect(applyMapping({ d: "2019年3月1日" }, text).supplyDate).toBe("2019-03-01");
    expect(applyMapping({ d: "去年" }, text).supplyDate).toBe("去年");
  });

  it("a mapped field wins over another field the alias matching would also take", () => {
    const out = applyMapping({ 宗地编号: "OLD", ZDDM: "NEW" }, m({ ZDDM: { property: "id" } }));
    expect(Object.keys(out)).toEqual(["id", "宗地编号"]);
    const p = mapProperties(out);
    expect(p.rawId).toBe("NEW");
    expect(p.issues[0]).toMatchObject({ field: "宗地编号", code: "duplicate-field" });
  });

  it("a unit that does not fit the property is reported by the property parser, not converted silently", () => {
    const out = applyMapping({ v: 15 }, m({ v: { property: "fixedInvestment", unit: "mu" } }));
    expect(mapProperties(out).issues[0]).toMatchObject({ field: "fixedInvestment", code: "unit-mismatch" });
  });

  it("a field named __proto__ is data", () => {
    const props = JSON.parse('{"__proto__": "x", "a": 1}');
    const out = applyMapping(props, m({ a: { property: "employees" } }));
    expect(Object.keys(out)).toEqual(["employees", "__proto__"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

describe("suggestMapping", () => {
  it("pre-fills from the aliases, with the unit from the name", () => {
    const s = suggestMapping(
      ["宗地编号", "投资额(万元)", "宗地面积（亩）", "用地面积_公顷", "产值(亿元)", "备注"],
      [],
    );
    expect(s.fields).toEqual({
      宗地编号: { property: "id" },
      "投资额(万元)": { property: "fixedInvestment", unit: "wan-yuan" },
      "宗地面积（亩）": { property: "landAreaM2", unit: "mu" },
      用地面积_公顷: undefined, // landAreaM2 is taken by the field before it
      "产值(亿元)": { property: "outputValue", unit: "yi-yuan" },
    });
    expect(suggestMapping(["用地面积_公顷"], []).fields).toEqual({
      用地面积_公顷: { property: "landAreaM2", unit: "ha" },
    });
  });

  it("every alias of the catalogue is recognised", () => {
    for (const f of INPUT_FIELDS) for (const a of f.aliases) expect(fieldOfName(a)?.info.key, a).toBe(f.key);
  });

  it("guesses 元 and 亩 from magnitudes the schema unit makes implausible; not otherwise", () => {
    const s = suggestMapping(
      ["投资额", "宗地面积"],
      [
        { 投资额: 12_000_000, 宗地面积: 15 },
        { 投资额: "8,500,000", 宗地面积: "33.5" },
        { 投资额: 30_000_000, 宗地面积: 40 },
      ],
    );
    expect(s.fields.投资额).toEqual({ property: "fixedInvestment", unit: "yuan" });
    expect(s.fields.宗地面积).toEqual({ property: "landAreaM2", unit: "mu" });
    const plain = suggestMapping(["投资额", "宗地面积"], [{ 投资额: 1200, 宗地面积: 21952 }]);
    expect(plain.fields).toEqual({
      投资额: { property: "fixedInvestment" },
      宗地面积: { property: "landAreaM2" },
    });
  });

  it("YYYYMMDD date samples; a second field for a taken property is left out", () => {
    const s = suggestMapping(
      ["签约日期", "供地日期", "ZDDM", "宗地号"],
      [{ 签约日期: 20190301, 供地日期: "2019-03-01" }],
    );
    expect(s.fields.签约日期).toEqual({ property: "supplyDate", dateFormat: "yyyymmdd" });
    expect(s.fields.供地日期).toBeUndefined();
    expect(s.fields.ZDDM).toEqual({ property: "id" });
    expect(s.fields.宗地号).toBeUndefined();
  });
});

describe("mappingSignature", () => {
  it("the same for the same names in any order, different when one changes", () => {
    const a = mappingSignature(["宗地编号", "投资额", "税收"]);
    expect(mappingSignature(["税收", " 宗地编号", "投资额", "投资额"])).toBe(a);
    expect(mappingSignature(["宗地编号", "投资额"])).not.toBe(a);
    expect(mappingSignature(["宗地编号", "投资额", "税收额"])).not.toBe(a);
    expect(mappingSignature(["a,b"])).not.toBe(mappingSignature(["a", "b"]));
    expect(a).toMatch(/^fields-v1-3-[0-9a-f]{16}$/);
  });
});

describe("parseMapping and writeMapping", () => {
  it("round-trips", () => {
    const mapping = m({
      "投资(元)": { property: "fixedInvestment", unit: "yuan" },
      签约日: { property: "supplyDate", dateFormat: "yyyymmdd" },
      内部编号: { property: null },
    });
    const r = parseMapping(bytes(writeMapping(mapping)), "m.json");
    expect(r.problems).toEqual([]);
    expect(r.mapping).toEqual(mapping);
  });

  it("names the field of each bad rule and leaves it out", () => {
    const json = JSON.stringify({
      version: 1,
      fields: {
        面积: { property: "landArea" },
        税: { property: "taxRevenue", unit: "mu" },
        投资: { property: "fixedInvestment", unit: "dollar" },
        日期: { property: "employees", dateFormat: "yyyymmdd" },
        a: { property: "id" },
        b: { property: "id" },
        c: "id",
        面积2: { property: "areaMu" },
        ok: { property: "landAreaM2", unit: "ha" },
      },
    });
    const r = parseMapping(bytes(json), "m.json");
    expect(r.problems.map((p) => [p.field, p.code])).toEqual([
      ["面积", "mapping-unknown-property"],
      ["税", "mapping-unit-mismatch"],
      ["投资", "mapping-bad-unit"],
      ["日期", "mapping-bad-date-format"],
      ["b", "mapping-duplicate-property"],
      ["c", "mapping-bad-rule"],
      ["面积2", "mapping-unknown-property"],
    ]);
    expect(r.problems.every((p) => p.file === "m.json" && p.severity === "error")).toBe(true);
    expect(r.mapping?.fields).toEqual({ a: { property: "id" }, ok: { property: "landAreaM2", unit: "ha" } });
  });

  it("not JSON, not a mapping, another version: fatal", () => {
    expect(parseMapping(bytes("{"), "m.json").problems[0]).toMatchObject({ code: "not-json", fatal: true });
    expect(parseMapping(bytes("[]"), "m.json").problems[0]?.code).toBe("mapping-not-mapping");
    expect(parseMapping(bytes('{"version":2,"fields":{}}'), "m.json").problems[0]).toMatchObject({
      code: "mapping-bad-version",
      params: { version: "2" },
    });
    expect(parseMapping(bytes('{"version":1}'), "m.json").problems[0]?.code).toBe("mapping-not-mapping");
    expect(parseMapping(bytes(""), "m.json").problems[0]?.code).toBe("empty-file");
  });
});
