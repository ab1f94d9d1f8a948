import "server-only";
import { type Actor, accountIdOf } from "@/lib/access";
import { assertWithinQuota } from "@/lib/files/quota";
import { validateName } from "@/lib/files/names";
import type { UploadHandler, UploadMetadata } from "@/lib/uploads/types";
import { openUploadsWhere } from "@/lib/uploads/upload-rows";
import { AppError, notFound } from "@/lib/util/errors";
import { formatBytes, formatNumber } from "@/lib/util/format";
import { commitRequestFile } from "./commit-request-file";
import { liveFileRequest } from "./live-request";
import { uploaderNameSchema } from "./schemas";

/** The file request an upload goes through: the actor's upload link, and nothing the client names. */
function requestLinkOf(actor: Actor) {
  if (actor.link?.purpose !== "upload") throw notFound("File request not found");
  return actor.link;
}

/** Who sent the file: a signed-in visitor's account, otherwise the name they typed. */
function uploaderOf(actor: Actor, metadata: UploadMetadata): string {
  if (actor.kind !== "link") return actor.username ?? actor.email;
  const parsed = uploaderNameSchema.safeParse(metadata.uploader ?? "");
  if (!parsed.success)
    throw new AppError("invalid", parsed.error.issues[0]!.message, { uploader: parsed.error.issues[0]!.message });
  return parsed.data;
}

/**
 * Files sent through a file request (metadata kind "filerequest"). Rules: the upload link alone
 * authorises it (it grants no read, see lib/access/link-scope.ts), the target folder is the
 * request's, never one the client names; the announced size (Upload-Length) is checked against
 * the request's limit before a byte is accepted; the file count is reserved atomically with the
 * upload's row (received plus uploads in progress never pass the limit).
 */
export const fileRequestUploadHandler: UploadHandler = {
  async authorize(actor, metadata, size) {
    const link = requestLinkOf(actor);
    const request = await liveFileRequest(link.id);
    if (size === undefined)
      throw new AppError("bad_request", "The size of a file upload must be known when it starts.");
    const name = validateName(metadata.name ?? "");
    const uploader = uploaderOf(actor, metadata);
    const max = Number(request.maxFileBytes);
    if (size > max)
      throw new AppError(
        "too_large",
        `"${name}" is ${formatBytes(size)}; this request takes files up to ${formatBytes(max)}.`,
      );
    return {
      name,
      uploader,
      fileRequestId: link.id,
      folderId: request.targetFolderId,
      workspaceId: request.link.workspaceId,
    };
  },

  async owner(actor, metadata) {
    const link = requestLinkOf(actor);
    if (metadata.fileRequestId !== link.id) throw notFound("File request not found");
    const request = await liveFileRequest(link.id);
    // Per-sender limits count a link visitor by their keyed visitor id (one bucket when unknown), an account by itself.
    const visitorKey = actor.kind === "link" ? (actor.link.visitor ?? "anonymous") : `account:${accountIdOf(actor)}`;
    return { userId: request.link.createdById, fileRequestId: link.id, visitorKey };
  },

  async reserve(tx, workspaceId, size, metadata) {
    const request = await liveFileRequest(metadata.fileRequestId!, { tx, lock: true });
    // This upload's row is written already: it is one of the open ones.
    const open = await tx.upload.count({
      where: { fileRequestId: request.linkId, ...openUploadsWhere() },
    });
    if (request.received + open > request.maxFiles)
      throw new AppError(
        "conflict",
        `This request takes ${formatNumber(request.maxFiles)} ${request.maxFiles === 1 ? "file" : "files"} in total and has them all; no more files can be sent.`,
      );
    await assertWithinQuota(workspaceId, size, tx);
  },

  async finish(actor, upload) {
    requestLinkOf(actor);
    return commitRequestFile(actor, upload);
  },
};
