import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import { type Readable, Transform } from "node:stream";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { type BlobStore, getBlobStore } from "@/lib/storage";
import { testCommitDelayMs } from "@/lib/uploads/settings";
import { commitFile } from "./commit-upload";
import type { ClashPolicy, UploadOutcome } from "./entry-types";
import { blobKeyFor } from "./entry-model";
import { sha256OfFile } from "./hash-file";
import { loadEntry } from "./load-entry";

/** `uploadId`: the tus upload the content comes from; its finishing step may run again after a crash. */
export type FileTarget = { folderId: string; segments: string[]; onClash: ClashPolicy; uploadId?: string };
/** `sha256`: of the file at `path`, when the caller computed it already (a tus upload, while its bytes arrived). */
export type FileSource = { path: string; sha256?: string } | { stream: Readable };

const exists = (file: string) =>
  fsp.access(file).then(
    () => true,
    () => false,
  );

function hashing(): { hash: ReturnType<typeof createHash>; through: Transform } {
  const hash = createHash("sha256");
  const through = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { hash, through };
}

/** Hashes a blob already in the store (read through, not written again). */
async function hashStored(store: BlobStore, key: string): Promise<{ size: number; sha256: string }> {
  const { hash, through } = hashing();
  let size = 0;
  for await (const chunk of (await store.get(key)).pipe(through)) size += (chunk as Buffer).length;
  return { size, sha256: hash.digest("hex") };
}

async function putHashed(store: BlobStore, key: string, source: FileSource): Promise<{ size: number; sha256: string }> {
  if ("path" in source) {
    // A previous attempt of this upload moved the staged bytes to this key, then its process died.
    if (!(await exists(source.path)) && (await store.stat(key))) return hashStored(store, key);
    const sha256 = source.sha256 ?? (await sha256OfFile(source.path));
    const { size } = await store.putFile(key, source.path, { move: true });
    return { size, sha256 };
  }
  const { hash, through } = hashing();
  source.stream.on("error", (error) => through.destroy(error));
  const { size } = await store.put(key, source.stream.pipe(through));
  return { size, sha256: hash.digest("hex") };
}

/**
 * Stores content as a file (the end of every upload, and the seed): the bytes go to a new blob
 * key first, where nothing refers to them, then the database row is committed; if that fails or
 * the clash policy skips the file, the blob is deleted unless a file refers to it. A staged
 * `path` is moved, not copied. A tus upload's blob key is derived from its id, so a finishing
 * step retried after a crash finds the bytes an earlier attempt moved. The names in
 * `target.segments` must already be validated.
 */
export async function storeFile(actor: Actor, target: FileTarget, source: FileSource): Promise<UploadOutcome> {
  const folder = await loadEntry(actor, target.folderId, "write", { kind: "folder" });
  const key = blobKeyFor(folder.workspaceId, target.uploadId ?? randomBytes(16).toString("hex"));
  const store = getBlobStore();
  try {
    const content = await putHashed(store, key, source);
    const delay = testCommitDelayMs();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const outcome = await commitFile(actor, target, { blobKey: key, ...content });
    if (outcome.status === "skipped") await store.delete(key);
    return outcome;
  } catch (error) {
    await deleteUnreferencedBlob(store, key);
    throw error;
  }
}

/**
 * After a failed commit: deletes the blob unless a file entry uses it (content-addressed keys are
 * shared by identical files). When the database cannot say, the blob stays: a stray blob costs
 * space, a deleted one loses data.
 */
export async function deleteUnreferencedBlob(store: BlobStore, key: string): Promise<void> {
  const referenced = await getDb()
    .fileEntry.count({ where: { blobKey: key } })
    .catch(() => 1);
  if (referenced === 0) await store.delete(key).catch(() => {});
}
