import { describe, expect, it } from "vitest";
import { ExponentialBackoff, MaxOf, TokenBucket } from "../../../operators/runtime/rate-limit.ts";
import { WorkQueue } from "../../../operators/runtime/work-queue.ts";

const noBackoff = { when: () => 0, forget() {}, retries: () => 0 };

describe("work queue", () => {
  it("keeps a key once however often it is added, in first-added order", async () => {
    const q = new WorkQueue(noBackoff);
    for (const k of ["a", "b", "a", "c", "b"]) q.add(k);
    expect(q.length).toBe(3);
    expect([await q.get(), await q.get(), await q.get()]).toEqual(["a", "b", "c"]);
  });

  it("never hands out a key in flight; an add while in flight comes back after done", async () => {
    const q = new WorkQueue(noBackoff);
    q.add("a");
    const first = await q.get();
    q.add("a");
    q.add("a");
    expect(q.length).toBe(0);
    let second: string | undefined;
    const waiting = q.get().then((k) => {
      second = k;
    });
    await Promise.resolve();
    expect(second).toBeUndefined();
    q.done(first as string);
    await waiting;
    expect(second).toBe("a");
    q.done("a");
    expect(q.length).toBe(0);
  });

  it("a delayed add keeps the earliest deadline and is not queued before it", async () => {
    const q = new WorkQueue(noBackoff);
    q.addAfter("a", 60_000);
    q.addAfter("a", 20);
    q.addAfter("a", 30_000);
    expect(q.waiting).toBe(1);
    expect(q.length).toBe(0);
    expect(await q.get()).toBe("a");
    expect(q.waiting).toBe(0);
    q.shutDown();
  });

  it("rate-limited adds wait their backoff; forget resets it", async () => {
    const backoff = new ExponentialBackoff(5, 1_000_000);
    const q = new WorkQueue(backoff);
    q.addRateLimited("a");
    q.addRateLimited("a");
    expect(q.retries("a")).toBe(2);
    expect(await q.get()).toBe("a");
    q.forget("a");
    expect(q.retries("a")).toBe(0);
    q.shutDown();
  });

  it("after shutDown, get returns undefined at once and adds are ignored", async () => {
    const q = new WorkQueue(noBackoff);
    const blocked = q.get();
    q.add("x");
    expect(await blocked).toBe("x");
    q.add("y");
    q.shutDown();
    expect(await q.get()).toBeUndefined();
    q.add("z");
    expect(q.length).toBe(1);
  });

  it("reports adds, depth, waits and retries to its metrics", async () => {
    const seen = { added: 0, depth: [] as number[], queued: 0, worked: 0, retried: 0 };
    const q = new WorkQueue(noBackoff, {
      added: () => seen.added++,
      depth: (n) => seen.depth.push(n),
      queued: () => seen.queued++,
      worked: () => seen.worked++,
      retried: () => seen.retried++,
    });
    q.add("a");
    q.add("b");
    q.add("a");
    const k = (await q.get()) as string;
    q.done(k);
    q.addRateLimited("c");
    // A rate-limited add with no backoff is an add at once.
    expect(seen).toEqual({ added: 3, depth: [1, 2, 1, 2], queued: 1, worked: 1, retried: 1 });
    q.shutDown();
  });
});

describe("rate limiters", () => {
  it("per-key backoff doubles from 5 ms and stops at 1000 s, per key", () => {
    const b = new ExponentialBackoff();
    const delays = Array.from({ length: 30 }, () => b.when("a"));
    expect(delays.slice(0, 4)).toEqual([5, 10, 20, 40]);
    expect(delays[17]).toBe(5 * 2 ** 17);
    expect(delays[18]).toBe(1_000_000);
    expect(delays[29]).toBe(1_000_000);
    expect(b.when("b")).toBe(5);
    b.forget("a");
    expect(b.when("a")).toBe(5);
  });

  it("the token bucket lets a burst through, then spaces calls at its rate", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 100, () => now);
    const burst = Array.from({ length: 100 }, () => bucket.when());
    expect(burst.every((d) => d === 0)).toBe(true);
    expect(bucket.when()).toBeCloseTo(100);
    expect(bucket.when()).toBeCloseTo(200);
    now = 1000; // ten tokens refilled, two of them owed
    expect(bucket.when()).toBeCloseTo(0);
  });

  it("the controller limiter waits the longer of the two", () => {
    let now = 0;
    const limiter = new MaxOf(new ExponentialBackoff(5, 1_000_000), new TokenBucket(10, 1, () => now));
    expect(limiter.when("a")).toBe(5);
    expect(limiter.when("b")).toBeCloseTo(100);
    now = 10_000;
    expect(limiter.when("a")).toBe(10);
    expect(limiter.retries("a")).toBe(2);
  });
});
