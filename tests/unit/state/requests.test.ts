import { describe, expect, it } from "vitest";
import { connectLatest } from "../../../src/state/requests";
import { SupersededError } from "../../../src/worker/protocol";
import { freshStore } from "./helpers";

/** A request the test answers by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("connectLatest", () => {
  it("asks at once and on each change of its inputs; only the newest answer is kept", async () => {
    const store = freshStore();
    const asked: string[] = [];
    const pending: ReturnType<typeof deferred<string>>[] = [];
    const done: string[] = [];
    const failed: string[] = [];
    const c = connectLatest(
      store,
      (s) => [s.asOf],
      (s) => {
        asked.push(s.asOf);
        const d = deferred<string>();
        pending.push(d);
        return d.promise;
      },
      (r) => done.push(r),
      (m) => failed.push(m),
    );
    store.getState().setAsOf("2025-01-01");
    store.getState().setAsOf("2025-01-01"); // unchanged: not asked again
    expect(asked).toHaveLength(2);
    expect(asked[1]).toBe("2025-01-01");
    // The newer answer arrives first, the older one late: the late one is dropped.
    pending[1]?.resolve("new");
    pending[0]?.resolve("old");
    await tick();
    expect(done).toEqual(["new"]);
    expect(failed).toEqual([]);
    c.dispose();
  });

  it("a failure of the newest request is said; a superseded one, an older one or one after dispose is not", async () => {
    const store = freshStore();
    const pending: ReturnType<typeof deferred<string>>[] = [];
    const failed: string[] = [];
    const c = connectLatest(
      store,
      (s) => [s.asOf],
      () => {
        const d = deferred<string>();
        pending.push(d);
        return d.promise;
      },
      () => {},
      (m) => failed.push(m),
    );
    store.getState().setAsOf("2025-01-01");
    pending[0]?.reject(new Error("older"));
    pending[1]?.reject(new SupersededError());
    await tick();
    expect(failed).toEqual([]);
    store.getState().setAsOf("2025-02-01");
    pending[2]?.reject(new Error("worker failed"));
    await tick();
    expect(failed).toEqual(["worker failed"]);
    store.getState().setAsOf("2025-03-01");
    c.dispose();
    pending[3]?.reject(new Error("after dispose"));
    store.getState().setAsOf("2025-04-01");
    await tick();
    expect(failed).toEqual(["worker failed"]);
    expect(pending).toHaveLength(4);
  });

  it("nothing to ask (start returns null): no request, nothing reported", async () => {
    const store = freshStore();
    let calls = 0;
    const c = connectLatest(
      store,
      (s) => [s.asOf],
      () => {
        calls++;
        return null;
      },
      () => {
        throw new Error("no answer expected");
      },
      () => {
        throw new Error("no failure expected");
      },
    );
    store.getState().setAsOf("2025-01-01");
    await tick();
    expect(calls).toBe(2);
    c.dispose();
  });
});
