import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/util/errors";

export const REQUEST_ENDED = "This file request has ended and takes no more files.";
export const REQUEST_FULL = "This request has all the files it takes; no more files can be sent.";

/**
 * The file request behind an upload link, if it still takes files. Rule: a revoked or expired
 * request takes nothing, also for uploads already under way (their next chunk and their finishing
 * step ask again). With `lock`, the request's row is locked for the rest of the transaction, so
 * concurrent uploads take turns counting its files (PostgreSQL; SQLite writes one at a time).
 */
export async function liveFileRequest(linkId: string, { tx, lock = false }: { tx?: Tx; lock?: boolean } = {}) {
  const db = tx ?? getDb();
  if (lock) await db.$executeRaw`UPDATE "FileRequest" SET "linkId" = "linkId" WHERE "linkId" = ${linkId}`;
  const request = await db.fileRequest.findUnique({ where: { linkId }, include: { link: true } });
  if (!request || request.link.purpose !== "upload") throw notFound("File request not found");
  const now = new Date();
  if (request.link.revokedAt || request.link.expiresAt <= now || (request.link.startsAt && request.link.startsAt > now))
    throw new AppError("gone", REQUEST_ENDED);
  return request;
}
