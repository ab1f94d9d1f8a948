import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { type Readable, Transform } from "node:stream";
import type { Actor } from "@/lib/access";
import { getBlobStore } from "@/lib/storage";
import { commitFile } from "./commit-upload";
import type { ClashPolicy, UploadOutcome } from "./entry-types";
import { blobKeyFor } from "./entry-model";
import { sha256OfFile } from "./hash-file";
import { loadEntry } from "./load-entry";

export type FileTarget = { folderId: string; segments: string[]; onClash: ClashPolicy };
export type FileSource = { path: string } | { stream: Readable };

async function putHashed(key: string, source: FileSource): Promise<{ size: number; sha256: string }> {
  const store = getBlobStore();
  if ("path" in source) {
    const sha256 = await sha256OfFile(source.path);
    const { size } = await store.putFile(key, source.path, { move: true });
    return { size, sha256 };
  }
  const hash = createHash("sha256");
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  source.stream.on("error", (error) => hashing.destroy(error));
  const { size } = await store.put(key, source.stream.pipe(hashing));
  return { size, sha256: hash.digest("hex") };
}

/**
 * Stores content as a file (the end of every upload, and the seed): the bytes go to a new blob
 * key first, where nothing refers to them, then the database row is committed; if that fails or
 * the clash policy skips the file, the blob is deleted. A staged `path` is moved, not copied.
 * The names in `target.segments` must already be validated.
 */
export async function storeFile(actor: Actor, target: FileTarget, source: FileSource): Promise<UploadOutcome> {
  const folder = await loadEntry(actor, target.folderId, "write", { kind: "folder" });
  const key = blobKeyFor(folder.workspaceId, randomBytes(16).toString("hex"));
  const store = getBlobStore();
  try {
    const content = await putHashed(key, source);
    const outcome = await commitFile(actor, target, { blobKey: key, ...content });
    if (outcome.status === "skipped") await store.delete(key);
    return outcome;
  } catch (error) {
    await store.delete(key).catch(() => {});
    throw error;
  }
}
