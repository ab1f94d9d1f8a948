import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { openUploadsWhere } from "@/lib/uploads/upload-rows";
import { AppError } from "@/lib/util/errors";
import { formatBytes } from "@/lib/util/format";
import { workspaceQuotaBytes } from "./limits";

/**
 * Bytes a workspace uses: its files, trash included (the trash still occupies storage), plus the
 * announced size of file uploads still in progress (their bytes are on their way, see issue 12.9).
 */
export async function workspaceUsage(workspaceId: string, db: Tx = getDb()): Promise<number> {
  const [files, uploads] = await Promise.all([
    db.fileEntry.aggregate({ where: { workspaceId, kind: "file" }, _sum: { size: true } }),
    db.upload.aggregate({
      where: { workspaceId, kind: { in: ["file", "filerequest"] }, ...openUploadsWhere() },
      _sum: { bytes: true },
    }),
  ]);
  return Number(files._sum.size ?? 0) + Number(uploads._sum.bytes ?? 0);
}

/**
 * Rule: a workspace never holds more than FILES_QUOTA_BYTES, counting uploads in progress; an
 * upload that would exceed it is a 413. Call it after the bytes in question are counted in
 * usage (a registered upload, a created file row): then it only checks.
 */
export async function assertWithinQuota(workspaceId: string, bytes: number, db: Tx = getDb()): Promise<void> {
  const quota = workspaceQuotaBytes();
  const used = await workspaceUsage(workspaceId, db);
  if (used > quota) {
    const left = Math.max(0, quota - (used - bytes));
    throw new AppError(
      "too_large",
      `Not enough space: this file needs ${formatBytes(bytes)}, but the workspace has ${formatBytes(left)} left of its ${formatBytes(quota)} quota (uploads in progress count). Empty the trash or delete files to make room.`,
    );
  }
}
