/**
 * How deeply a JSON value nests, measured without recursion. A property value nested thousands
 * of levels deep (`[[[[…]]]]`, 2 bytes a level) parses, but every recursive step after reading —
 * `JSON.stringify` in the writers, the worker's structured clone, React — overflows the stack on
 * it. The reader sets such values aside (`value-too-deep`), so nothing downstream sees them.
 */

/** Deepest nesting kept in a property value: far beyond any real attribute table (1 = `[1]`). */
export const MAX_VALUE_DEPTH = 32;

/**
 * Whether `value` nests objects/arrays more than `limit` levels deep (a scalar is depth 0,
 * `[1]` and `{}` depth 1). Iterative, stops at the first path past the limit.
 *
 * @example depthExceeds([[1]], 1) // true
 */
export function depthExceeds(value: unknown, limit: number = MAX_VALUE_DEPTH): boolean {
  if (value === null || typeof value !== "object") return false;
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const v = stack.pop() as object;
    const d = depths.pop() as number;
    if (d > limit) return true;
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v);
    for (const c of children) {
      if (c !== null && typeof c === "object") {
        stack.push(c);
        depths.push(d + 1);
      }
    }
  }
  return false;
}
