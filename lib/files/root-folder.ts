import "server-only";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { ROOT_SLOT, type FileEntryRecord } from "./entry-model";

/**
 * The workspace's root folder, created on first use. Its unique (workspace, "root", "") key
 * makes two concurrent first uses agree on one row. Not for use inside a transaction (a unique
 * violation aborts a PostgreSQL transaction).
 */
export async function getRootFolder(workspaceId: string): Promise<FileEntryRecord> {
  const db = getDb();
  const where = { workspaceId_slot_nameLower: { workspaceId, slot: ROOT_SLOT, nameLower: "" } };
  const existing = await db.fileEntry.findUnique({ where });
  if (existing) return existing;
  try {
    return await db.fileEntry.create({
      data: { workspaceId, kind: "folder", slot: ROOT_SLOT, name: "", nameLower: "", ancestry: "/" },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return db.fileEntry.findUniqueOrThrow({ where });
    throw error;
  }
}

/** The root folder if the workspace has one yet (never creates it: for ids that come from a client). */
export function findRootFolder(workspaceId: string): Promise<FileEntryRecord | null> {
  return getDb().fileEntry.findUnique({
    where: { workspaceId_slot_nameLower: { workspaceId, slot: ROOT_SLOT, nameLower: "" } },
  });
}
