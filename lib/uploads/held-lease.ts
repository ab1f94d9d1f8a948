import "server-only";
import { randomUUID } from "node:crypto";
import { acquireLease, releaseLease, renewLease } from "@/lib/db/lease";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const LEASE_BUSY = Symbol("lease busy");

/**
 * Runs `work` while holding the named lease, renewed every third of `leaseMs` (a heartbeat), so
 * the lease outlives slow work but a crashed holder's lease runs out within `leaseMs`. Waits up
 * to `waitMs` for a live holder to finish; returns LEASE_BUSY if it still holds the lease then.
 */
export async function withHeldLease<T>(
  name: string,
  options: { leaseMs: number; waitMs: number; pollMs?: number },
  work: () => Promise<T>,
): Promise<T | typeof LEASE_BUSY> {
  const { leaseMs, waitMs, pollMs = 100 } = options;
  const holder = randomUUID();
  const deadline = Date.now() + waitMs;
  while (!(await acquireLease(name, leaseMs, holder))) {
    if (Date.now() >= deadline) return LEASE_BUSY;
    await sleep(pollMs);
  }
  const heartbeat = setInterval(() => {
    renewLease(name, holder, leaseMs).catch((error: unknown) =>
      console.error(`Renewing the lease ${name} failed`, error),
    );
  }, leaseMs / 3);
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    await releaseLease(name, holder).catch((error: unknown) =>
      console.error(`Releasing the lease ${name} failed`, error),
    );
  }
}
