import { ERRORS } from "@tus/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { setupTestDatabase } from "@/test/db";
import { DbLocker } from "./db-locker";

setupTestDatabase();

// Two lockers stand for two app instances: they share nothing but the database.
// Leases are short to keep the tests quick, long enough for a busy machine's first queries.
const fast = { leaseMs: 1000, pollMs: 20 };
const never = new AbortController().signal;

describe("DbLocker: tus upload locks across instances", () => {
  it("a waiter on another instance asks the holder to let go, then takes the lock", async () => {
    // A lease far longer than the wait: b can only get the lock by asking (were the lease to expire first, as a
    // 1 s lease did on a machine at load 10 whose holder renewed late, b would take it without asking).
    const patient = { ...fast, leaseMs: 60_000, acquireTimeoutMs: 5000 };
    const [a, b] = [new DbLocker(patient), new DbLocker(patient)];
    const held = a.newLock("u1");
    const events: string[] = [];
    await held.lock(never, async () => {
      events.push("a asked to release");
      await held.unlock();
    });
    const waiting = b.newLock("u1");
    await waiting.lock(never, () => {});
    events.push("b holds");
    expect(events).toEqual(["a asked to release", "b holds"]);
    await waiting.unlock();
    expect(await getDb().lease.count({ where: { name: { startsWith: "tus:u1" } } })).toBe(0);
  });

  it("times out with tus's lock error while the holder keeps its lock (renewed beyond the lease time)", async () => {
    const holder = new DbLocker({ ...fast, acquireTimeoutMs: 5000 }).newLock("u2");
    await holder.lock(never, () => {}); // a request that does not let go
    const started = Date.now();
    await expect(new DbLocker({ ...fast, acquireTimeoutMs: 2500 }).newLock("u2").lock(never, () => {})).rejects.toBe(
      ERRORS.ERR_LOCK_TIMEOUT,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500); // more than two lease periods: the holder renewed it
    await holder.unlock();
    const next = new DbLocker(fast).newLock("u2");
    await next.lock(never, () => {});
    await next.unlock();
  });

  it("a lock left by a crashed instance frees itself when its lease expires", async () => {
    await getDb().lease.create({ data: { name: "tus:u3", holder: "crashed", expiresAt: new Date(Date.now() + 200) } });
    const lock = new DbLocker({ ...fast, acquireTimeoutMs: 5000 }).newLock("u3");
    await lock.lock(never, () => {});
    expect(await getDb().lease.findUnique({ where: { name: "tus:u3" } })).toMatchObject({
      holder: expect.not.stringMatching("crashed"),
    });
    await lock.unlock();
  });

  it("a holder whose lease was taken over (it stalled past the expiry) is told to stop", async () => {
    const lock = new DbLocker(fast).newLock("u6");
    let stopped = false;
    await lock.lock(never, () => {
      stopped = true;
    });
    await getDb().lease.update({ where: { name: "tus:u6" }, data: { holder: "another instance" } });
    await expect.poll(() => stopped, { timeout: 15_000 }).toBe(true); // soon after the takeover; generous for a loaded machine
    await lock.unlock(); // releases nothing of the new holder's
    expect(await getDb().lease.findUnique({ where: { name: "tus:u6" } })).toMatchObject({ holder: "another instance" });
  });

  it("locks of different uploads do not wait for each other; an aborted request stops waiting", async () => {
    const locker = new DbLocker({ ...fast, acquireTimeoutMs: 5000 });
    const [x, y] = [locker.newLock("u4"), locker.newLock("u5")];
    await x.lock(never, () => {});
    await y.lock(never, () => {});
    const stop = new AbortController();
    const waiting = locker.newLock("u4").lock(stop.signal, () => {});
    stop.abort();
    await expect(waiting).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    await x.unlock();
    await y.unlock();
  });
});
