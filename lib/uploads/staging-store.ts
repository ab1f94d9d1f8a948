import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FileStore } from "@tus/file-store";
import { ERRORS, Upload } from "@tus/server";

/** Disk full, on the staging disk (ENOSPC, EDQUOT for a user quota). */
const isDiskFull = (error: unknown) => ["ENOSPC", "EDQUOT"].includes((error as NodeJS.ErrnoException | null)?.code ?? "");

export const DISK_FULL_ERROR = {
  status_code: 507,
  body: JSON.stringify({ error: "The server is out of storage space, so this upload was stopped and its partial data removed. Try again later.", code: "insufficient_storage" }),
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
      await removeStaged(this.directory, upload.id);
      throw DISK_FULL_ERROR;
    }
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const file = path.join(this.directory, id);
    let received = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(readable, count, fs.createWriteStream(file, { flags: "r+", start: offset }));
    } catch (error) {
      if (isDiskFull(error)) {
        await removeStaged(this.directory, id);
        throw DISK_FULL_ERROR;
      }
      // Like tus's FileStore: keep what arrived (the client resumes from the new offset).
      throw ERRORS.FILE_WRITE_ERROR;
    }
    return offset + received;
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
      return new Upload({ id, size: info.size, offset: info.size ?? 0, metadata: info.metadata, creation_date: info.creation_date });
    }
  }
}

/** Deletes an upload's staged bytes and its `.json` info, whatever is left of them. */
export async function removeStaged(directory: string, id: string): Promise<void> {
  await fsp.rm(path.join(directory, id), { force: true });
  await fsp.rm(path.join(directory, `${id}.json`), { force: true });
}
