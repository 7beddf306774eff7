/** The worker's message queue policy (pure, so it is tested without a worker). */
import type { WorkerInbound } from "./protocol";

/** Keep the newest request of each kind (in arrival order); the others are answered as superseded. */
export function pickLatest(pending: readonly WorkerInbound[]): {
  run: WorkerInbound[];
  dropped: WorkerInbound[];
} {
  const latest = new Map<string, WorkerInbound>();
  for (const m of pending) latest.set(m.kind, m);
  const run = pending.filter((m) => latest.get(m.kind) === m);
  const dropped = pending.filter((m) => latest.get(m.kind) !== m);
  return { run, dropped };
}
