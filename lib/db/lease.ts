import { randomUUID } from "node:crypto";
import { getDb } from "./client";
import { isUniqueViolation } from "@/lib/util/prisma-errors";

// For callers that run one job per process and pass no holder of their own.
const processId: string = randomUUID();

/**
 * Takes the named lease for `ms` if nobody holds it or the last holder's time ran out. Not
 * re-entrant: a holder that already has it is refused like anyone else, so a job guarded by it
 * runs once at a time across all processes on one database and within each process alike.
 * Give every run its own `holder` (newLeaseHolder()), renew while working, release at the end.
 */
export async function acquireLease(name: string, ms: number, holder = processId): Promise<boolean> {
  const db = getDb();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ms);
  const taken = await db.lease.updateMany({ where: { name, expiresAt: { lt: now } }, data: { holder, expiresAt } });
  if (taken.count === 1) return true;
  try {
    await db.lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Extends a lease its holder still has; false when it expired and someone else took it. */
export async function renewLease(name: string, holder: string, ms: number): Promise<boolean> {
  const renewed = await getDb().lease.updateMany({
    where: { name, holder },
    data: { expiresAt: new Date(Date.now() + ms) },
  });
  return renewed.count === 1;
}

export async function releaseLease(name: string, holder = processId): Promise<void> {
  await getDb().lease.deleteMany({ where: { name, holder } });
}

/** A fresh holder identity for one run of a leased job. */
export const newLeaseHolder = (): string => randomUUID();
