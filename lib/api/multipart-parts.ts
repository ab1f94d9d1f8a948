import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { FileHandle } from "node:fs/promises";
import fsp from "node:fs/promises";
import path from "node:path";
import { copyRanges } from "@/lib/storage/copy-ranges";
import { LEASE_BUSY, withHeldLease } from "@/lib/uploads/held-lease";
import { uploadLeaseMs } from "@/lib/uploads/settings";
import { conflict } from "@/lib/util/errors";

// How a multipart upload's parts are kept in its folder. Parts that arrive in order (1, 2, 3, …:
// what nearly every client does) are appended to one file, `assembled`, as their bytes arrive;
// `assembled.json` lists the sizes of the parts it holds, so `assembled` is the upload as it will
// be ingested and completing copies nothing. A part that arrives out of order, while another part
// is being appended, or again after it was appended, is kept in its own file `part-NNNNN`, which
// takes precedence over the same part in `assembled`; completing then joins the pieces once.

/** One part as stored: `size` bytes of `file` from `offset`. */
export type PartPiece = { partNumber: number; size: number; file: string; offset: number };
/** Receives the part's bytes into `file` from `position`; resolves with the number of bytes written, or rejects (nothing counts). */
export type ReceivePart = (file: FileHandle, position: number) => Promise<number>;

export const partFile = (dir: string, n: number) => path.join(dir, `part-${String(n).padStart(5, "0")}`);
const assembledFile = (dir: string) => path.join(dir, "assembled");
const assembledList = (dir: string) => path.join(dir, "assembled.json");
const appendLease = (dir: string) => `multipart-append:${path.basename(dir).replace(/\.completing$/, "")}`;
const total = (sizes: number[]) => sizes.reduce((sum, size) => sum + size, 0);

/** The sizes of the parts in `assembled` (part 1 first); none when nothing was appended yet. */
async function assembledSizes(dir: string): Promise<number[]> {
  try {
    return (JSON.parse(await fsp.readFile(assembledList(dir), "utf8")) as { sizes: number[] }).sizes;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await fsp.access(dir); // the folder itself gone (completed, aborted) propagates as ENOENT
    return [];
  }
}

async function writeAssembledSizes(dir: string, sizes: number[]): Promise<void> {
  const temp = `${assembledList(dir)}.tmp`;
  await fsp.writeFile(temp, JSON.stringify({ sizes }));
  await fsp.rename(temp, assembledList(dir));
}

/** Every part of the upload, in part-number order: its own file when it has one, else its bytes in `assembled`. */
export async function storedParts(dir: string): Promise<PartPiece[]> {
  const sizes = await assembledSizes(dir);
  const names = (await fsp.readdir(dir)).filter((n) => /^part-\d{5}$/.test(n));
  const pieces = new Map<number, PartPiece>();
  let offset = 0;
  sizes.forEach((size, i) => {
    pieces.set(i + 1, { partNumber: i + 1, size, file: assembledFile(dir), offset });
    offset += size;
  });
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const partNumber = Number(name.slice(5));
      pieces.set(partNumber, { partNumber, size: (await fsp.stat(file)).size, file, offset: 0 });
    }),
  );
  return [...pieces.values()].sort((a, b) => a.partNumber - b.partNumber);
}

/**
 * Stores part `partNumber`: appended to `assembled` when it is the next part in order and no other
 * part is being appended (under a lease, so two requests or instances never append at once), else
 * in its own file (written under a temporary name, renamed once whole). Either way a part that
 * does not arrive whole leaves the parts already stored as they were.
 */
export async function storePart(dir: string, partNumber: number, receive: ReceivePart): Promise<number> {
  const appended = await withHeldLease(appendLease(dir), { leaseMs: uploadLeaseMs(), waitMs: 0 }, () =>
    appendInOrder(dir, partNumber, receive),
  );
  if (appended !== LEASE_BUSY && appended !== null) return appended;
  return writeOwnFile(dir, partNumber, receive);
}

async function appendInOrder(dir: string, partNumber: number, receive: ReceivePart): Promise<number | null> {
  const sizes = await assembledSizes(dir);
  if (partNumber !== sizes.length + 1) return null;
  const position = total(sizes);
  const file = await fsp.open(assembledFile(dir), fs.constants.O_RDWR | fs.constants.O_CREAT);
  try {
    await file.truncate(position); // bytes of an append that failed (or a process that died) mid-way
    let size: number;
    try {
      size = await receive(file, position);
    } catch (error) {
      await file.truncate(position).catch(() => {});
      throw error;
    }
    // The list may only name bytes that survive a crash of the machine: after one, a listed part whose bytes were
    // still in the page cache would be missing (or, cut to the listed length, zeros).
    await file.datasync();
    await writeAssembledSizes(dir, [...sizes, size]);
    await fsp.rm(partFile(dir, partNumber), { force: true }); // an older copy sent out of order
    return size;
  } finally {
    await file.close();
  }
}

async function writeOwnFile(dir: string, partNumber: number, receive: ReceivePart): Promise<number> {
  const target = partFile(dir, partNumber);
  const temp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const file = await fsp.open(temp, "wx");
    let size: number;
    try {
      size = await receive(file, 0);
      await file.datasync(); // the part's name appears only once its bytes are durable
    } finally {
      await file.close();
    }
    await fsp.rename(temp, target);
    return size;
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Runs `claim` (which moves the upload's folder away) only while no part is being appended, so
 * no bytes arrive in the upload after it was claimed: waits up to UPLOAD_LOCK_LEASE_MS for a part
 * still arriving (the lease of a crashed instance runs out by then), else 409.
 */
export async function withNoPartArriving<T>(dir: string, claim: () => Promise<T>): Promise<T> {
  const leaseMs = uploadLeaseMs();
  const result = await withHeldLease(appendLease(dir), { leaseMs, waitMs: leaseMs }, claim);
  if (result === LEASE_BUSY)
    throw conflict("A part of this upload is still arriving; complete the upload once every part was answered.");
  return result;
}

/**
 * The upload as one file. When every part is in `assembled`, in order, that file is the upload
 * (cut to the parts it lists: bytes past them are from an append that never finished); otherwise
 * the parts are copied once into `joined` (under a temporary name), leaving the
 * parts untouched so a completion retried after a crash can start over.
 */
export async function assembleParts(dir: string, joined: string): Promise<string> {
  const parts = await storedParts(dir);
  const assembled = assembledFile(dir);
  if (parts.every((p) => p.file === assembled)) {
    const size = total(parts.map((p) => p.size));
    // Cutting to a length beyond the file would pad it with zeros, ingested as if they had been sent.
    if ((await fsp.stat(assembled)).size < size)
      throw conflict(
        "Parts of this upload were lost on the server (it stopped before they reached the disk): the joined parts are shorter than recorded. Start a new upload.",
      );
    await fsp.truncate(assembled, size);
    return assembled;
  }
  const temp = `${joined}.tmp`;
  await fsp.rm(temp, { force: true });
  await copyRanges(parts, temp);
  await fsp.rename(temp, joined);
  return joined;
}
