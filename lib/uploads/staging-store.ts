import "server-only";
import type { FileHandle } from "node:fs/promises";
import fsp from "node:fs/promises";
import path from "node:path";
import { type Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FileStore } from "@tus/file-store";
import { ERRORS, Upload } from "@tus/server";
import { RunningHashes } from "./running-hashes";

/** Pieces of a PATCH body that queue up while a write is on its way go to disk in one call. */
const WRITE_BATCH_BYTES = 4 * 1024 * 1024;

/** Writes `pieces` at `position` (all of them: a short write continues), reporting each part once it is on disk. */
async function writeAt(
  file: FileHandle,
  pieces: Buffer[],
  position: number,
  onWritten: (part: Buffer) => void,
): Promise<void> {
  let rest = pieces;
  while (rest.length > 0) {
    const { bytesWritten } = await file.writev(rest, position);
    if (bytesWritten === 0) throw Object.assign(new Error("The staging disk accepted no bytes."), { code: "EIO" });
    position += bytesWritten;
    let left = bytesWritten;
    const next: Buffer[] = [];
    for (const piece of rest) {
      if (left >= piece.length) {
        onWritten(piece);
        left -= piece.length;
      } else {
        if (left > 0) onWritten(piece.subarray(0, left));
        next.push(piece.subarray(left));
        left = 0;
      }
    }
    rest = next;
  }
}

/** Disk full, on the staging disk (ENOSPC, EDQUOT for a user quota). */
const isDiskFull = (error: unknown) =>
  ["ENOSPC", "EDQUOT"].includes((error as NodeJS.ErrnoException | null)?.code ?? "");

export const DISK_FULL_ERROR = {
  status_code: 507,
  body: JSON.stringify({
    error:
      "The server is out of storage space, so this upload was stopped and its partial data removed. Try again later.",
    code: "insufficient_storage",
  }),
};

/**
 * tus's FileStore, except when the disk fills up (creating an upload or while bytes arrive): tus
 * would answer a bare 500 and keep the partial bytes (holding the space that ran out); this
 * deletes the whole staged upload and answers 507 with a plain message. The client's cancel
 * (DELETE) still succeeds.
 */
export class StagingStore extends FileStore {
  override async create(upload: Upload): Promise<Upload> {
    try {
      return await super.create(upload);
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      await this.removeUpload(upload.id);
      throw DISK_FULL_ERROR;
    }
  }

  /** The running SHA-256 of each upload this instance received bytes for. */
  readonly hashes = new RunningHashes();

  /**
   * Appends a PATCH body at `offset`, hashing each piece once it is on disk (see RunningHashes),
   * so the checksum always matches the staged bytes, also when the client's connection drops.
   */
  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const hash = this.hashes.continueAt(id, offset);
    let written = 0;
    let handle: FileHandle | undefined;
    try {
      handle = await fsp.open(path.join(this.directory, id), "r+");
      const file = handle;
      const sink = new Writable({
        highWaterMark: WRITE_BATCH_BYTES,
        writev(chunks, done) {
          writeAt(
            file,
            chunks.map((c) => c.chunk as Buffer),
            offset + written,
            (piece) => {
              hash?.update(piece);
              written += piece.length;
            },
          ).then(() => done(), done);
        },
      });
      await pipeline(readable, sink);
    } catch (error) {
      if (isDiskFull(error)) {
        await this.removeUpload(id);
        throw DISK_FULL_ERROR;
      }
      // Like tus's FileStore: keep what arrived (the client resumes from the new offset).
      throw ERRORS.FILE_WRITE_ERROR;
    } finally {
      await handle?.close();
      if (hash) this.hashes.keep(id, hash, offset + written);
    }
    return offset + written;
  }

  override async remove(id: string): Promise<void> {
    this.hashes.forget(id);
    await super.remove(id);
  }

  private async removeUpload(id: string): Promise<void> {
    this.hashes.forget(id);
    await removeStaged(this.directory, id);
  }

  /**
   * An upload whose staged bytes are gone while its info is still there has all its bytes: only
   * the finishing step moves them out (into the blob store). tus reads it back after finishing a
   * zero-byte upload in its POST.
   */
  override async getUpload(id: string): Promise<Upload> {
    try {
      return await super.getUpload(id);
    } catch (error) {
      const info = error === ERRORS.FILE_NO_LONGER_EXISTS ? await this.configstore.get(id) : undefined;
      if (!info) throw error;
      return new Upload({
        id,
        size: info.size,
        offset: info.size ?? 0,
        metadata: info.metadata,
        creation_date: info.creation_date,
      });
    }
  }
}

/** Deletes an upload's staged bytes and its `.json` info, whatever is left of them. */
export async function removeStaged(directory: string, id: string): Promise<void> {
  await fsp.rm(path.join(directory, id), { force: true });
  await fsp.rm(path.join(directory, `${id}.json`), { force: true });
}
