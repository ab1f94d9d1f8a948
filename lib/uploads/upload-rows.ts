import "server-only";
import { getDb, type JsonObjectInput, type Tx, type UploadKind } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { AppError, conflict } from "@/lib/util/errors";
import { fileRequestIdleMs, maxOpenPerVisitor, maxOpenUploadsPerUser, uploadExpireMs } from "./settings";

/** Unfinished uploads created since this moment are open (older ones are abandoned and swept). */
export const openSince = () => new Date(Date.now() - uploadExpireMs());

/**
 * Rule: the uploads that still hold a slot (the open-upload limits, a file request's file count)
 * and quota: unfinished, created within UPLOAD_EXPIRE_HOURS, and, when sent through a file
 * request, with bytes arriving within FILE_REQUEST_IDLE_MINUTES (an anonymous visitor cannot
 * park empty uploads on a request for a day). Every count of open uploads uses this one filter.
 */
export function openUploadsWhere(): Prisma.UploadWhereInput {
  const idleSince = new Date(Date.now() - fileRequestIdleMs());
  return {
    finishedAt: null,
    createdAt: { gt: openSince() },
    OR: [{ fileRequestId: null }, { activeAt: { gt: idleSince } }, { activeAt: null, createdAt: { gt: idleSince } }],
  };
}

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
    /** a file-request upload's sender: the keyed visitor id or the account */
    visitorKey?: string | null;
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
        ...openUploadsWhere(),
      },
    });
    const max = maxOpenUploadsPerUser();
    if (open >= max)
      throw new AppError(
        "rate_limited",
        `You have ${open} uploads in progress, the most allowed at a time is ${max}. Let them finish or cancel some, then try again.`,
      );
    if (row.fileRequestId) {
      const mine = await tx.upload.count({
        where: { fileRequestId: row.fileRequestId, visitorKey: row.visitorKey ?? null, ...openUploadsWhere() },
      });
      const perVisitor = maxOpenPerVisitor();
      if (mine >= perVisitor)
        throw new AppError(
          "rate_limited",
          `You have ${mine} uploads in progress on this request, the most allowed at a time is ${perVisitor}. Let them finish, then send the next files.`,
        );
    }
    await tx.upload.create({
      data: { ...row, bytes: BigInt(row.bytes), activeAt: row.fileRequestId ? new Date() : null },
    });
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

/**
 * Records that bytes are arriving for a file-request upload. Rule: an upload idle for longer than
 * FILE_REQUEST_IDLE_MINUTES has lost its slot (see openUploadsWhere) and cannot come back, since
 * its slot may have gone to someone else meanwhile: answers false, and the caller cancels it.
 */
export async function touchFileRequestUpload(id: string): Promise<boolean> {
  const idleSince = new Date(Date.now() - fileRequestIdleMs());
  const { count } = await getDb().upload.updateMany({
    where: {
      id,
      finishedAt: null,
      OR: [{ activeAt: { gt: idleSince } }, { activeAt: null, createdAt: { gt: idleSince } }],
    },
    data: { activeAt: new Date() },
  });
  return count > 0;
}

export async function forgetUpload(id: string): Promise<void> {
  await getDb().upload.deleteMany({ where: { id } });
}
