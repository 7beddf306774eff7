/**
 * Names the main-thread long tasks of a browser bench run from a CPU profile (Chrome DevTools
 * Protocol `Profiler`): for each task, the functions its samples spent their time in (self time,
 * and the heaviest app frames including callees), so a long task says what it was.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const GENERIC = new Set(["(root)", "(program)", "(idle)", "(garbage collector)"]);

const frameName = (f: CallFrame) =>
  `${f.functionName || "(anonymous)"} ${f.url ? `${f.url.split("/").at(-1)}:${f.lineNumber + 1}` : ""}`.trim();

/**
 * For each window `[start, start + dur)` (page time, ms), the top functions by self and by
 * inclusive time. `profileStartPage`: the page time at which the profile started.
 */
export function nameTasks(
  profile: CpuProfile,
  profileStartPage: number,
  tasks: readonly { start: number; dur: number }[],
  k = 6,
): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Sample times in page ms.
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) {
    t += d;
    times.push(profileStartPage + (t - profile.startTime) / 1000);
  }
  return tasks.map((task) => {
    const self = new Map<string, number>();
    const incl = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const at = times[i] as number;
      if (at < task.start || at >= task.start + task.dur) continue;
      const dt = ((profile.timeDeltas[i + 1] ?? 0) as number) / 1000;
      const leaf = byId.get(profile.samples[i] as number);
      if (!leaf) continue;
      const name = frameName(leaf.callFrame);
      self.set(name, (self.get(name) ?? 0) + dt);
      const seen = new Set<string>();
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const n = byId.get(id);
        if (!n || GENERIC.has(n.callFrame.functionName)) continue;
        const nm = frameName(n.callFrame);
        if (seen.has(nm) || !n.callFrame.url.includes("/assets/")) continue;
        seen.add(nm);
        incl.set(nm, (incl.get(nm) ?? 0) + dt);
      }
    }
    const top = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([n, ms]) => `${n} ${Math.round(ms)}`)
        .join(", ");
    return `${Math.round(task.dur)} ms @${Math.round(task.start)}: self ${top(self)} | incl ${top(incl)}`;
  });
}
