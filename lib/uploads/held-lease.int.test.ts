import { describe, expect, it } from "vitest";
import { acquireLease } from "@/lib/db/lease";
import { setupTestDatabase } from "@/test/db";
import { LEASE_BUSY, withHeldLease } from "./held-lease";

setupTestDatabase();

describe("a lease held with a heartbeat", { timeout: 60_000 }, () => {
  it("stays with its holder while the work outlasts the lease many times over: nobody else gets it in between", async () => {
    // Long enough that a loaded machine's timer delays do not let the lease lapse between heartbeats.
    const leaseMs = 2_000;
    let stolen = 0;
    let attempts = 0;
    const result = await withHeldLease("heartbeat-test", { leaseMs, waitMs: 1_000 }, async () => {
      // A competitor keeps trying for four lease lifetimes while the holder works.
      const until = Date.now() + 3.5 * leaseMs;
      while (Date.now() < until) {
        attempts++;
        if (await acquireLease("heartbeat-test", leaseMs, `competitor-${attempts}`)) stolen++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return "done";
    });
    expect(result).toBe("done");
    expect(attempts).toBeGreaterThan(10);
    expect(stolen).toBe(0);
  });

  it("is free again once the work ends", async () => {
    await withHeldLease("heartbeat-free", { leaseMs: 300, waitMs: 1_000 }, async () => "done");
    expect(await withHeldLease("heartbeat-free", { leaseMs: 300, waitMs: 0 }, async () => "again")).toBe("again");
    expect(LEASE_BUSY).toBeTypeOf("symbol");
  });
});
