import type { Actor } from "@/lib/access";

/** What decides whose an upload is: its row's user and, for an upload through a file request, that request. */
export type UploadOwnerRow = { userId: string; fileRequestId: string | null };

/**
 * Rule: an upload belongs to the user who started it, through their session or token; one
 * started through a file request belongs to that request's link (its row's user is the request's
 * creator, who has no say over it), so only a request through the same live link may resume,
 * inspect or cancel it (the route checks the link on every request, tus the upload's creator).
 */
export function ownsUpload(row: UploadOwnerRow, actor: Actor): boolean {
  if (row.fileRequestId !== null) return actor.link?.purpose === "upload" && actor.link.id === row.fileRequestId;
  return !actor.link && row.userId === actor.id;
}
