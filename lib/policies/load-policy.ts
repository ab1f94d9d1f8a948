import "server-only";
import { type Db, getDb, type Tx } from "@/lib/db";
import { NO_POLICY, type SharingPolicy } from "./schemas";

const domains = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((d): d is string => typeof d === "string") : [];

/** A workspace's sharing policy, read fresh (no cache: a new policy applies to the very next share). */
export async function loadPolicy(workspaceId: string, db: Db | Tx = getDb()): Promise<SharingPolicy> {
  const row = await db.workspacePolicy.findUnique({ where: { workspaceId } });
  if (!row) return NO_POLICY;
  return {
    linkMaxDays: row.linkMaxDays,
    linkPasswordRequired: row.linkPasswordRequired,
    publicLinksDisabled: row.publicLinksDisabled,
    allowedEmailDomains: domains(row.allowedEmailDomains),
    addToWorkspaceAllowed: row.addToWorkspaceAllowed,
    externalGrantMaxDays: row.externalGrantMaxDays,
  };
}
