import "server-only";
import type { FileHandle } from "node:fs/promises";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { type Configstore, FileStore } from "@tus/file-store";
import { ERRORS, Upload } from "@tus/server";
import { rememberedPerRequest } from "./request-infos";
import { RunningHashes } from "./running-hashes";
import { type BodyEnd, writeBody } from "./write-body";

/** Disk full, on the staging disk (ENOSPC, EDQUOT for a user quota). */
const isDiskFull = (error: unknown) =>
  ["ENOSPC", "EDQUOT"].includes((error as NodeJS.ErrnoException | null)?.code ?? "");

/**
 * A PATCH whose bytes could not all be made durable (a write or fdatasync failed, e.g. EIO): none
 * of them is acknowledged, and the client resumes from the offset HEAD reports (tus clients
 * retry a 503).
 */
export const STORAGE_ERROR = {
  status_code: 503,
  body: JSON.stringify({
    error:
      "This part of the upload could not be stored safely (a disk error on the server). Nothing of it was kept: resume the upload from the offset the server reports.",
    code: "unavailable",
  }),
};

/** As STORAGE_ERROR, when even cutting the staged file back failed: the upload was removed. */
const STORAGE_LOST_ERROR = {
  status_code: 503,
  body: JSON.stringify({
    error:
      "This upload could not be stored safely (a disk error on the server), so its partial data was removed. Send the file again later.",
    code: "unavailable",
  }),
};

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
  /** The `.json` infos as stored, not remembered (see rememberedPerRequest). */
  private readonly storedInfos: Configstore;

  constructor(options: ConstructorParameters<typeof FileStore>[0]) {
    super(options);
    this.storedInfos = this.configstore;
    this.configstore = rememberedPerRequest(this.storedInfos);
  }

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

  /** tus's DataStore entry point; the tus server itself calls append (see createTusServer). */
  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    return this.append(Readable.toWeb(readable) as unknown as ReadableStream<Uint8Array>, id, offset);
  }

  /**
   * Appends a request body at `offset` (see writeBody: straight from the socket's Node stream or
   * the request's web stream, in large writes), hashing each piece once it is on disk (see RunningHashes), so the
   * checksum always matches the staged bytes. Rule: the new offset is returned (and so
   * acknowledged to the client) only once every byte below it is durable (fdatasync, flushed
   * in the background while the body arrives, see writeBody), also when the body ended early, so
   * the offset HEAD reports next is not lost by a power cut either. Bytes that did not reach the
   * disk before a crash are simply not there when the client asks for the offset (tus reads it
   * from the staged file's size), and it sends them again.
   *
   * Like tus's own writer: beyond `maxBytes` the request fails with 413 after what fits was
   * written; when `signal` aborts (another request for this upload asked for the lock) it stops
   * reading and keeps what arrived; when the client's connection drops, what arrived is kept and
   * the client resumes from the new offset. A full disk deletes the upload (507). When a write or
   * a sync fails otherwise (EIO), the staged file is cut back to `offset` (the last acknowledged
   * offset, durable since the previous PATCH) and synced, so the next HEAD reports only durable
   * bytes and the PATCH can be sent again (503); were even that to fail, the upload is removed.
   */
  async append(
    body: ReadableStream<Uint8Array> | Readable | null,
    id: string,
    offset: number,
    { maxBytes, signal }: { maxBytes?: number; signal?: AbortSignal } = {},
  ): Promise<number> {
    if (signal?.aborted) throw ERRORS.ABORTED;
    let hash = this.hashes.continueAt(id, offset);
    let written = 0;
    let handle: FileHandle | undefined;
    let end: BodyEnd;
    try {
      handle = await fsp.open(path.join(this.directory, id), "r+");
      end = await writeBody(body, handle, offset, {
        maxBytes,
        signal,
        durable: true,
        onWritten: (piece) => {
          hash?.update(piece);
          written += piece.length;
        },
      });
    } catch (error) {
      hash = null; // it covers bytes that are cut away now
      if (isDiskFull(error)) {
        await this.removeUpload(id);
        throw DISK_FULL_ERROR;
      }
      if (handle && (await cutBack(handle, offset))) throw STORAGE_ERROR;
      await this.removeUpload(id);
      throw STORAGE_LOST_ERROR;
    } finally {
      await handle?.close().catch(() => {});
      if (hash) this.hashes.keep(id, hash, offset + written);
    }
    if (end === "too-large") throw ERRORS.ERR_MAX_SIZE_EXCEEDED;
    if (end === "dropped") throw ERRORS.ABORTED;
    return offset + written;
  }

  /**
   * Makes whatever the staged file holds durable before it is reported or finished. Rule: an
   * offset HEAD reports is durable. A PATCH syncs its own bytes before answering, but one cut off
   * by a crash of the process may have left written, unsynced bytes that tus (which takes the
   * offset from the file's size) would report and a finishing step would commit. A missing file
   * is fine (nothing to report); a failed sync is a 503 (STORAGE_ERROR), never an offset.
   */
  async syncStaged(id: string): Promise<void> {
    let handle: FileHandle | undefined;
    try {
      handle = await fsp.open(path.join(this.directory, id), "r+");
      await handle.datasync();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw STORAGE_ERROR;
    } finally {
      await handle?.close().catch(() => {});
    }
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
      // Read anew: the info remembered from earlier in this request may have been deleted since.
      const info = error === ERRORS.FILE_NO_LONGER_EXISTS ? await this.storedInfos.get(id) : undefined;
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

/** Truncates the staged file to `size` and makes that durable; false when the disk refused. */
async function cutBack(handle: FileHandle, size: number): Promise<boolean> {
  try {
    await handle.truncate(size);
    await handle.datasync();
    return true;
  } catch {
    return false;
  }
}

/** Deletes an upload's staged bytes and its `.json` info, whatever is left of them. */
export async function removeStaged(directory: string, id: string): Promise<void> {
  await fsp.rm(path.join(directory, id), { force: true });
  await fsp.rm(path.join(directory, `${id}.json`), { force: true });
}
