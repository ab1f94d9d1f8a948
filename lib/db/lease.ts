import { randomUUID } from "node:crypto";
import { getDb } from "./client";
import { isUniqueViolation } from "@/lib/util/prisma-errors";

const processId: string = randomUUID();

/**
 * Takes the named lease for `ms` if it is free, expired, or already ours. At most one process
 * (of any number of app instances on one database) holds a lease at a time.
 */
export async function acquireLease(name: string, ms: number, holder = processId): Promise<boolean> {
  const db = getDb();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ms);
  const taken = await db.lease.updateMany({
    where: { name, OR: [{ expiresAt: { lt: now } }, { holder }] },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db.lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function releaseLease(name: string, holder = processId): Promise<void> {
  await getDb().lease.deleteMany({ where: { name, holder } });
}
