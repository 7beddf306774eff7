/** Ids of undo steps. */
let stepCounter = 0;

/** A step id unique within any history (also across reloads: time, counter and randomness). */
export function newStepId(now: Date = new Date()): string {
  const uuid = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto?.randomUUID;
  if (uuid) return uuid.call(globalThis.crypto);
  stepCounter += 1;
  return `${now.getTime().toString(36)}-${stepCounter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
