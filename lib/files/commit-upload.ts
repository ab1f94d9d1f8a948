import "server-only";
import type { Actor } from "@/lib/access";
import { childAncestryOf } from "@/lib/access/files";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/util/errors";
import { findChildByName, freeNameIn, retryOnNameRace } from "./clash";
import { insertFolder } from "./create-folder";
import type { ClashPolicy, UploadOutcome } from "./entry-types";
import { slotIn, type FileEntryRecord } from "./entry-model";
import { contentTypeFor } from "./file-types";
import { nameKey } from "./names";
import { markUploadFinished } from "@/lib/uploads/upload-rows";
import { assertWithinQuota } from "./quota";
import { moveToTrash } from "./trash-core";

export type StoredContent = { blobKey: string; size: number; sha256: string };

/**
 * The folders of a relative path below `folder`, created where missing (folder uploads). An
 * existing folder is reused; a file in the way is a 409.
 */
async function ensureFolders(tx: Tx, actor: Actor, folder: FileEntryRecord, names: string[]): Promise<FileEntryRecord> {
  let current = folder;
  for (const name of names) {
    const existing = await findChildByName(tx, { workspaceId: current.workspaceId, parentId: current.id }, name);
    if (existing?.kind === "folder") {
      current = existing;
      continue;
    }
    if (existing) throw conflict(`A file named "${name}" is where the folder "${name}" would go.`);
    current = await insertFolder(tx, actor, current, name);
  }
  return current;
}

/**
 * Makes stored content a file at `segments` (relative path, file name last) below a folder, in
 * one transaction: the row appears only when everything succeeded, so a failed or interrupted
 * upload never shows up. The content must already be in the blob store under its own new key.
 * Name clashes follow the policy: keep both (a free "name (1).ext"), replace (the existing file
 * goes to the trash), or skip (the caller then deletes the content). With `uploadId` (a tus
 * upload) the same transaction marks that upload finished, so it makes one file however often
 * its finishing step is retried.
 */
export async function commitFile(
  actor: Actor,
  target: FileTargetWithUpload,
  content: StoredContent,
): Promise<UploadOutcome> {
  return retryOnNameRace(() =>
    getDb().$transaction(async (tx) => {
      const { outcome, workspaceId } = await place(tx, actor, target, content);
      if (target.uploadId) await markUploadFinished(tx, target.uploadId, outcome);
      // Checked here, in the transaction, with this file counted and its upload's reservation released.
      if (outcome.status !== "skipped") await assertWithinQuota(workspaceId, content.size, tx);
      return outcome;
    }),
  );
}

type FileTargetWithUpload = { folderId: string; segments: string[]; onClash: ClashPolicy; uploadId?: string };

async function place(
  tx: Tx,
  actor: Actor,
  target: FileTargetWithUpload,
  content: StoredContent,
): Promise<{ outcome: UploadOutcome; workspaceId: string }> {
  const folder = await tx.fileEntry.findUnique({ where: { id: target.folderId } });
  if (!folder || folder.kind !== "folder" || folder.trashedAt)
    throw notFound("The folder this was uploaded to no longer exists.");
  const parent = await ensureFolders(tx, actor, folder, target.segments.slice(0, -1));
  const place = { workspaceId: parent.workspaceId, parentId: parent.id };
  let name = target.segments.at(-1)!;
  let status: "created" | "replaced" | "renamed" = "created";
  const existing = await findChildByName(tx, place, name);
  if (existing) {
    if (target.onClash === "skip")
      return { outcome: { status: "skipped", name, parentId: parent.id }, workspaceId: parent.workspaceId };
    if (target.onClash === "replace" && existing.kind === "file") {
      await moveToTrash(tx, actor, existing);
      status = "replaced";
    } else {
      name = await freeNameIn(tx, place, name);
      status = "renamed";
    }
  }
  const file = await tx.fileEntry.create({
    data: {
      workspaceId: parent.workspaceId,
      kind: "file",
      parentId: parent.id,
      slot: slotIn(parent.id),
      name,
      nameLower: nameKey(name),
      ancestry: childAncestryOf(parent),
      size: BigInt(content.size),
      mimeType: contentTypeFor(name),
      blobKey: content.blobKey,
      sha256: content.sha256,
      createdById: actor.id,
      modifiedById: actor.id,
    },
  });
  await recordAudit(tx, {
    workspaceId: parent.workspaceId,
    actorId: actor.id,
    action: "file.uploaded",
    resourceType: "file",
    resourceId: file.id,
    details: { name, size: content.size, parentId: parent.id, ...(status !== "created" ? { clash: status } : {}) },
  });
  return { outcome: { status, id: file.id, name, parentId: parent.id }, workspaceId: parent.workspaceId };
}
