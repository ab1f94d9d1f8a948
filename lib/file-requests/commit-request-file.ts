import "server-only";
import { createHash } from "node:crypto";
import fsp from "node:fs/promises";
import { type Actor, accountIdOf } from "@/lib/access";
import { childAncestryOf } from "@/lib/access/files";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { findChildByName, freeNameIn, retryOnNameRace } from "@/lib/files/clash";
import { blobKeyFor, slotIn } from "@/lib/files/entry-model";
import { contentTypeFor } from "@/lib/files/file-types";
import { sha256OfFile } from "@/lib/files/hash-file";
import { nameKey } from "@/lib/files/names";
import { assertWithinQuota } from "@/lib/files/quota";
import { deleteUnreferencedBlob } from "@/lib/files/store-file";
import { type BlobStore, getBlobStore } from "@/lib/storage";
import type { FinishedUpload } from "@/lib/uploads/types";
import { markUploadFinished } from "@/lib/uploads/upload-rows";
import { conflict, notFound } from "@/lib/util/errors";
import { REQUEST_FULL, liveFileRequest } from "./live-request";

/** What a visitor is told about their finished upload: that it arrived, and nothing about the folder. */
export type ReceivedFile = { status: "received"; name: string; size: number };

async function sha256OfBlob(store: BlobStore, key: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of await store.get(key)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Moves the staged bytes to the upload's own blob key (found there already when a crashed attempt moved them). */
async function putStaged(store: BlobStore, key: string, upload: FinishedUpload): Promise<string> {
  const staged = await fsp.access(upload.path).then(
    () => true,
    () => false,
  );
  if (!staged && (await store.stat(key))) return sha256OfBlob(store, key);
  const sha256 = upload.sha256 ?? (await sha256OfFile(upload.path));
  await store.putFile(key, upload.path, { move: true });
  return sha256;
}

/**
 * Makes a file request's finished upload a file in the request's folder, in one transaction with
 * the request's count and the upload's finished mark (so a retried finishing step makes one file).
 * Rules: a name already taken gets a free "name (1).ext" (nothing is ever overwritten); a request
 * that ended while the bytes arrived takes nothing (410); the sender is recorded on the file; the
 * visitor's answer names only their own file as they sent it, never what is in the folder.
 */
export async function commitRequestFile(actor: Actor, upload: FinishedUpload): Promise<ReceivedFile> {
  const { fileRequestId, folderId, name, uploader, workspaceId } = upload.metadata;
  if (!fileRequestId || !folderId || !name || !workspaceId) throw notFound("Upload not found");
  await liveFileRequest(fileRequestId);
  const store = getBlobStore();
  const key = blobKeyFor(workspaceId, upload.id);
  try {
    const sha256 = await putStaged(store, key, upload);
    const received: ReceivedFile = { status: "received", name, size: upload.size };
    await retryOnNameRace(() =>
      getDb().$transaction(async (tx) => {
        const request = await liveFileRequest(fileRequestId, { tx, lock: true });
        // The count was reserved when the upload started; one that outlived its slot (idle, see
        // openUploadsWhere) may find the request full by now, and the request never takes more.
        if (request.received >= request.maxFiles) throw conflict(REQUEST_FULL);
        const folder = await tx.fileEntry.findUnique({ where: { id: request.targetFolderId } });
        if (!folder || folder.kind !== "folder" || folder.trashedAt)
          throw notFound("The folder this request fills no longer exists.");
        const place = { workspaceId: folder.workspaceId, parentId: folder.id };
        const free = (await findChildByName(tx, place, name)) ? await freeNameIn(tx, place, name) : name;
        const account = accountIdOf(actor);
        const file = await tx.fileEntry.create({
          data: {
            workspaceId: folder.workspaceId,
            kind: "file",
            parentId: folder.id,
            slot: slotIn(folder.id),
            name: free,
            nameLower: nameKey(free),
            ancestry: childAncestryOf(folder),
            size: BigInt(upload.size),
            mimeType: contentTypeFor(free),
            blobKey: key,
            sha256,
            createdById: account,
            modifiedById: account,
            uploaderName: uploader || null,
          },
        });
        await tx.fileRequest.update({ where: { linkId: fileRequestId }, data: { received: { increment: 1 } } });
        await markUploadFinished(tx, upload.id, received);
        await assertWithinQuota(folder.workspaceId, upload.size, tx);
        await recordAudit(tx, {
          workspaceId: folder.workspaceId,
          actor,
          action: "file_request.received",
          resourceType: "file",
          resourceId: file.id,
          details: {
            name: free,
            size: upload.size,
            parentId: folder.id,
            uploader: uploader ?? "",
            title: request.title,
            linkId: fileRequestId,
          },
        });
      }),
    );
    return received;
  } catch (error) {
    await deleteUnreferencedBlob(store, key);
    throw error;
  }
}
