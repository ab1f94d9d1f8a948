import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/util/errors";
import { formatBytes } from "./format-bytes";
import { workspaceQuotaBytes } from "./limits";

/** Bytes of all files in a workspace, trash included (the trash still occupies storage). */
export async function workspaceUsage(workspaceId: string, db: Tx = getDb()): Promise<number> {
  const { _sum } = await db.fileEntry.aggregate({ where: { workspaceId, kind: "file" }, _sum: { size: true } });
  return Number(_sum.size ?? 0);
}

/** Rule: a workspace never holds more than FILES_QUOTA_BYTES; an upload that would exceed it is a 413. */
export async function assertQuota(workspaceId: string, extraBytes: number, db: Tx = getDb()): Promise<void> {
  const quota = workspaceQuotaBytes();
  const used = await workspaceUsage(workspaceId, db);
  if (used + extraBytes > quota) {
    const left = Math.max(0, quota - used);
    throw new AppError("too_large", `Not enough space: this file needs ${formatBytes(extraBytes)}, but the workspace has ${formatBytes(left)} left of its ${formatBytes(quota)} quota. Empty the trash or delete files to make room.`);
  }
}
