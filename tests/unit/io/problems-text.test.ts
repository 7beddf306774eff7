import { describe, expect, it } from "vitest";
import { BROWSER_PROBLEM_TEXT, formatProblem, PROBLEM_TEXT } from "../../../src/i18n/problems";
import type { Problem } from "../../../src/io/types";

const p: Problem = {
  severity: "warning",
  code: "unparseable-number",
  file: "parcels.geojson",
  featureIndex: 11,
  featureId: "HTK-012",
  field: "投资额",
  params: { raw: "约100" },
};

describe("formatProblem", () => {
  it("names file, feature (1-based) and id, and field, in Chinese", () => {
    expect(formatProblem(p, "zh")).toBe(
      "parcels.geojson 第 12 个要素（宗地编号 HTK-012）字段「投资额」：无法识别的数值「约100」，已按缺失处理",
    );
  });

  it("and in English", () => {
    expect(formatProblem(p, "en")).toBe(
      "parcels.geojson, feature 12 (id HTK-012), field 投资额: cannot read the number “约100”; treated as missing",
    );
  });

  it("adds the Chinese label to a schema key", () => {
    expect(formatProblem({ ...p, field: "fixedInvestment" }, "zh")).toContain(
      "字段「累计固定资产投资 fixedInvestment」",
    );
  });

  it("file-level problems have no feature part", () => {
    expect(
      formatProblem(
        {
          severity: "error",
          code: "not-json",
          file: "a.geojson",
          params: { line: 3, column: 7, message: "x" },
        },
        "en",
      ),
    ).toBe("a.geojson: not valid JSON (line 3, column 7: syntax error)");
  });

  it("every template has both languages and no unfilled placeholder for its params", () => {
    for (const [code, t] of Object.entries(PROBLEM_TEXT)) {
      expect(t.zh, code).not.toBe("");
      expect(t.en, code).not.toBe("");
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(t.zh), code).toEqual(names(t.en));
    }
  });

  it("an unknown code still gives a sentence", () => {
    expect(formatProblem({ severity: "info", code: "something-new" }, "en")).toBe(
      "problem (code something-new)",
    );
  });
});

describe("formatProblem for JSON errors without a position", () => {
  it("leaves the position out", () => {
    const p = {
      severity: "error",
      code: "not-json",
      file: "a.json",
      params: { message: "Unexpected end of JSON input", line: null, column: null, position: null },
    } as const;
    expect(formatProblem(p, "zh")).toBe("a.json：不是有效的 JSON（文件意外结束（缺少结尾的括号或引号））");
  });
});

describe("JSON syntax errors in the user's language", () => {
  const v8 = (text: string): string => {
    try {
      JSON.parse(text);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error("parsed");
  };
  const at = (message: string, lang: "zh" | "en") =>
    formatProblem(
      { severity: "error", code: "not-json", file: "s.json", params: { message, line: 1, column: 14 } },
      lang,
    );

  it("the engine's English message becomes a Chinese sentence, with line and column", () => {
    expect(at(v8('{"name": "x" "b": 1}'), "zh")).toBe(
      "s.json：不是有效的 JSON（第 1 行第 14 列：属性值之后应为逗号「,」或右花括号「}」）",
    );
    expect(at(v8('{"a" 1}'), "zh")).toContain("属性名之后应为冒号「:」");
    expect(at(v8("{'a': 1}"), "zh")).toContain("此处应为用双引号括起的属性名");
    expect(at(v8("[1, 2"), "zh")).toContain("数组元素之后应为逗号");
    expect(at(v8("{} x"), "zh")).toContain("多余的字符");
  });

  it("no parser text reaches the user in either language (it quotes the file, control characters included)", () => {
    for (const text of ['{"a": tru}', "\u0001", '{"a": "\u0001"}', '{"a": -}']) {
      const message = v8(text);
      for (const lang of ["zh", "en"] as const) {
        const out = at(message, lang);
        expect(out, message).not.toContain(message);
        expect(out).not.toMatch(/JSON at position|is not valid JSON/);
        expect([...out].some((c) => (c.codePointAt(0) ?? 0) < 0x20)).toBe(false);
      }
    }
    expect(at(v8('{"a": tru}'), "en")).toBe(
      "s.json: not valid JSON (line 1, column 14: a character that does not belong here)",
    );
  });
});

describe("the browser's wording names no command-line flag", () => {
  const FLAG = /(^|[\s（(「“])--[a-z]/;
  it("every text naming a flag has a browser wording, which names none", () => {
    const withFlag = Object.entries(PROBLEM_TEXT).filter(([, t]) => FLAG.test(t.zh) || FLAG.test(t.en));
    expect(withFlag.map(([code]) => code).sort()).toEqual(Object.keys(BROWSER_PROBLEM_TEXT).sort());
    for (const code of Object.keys(PROBLEM_TEXT)) {
      for (const lang of ["zh", "en"] as const) {
        const text = formatProblem(
          { severity: "warning", code, params: { crs: "EPSG:4546", member: "EPSG:4490", raw: "x" } },
          lang,
          "browser",
        );
        expect(text, `${code} ${lang}`).not.toMatch(FLAG);
      }
    }
  });

  it("the command line keeps --crs", () => {
    const p = { severity: "error" as const, code: "unknown-crs", params: {} };
    expect(formatProblem(p, "zh")).toContain("请用 --crs 指定");
    expect(formatProblem(p, "en", "cli")).toContain("give it with --crs");
    expect(formatProblem(p, "zh", "browser")).toBe(
      "无法识别坐标参考系：请在导入对话框的坐标系选择器中选择（可按 EPSG 代码或名称搜索）",
    );
  });
});
