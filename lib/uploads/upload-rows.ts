import "server-only";
import { getDb, type JsonObjectInput, type Tx, type UploadKind } from "@/lib/db";
import { AppError, conflict } from "@/lib/util/errors";
import { maxOpenUploadsPerUser, uploadExpireMs } from "./settings";

/** Unfinished uploads created since this moment are open (older ones are abandoned and swept). */
export const openSince = () => new Date(Date.now() - uploadExpireMs());

/**
 * Records a new upload. Rule: a user has at most UPLOAD_MAX_OPEN_PER_USER unfinished uploads at
 * a time (each one holds staging space and quota until it finishes or expires); more is a 429.
 * Uploads through a file request count against that request instead of its creator.
 * `reserve` runs in the same transaction, after the row is written, so a check it makes
 * (the workspace quota) already counts this upload.
 */
export async function registerUpload(
  row: {
    id: string;
    userId: string;
    fileRequestId: string | null;
    workspaceId: string | null;
    kind: UploadKind;
    bytes: number;
  },
  reserve?: (tx: Tx) => Promise<void>,
): Promise<void> {
  await getDb().$transaction(async (tx) => {
    // Row locks on the user and the workspace (a no-op write) make concurrent registrations take
    // turns on PostgreSQL too, so two uploads started together cannot both pass the checks.
    await tx.$executeRaw`UPDATE "User" SET "id" = "id" WHERE "id" = ${row.userId}`;
    if (row.workspaceId) await tx.$executeRaw`UPDATE "Workspace" SET "id" = "id" WHERE "id" = ${row.workspaceId}`;
    const open = await tx.upload.count({
      where: {
        ...(row.fileRequestId ? { fileRequestId: row.fileRequestId } : { userId: row.userId, fileRequestId: null }),
        finishedAt: null,
        createdAt: { gt: openSince() },
      },
    });
    const max = maxOpenUploadsPerUser();
    if (open >= max)
      throw new AppError(
        "rate_limited",
        `You have ${open} uploads in progress, the most allowed at a time is ${max}. Let them finish or cancel some, then try again.`,
      );
    await tx.upload.create({ data: { ...row, bytes: BigInt(row.bytes) } });
    await reserve?.(tx);
  });
}

/**
 * Marks an upload finished with the answer its client gets, in the caller's transaction (the one
 * that commits what the upload made), so an upload is finished exactly once: a second attempt,
 * e.g. after a crash, finds it done and rolls back. An id without a row (content stored outside
 * the tus endpoint) has nothing to mark.
 */
export async function markUploadFinished(tx: Tx, id: string, result: JsonObjectInput): Promise<void> {
  const { count } = await tx.upload.updateMany({
    where: { id, finishedAt: null },
    data: { finishedAt: new Date(), result },
  });
  if (count === 0 && (await tx.upload.count({ where: { id } })) > 0)
    throw conflict("This upload was already finished.");
}

export async function forgetUpload(id: string): Promise<void> {
  await getDb().upload.deleteMany({ where: { id } });
}
