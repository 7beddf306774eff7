import { describe, expect, it } from "vitest";
import { langFromArgv, parseArgs, problemLine } from "../../../src/cli/args";

const SPEC = {
  out: { value: true },
  lang: { value: true, allowed: ["zh", "en"] },
  verbose: { value: false },
};

describe("parseArgs", () => {
  it("reads positionals, --name value, --name=value and flags", () => {
    expect(parseArgs(["a.geojson", "--out", "x.csv", "--lang=en", "--verbose"], SPEC, 1)).toEqual({
      ok: true,
      args: { positionals: ["a.geojson"], options: { out: "x.csv", lang: "en", verbose: true } },
    });
  });

  it("accepts values starting with + or - (proj4 strings, negative numbers)", () => {
    const r = parseArgs(["--out", "+proj=tmerc +lon_0=111"], SPEC, 0);
    expect(r).toEqual({ ok: true, args: { positionals: [], options: { out: "+proj=tmerc +lon_0=111" } } });
  });

  it("treats everything after -- as positionals", () => {
    expect(parseArgs(["--", "--weird-name.geojson"], SPEC, 1)).toMatchObject({
      ok: true,
      args: { positionals: ["--weird-name.geojson"] },
    });
  });

  it.each([
    [["--colour"], "unknown-option"],
    [["-x"], "unknown-option"],
    [["--out"], "missing-option-value"],
    [["--out", "--lang", "en"], "missing-option-value"],
    [["--out="], "missing-option-value"],
    [["--lang", "fr"], "bad-option-value"],
    [["--verbose=yes"], "bad-option-value"],
    [["a", "b"], "unexpected-argument"],
  ])("%j → %s", (argv, code) => {
    const r = parseArgs(argv, SPEC, 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe(code);
  });

  it("does not treat inherited object keys as options", () => {
    expect(parseArgs(["--constructor", "x"], SPEC, 0).ok).toBe(false);
  });
});

describe("langFromArgv and problemLine", () => {
  it("finds --lang anywhere, defaulting to zh", () => {
    expect(langFromArgv(["x", "--lang", "en"])).toBe("en");
    expect(langFromArgv(["--lang=en"])).toBe("en");
    expect(langFromArgv(["--lang", "fr"])).toBe("zh");
    expect(langFromArgv([])).toBe("zh");
  });

  it("prefixes the severity", () => {
    const p = { severity: "error", code: "unknown-option", params: { option: "--x" } } as const;
    expect(problemLine(p, "zh")).toBe("错误：未知选项 --x");
    expect(problemLine(p, "en")).toBe("error: unknown option --x");
  });
});
