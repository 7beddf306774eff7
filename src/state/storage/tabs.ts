/**
 * Two tabs on the same work must not overwrite each other. The tab that starts first holds a Web
 * Lock (`navigator.locks`, held for the tab's life) and saves; a later tab finds it taken and does
 * not save (it says so, and may take the work over: `steal`, after which the first tab stops
 * saving and says so). Where Web Locks are missing (plain-http pages), a BroadcastChannel asks
 * whether another tab is there.
 */

export const LOCK_NAME = "jiyue-work";
const CHANNEL = "jiyue-work";

/** The part of `LockManager` used (so tests can pass a fake). */
export interface LocksLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; mode?: "exclusive" },
    callback: (lock: unknown) => Promise<unknown> | unknown,
  ): Promise<unknown>;
}

export interface TabGuardEvents {
  /** This tab holds the work and saves. */
  onHolder(): void;
  /** Another tab holds it (at start), or took it over (`takenOver`). */
  onOther(takenOver: boolean): void;
}

export interface TabGuard {
  /** Take the work over from the other tab (it stops saving). */
  takeOver(): void;
  dispose(): void;
}

interface BroadcastLike {
  postMessage(m: unknown): void;
  addEventListener(t: "message", fn: (e: MessageEvent) => void): void;
  close(): void;
}

export function guardTab(
  events: TabGuardEvents,
  env: {
    locks?: LocksLike | undefined;
    channel?: (() => BroadcastLike) | undefined;
  } = defaultEnv(),
): TabGuard {
  let release: (() => void) | null = null;
  let disposed = false;
  const hold = (steal: boolean) => {
    const locks = env.locks;
    if (!locks) return;
    const p = locks.request(LOCK_NAME, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
      if (disposed) return;
      if (lock === null) {
        events.onOther(false);
        return;
      }
      events.onHolder();
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    // A steal by another tab rejects our held request (AbortError): that tab has the work now.
    p.catch(() => {
      if (!disposed) events.onOther(true);
    });
  };
  if (env.locks) {
    hold(false);
    return {
      takeOver: () => {
        release?.();
        release = null;
        hold(true);
      },
      dispose: () => {
        disposed = true;
        release?.();
      },
    };
  }
  // Fallback: ask on a channel; a tab that answers is there first.
  const ch = env.channel?.();
  if (!ch) {
    events.onHolder();
    return { takeOver: () => {}, dispose: () => {} };
  }
  const me = Math.random().toString(36).slice(2);
  let holder = true;
  ch.addEventListener("message", (e: MessageEvent) => {
    const m = e.data as { t?: string; from?: string } | null;
    if (!m || m.from === me) return;
    if (m.t === "hello" && holder) ch.postMessage({ t: "here", from: me });
    else if (m.t === "here" && holder) {
      holder = false;
      events.onOther(false);
    } else if (m.t === "take" && holder) {
      holder = false;
      events.onOther(true);
    }
  });
  ch.postMessage({ t: "hello", from: me });
  const timer = setTimeout(() => {
    if (holder && !disposed) events.onHolder();
  }, 300);
  return {
    takeOver: () => {
      holder = true;
      ch.postMessage({ t: "take", from: me });
      events.onHolder();
    },
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
      ch.close();
    },
  };
}

function defaultEnv() {
  const g = globalThis as {
    navigator?: { locks?: LocksLike };
    BroadcastChannel?: new (name: string) => BroadcastLike;
  };
  const BC = g.BroadcastChannel;
  return {
    locks: g.navigator?.locks,
    channel: BC ? () => new BC(CHANNEL) : undefined,
  };
}
