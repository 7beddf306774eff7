/**
 * Command-line argument parsing shared by the commands (`analyze`, `targets`): `--name value`,
 * `--name=value`, boolean flags, positionals, `--` to end options. Errors are `Problem`s (code and
 * params) so they print as one zh/en sentence, never as an exception.
 */

import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { formatProblem } from "../i18n/problems";
import type { Problem, Severity } from "../io/types";

export interface OptionSpec {
  /** The option takes a value (`--out file`); otherwise it is a flag. */
  value: boolean;
  /** Allowed values, if restricted. */
  allowed?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  /** Option values by name without dashes; flags are `true`. The last occurrence wins. */
  options: Record<string, string | true>;
}

export type ArgsResult = { ok: true; args: ParsedArgs } | { ok: false; problem: Problem };

const fail = (code: string, params: Problem["params"]): ArgsResult => ({
  ok: false,
  problem: { severity: "error", code, fatal: true, ...(params ? { params } : {}) },
});

/**
 * Parse `argv` against `spec`.
 *
 * @param argv arguments after the command name
 * @param spec options by name (without `--`)
 * @param maxPositionals how many positionals are allowed (more is an `unexpected-argument`)
 * @example parseArgs(["in.geojson", "--lang", "en"], { lang: { value: true, allowed: ["zh", "en"] } }, 1)
 * // → { ok: true, args: { positionals: ["in.geojson"], options: { lang: "en" } } }
 */
export function parseArgs(
  argv: string[],
  spec: Record<string, OptionSpec>,
  maxPositionals: number,
): ArgsResult {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPositionals || !arg.startsWith("--") || arg === "-") {
      if (!onlyPositionals && arg.startsWith("-") && arg !== "-")
        return fail("unknown-option", { option: arg });
      positionals.push(arg);
      if (positionals.length > maxPositionals) return fail("unexpected-argument", { raw: arg });
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const s = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!s) return fail("unknown-option", { option: `--${name}` });
    if (!s.value) {
      if (eq >= 0)
        return fail("bad-option-value", { option: `--${name}`, raw: arg.slice(eq + 1), allowed: "—" });
      options[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && !(next.startsWith("--") && next.length > 2)) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === "") return fail("missing-option-value", { option: `--${name}` });
    if (s.allowed && !s.allowed.includes(value)) {
      return fail("bad-option-value", { option: `--${name}`, raw: value, allowed: s.allowed.join(", ") });
    }
    options[name] = value;
  }
  return { ok: true, args: { positionals, options } };
}

/**
 * The `--lang` given anywhere in `argv` (so that even an argument error is reported in the
 * user's language), else the default (zh).
 */
export function langFromArgv(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v === "zh" || v === "en") return v;
  }
  return DEFAULT_LANG;
}

const SEVERITY_TEXT: Record<Severity, Record<Lang, string>> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "note" },
};

/** One stderr line for a problem: severity word, then the sentence. */
export function problemLine(p: Problem, lang: Lang): string {
  const sep = lang === "zh" ? "：" : ": ";
  return `${SEVERITY_TEXT[p.severity][lang]}${sep}${formatProblem(p, lang)}`;
}

/** Write problems to stderr, one line each. */
export function reportProblems(problems: readonly Problem[], lang: Lang): void {
  if (problems.length === 0) return;
  process.stderr.write(`${problems.map((p) => problemLine(p, lang)).join("\n")}\n`);
}
