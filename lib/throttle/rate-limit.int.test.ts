import { beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { flushRateLimits, hitRateLimit, resetRateLimits } from "./rate-limit";

const { db } = setupTestDatabase();

const MINUTE = 60_000;
const windowStart = (now: number) => now - (now % MINUTE);

describe("rate-limit counters shared between instances", () => {
  beforeEach(() => resetRateLimits());

  it("adds this process's counts to the shared row and learns the other instances' counts from it", async () => {
    const now = windowStart(Date.now()) + 1_000;
    expect(hitRateLimit("user:u1", 5, now)).toBe(0);
    expect(hitRateLimit("user:u1", 5, now)).toBe(0);
    await flushRateLimits(now);
    expect(await db().throttle.findUnique({ where: { key: "rate:user:u1" } })).toMatchObject({
      failures: 2,
      windowStart: new Date(windowStart(now)),
    });

    // Another instance counted two more in the same window.
    await db().throttle.update({ where: { key: "rate:user:u1" }, data: { failures: { increment: 2 } } });
    expect(hitRateLimit("user:u1", 5, now)).toBe(0); // 3 as far as this process knows
    await flushRateLimits(now); // the row now says 5 in all, and this process learns it
    expect(hitRateLimit("user:u1", 5, now + 10_000)).toBe(49); // the 6th waits for the next window, 49 s away
  });

  it("starts a new count in the next window, replacing the shared row's stale total", async () => {
    const now = windowStart(Date.now()) + 2_000;
    for (let i = 0; i < 3; i++) hitRateLimit("user:u2", 3, now);
    expect(hitRateLimit("user:u2", 3, now)).toBeGreaterThan(0);
    await flushRateLimits(now);
    const next = now + MINUTE;
    expect(hitRateLimit("user:u2", 3, next)).toBe(0);
    await flushRateLimits(next);
    expect(await db().throttle.findUnique({ where: { key: "rate:user:u2" } })).toMatchObject({
      failures: 1,
      windowStart: new Date(windowStart(next)),
    });
  });
});
