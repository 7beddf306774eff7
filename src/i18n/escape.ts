/**
 * Text from a file or the command line made safe to echo on one line of a terminal or a page:
 * control characters (C0, DEL, C1), line and paragraph separators and the bidirectional
 * controls (which can make a line read differently from what it holds) are written as visible
 * escapes — `\n`, `\r`, `\t`, else `\u001b` style — so that a value like `"abc\nerror: fake"`
 * cannot print a forged line or recolour the terminal. Everything else is kept as it is
 * (Chinese text, backslashes of Windows paths).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * `s` with every unsafe character written as a visible escape.
 *
 * @example printable("abc\nerror: fake") // "abc\\nerror: fake" (one line)
 */
export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
}
