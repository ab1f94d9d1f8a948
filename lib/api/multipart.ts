import "server-only";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { catalogConfig } from "@/lib/catalog/config";
import { loadDataset } from "@/lib/catalog/load-dataset";
import { type IngestOptions, ingestOptionsSchema } from "@/lib/catalog/ingest/ingest-options";
import { SOURCE_FORMATS, parseColumns } from "@/lib/catalog/types";
import { getDb } from "@/lib/db";
import type { FileHandle } from "node:fs/promises";
import { LEASE_BUSY, withHeldLease } from "@/lib/uploads/held-lease";
import { testMultipartDelayMs, uploadLeaseMs } from "@/lib/uploads/settings";
import { stagingDir } from "@/lib/uploads/staging";
import { writeBody } from "@/lib/uploads/write-body";
import { assembleParts, storePart, storedParts, withNoPartArriving } from "./multipart-parts";
import { AppError, conflict, invalid, notFound } from "@/lib/util/errors";
import { findDatasetId } from "./namespaces";
import { type WriteResult, writeDatasetFile } from "./write-dataset";
import { numberSetting } from "@/lib/config/number-settings";

export const initiateBodySchema = z.object({
  format: z
    .enum(SOURCE_FORMATS, { error: `format is one of ${SOURCE_FORMATS.join(", ")}.` })
    .describe("the format of the concatenated parts"),
  mode: z
    .enum(["append", "replace"], { error: 'mode is "append" or "replace".' })
    .default("append")
    .describe("append rows (same columns) or replace the data with a new version"),
  options: ingestOptionsSchema
    .optional()
    .describe(
      "how to read the file: CSV/TSV delimiter, header, quote and encoding; per column a new name and/or type (a value that does not fit is refused, 422 naming the column, value and row)",
    ),
});

export const partNumberSchema = z.coerce
  .number({ error: "The part number is a number." })
  .int()
  .min(1, "Parts are numbered from 1.")
  .max(10_000, "At most 10,000 parts.");
export const uploadIdSchema = z.string().regex(/^[a-f0-9]{32}$/, "Not an upload id.");

type Meta = {
  userId: string;
  datasetId: string;
  workspaceId: string;
  format: (typeof SOURCE_FORMATS)[number];
  mode: "append" | "replace";
  options?: IngestOptions;
  createdAt: number;
};

const EXPIRE_MS = numberSetting("UPLOAD_EXPIRE_HOURS") * 3_600_000;
// Staged where every instance sees it (UPLOAD_DIR), so parts may reach any instance.
const root = () => stagingDir("multipart");

/** A completed upload's answer, kept as `<id>.done.json` for UPLOAD_EXPIRE_HOURS so a retried complete gets it again. */
type Done = { userId: string; datasetId: string; createdAt: number; result: WriteResult & { uploadId: string } };
/** Written when completing claims an upload: what a retry needs to tell whether the interrupted attempt wrote the dataset. */
type Claim = { claimedAt: number; baseVersion: number };

const isMissing = (error: unknown) =>
  ["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException | null)?.code ?? "");
/** A JSON file, or null when it does not exist; any other failure (disk, permissions) propagates. */
async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await fsp.readFile(file, "utf8")) as T;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

const completingDir = (id: string) => path.join(root(), `${id}.completing`);
const doneFile = (id: string) => path.join(root(), `${id}.done.json`);
const abortedDir = (id: string) => path.join(root(), `${id}.aborted-${randomBytes(4).toString("hex")}`);

/**
 * Deletes multipart uploads abandoned longer than UPLOAD_EXPIRE_HOURS, completions interrupted
 * that long ago, answers kept that long, the `*.completing-*` folders older versions left, and
 * aborted uploads whose deletion was cut short (checked when an upload starts, and by the hourly upload sweep).
 */
export async function expireAbandonedMultipart(now = Date.now()): Promise<number> {
  const names = await fsp.readdir(root()).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const entry = path.join(root(), name);
    const createdAt = name.endsWith(".done.json")
      ? (await readJson<Done>(entry).catch(() => null))?.createdAt
      : ((await readJson<Meta>(path.join(entry, "meta.json")).catch(() => null))?.createdAt ??
        (await fsp.stat(entry).catch(() => null))?.mtimeMs);
    // An aborted upload whose deletion was cut short (a crash) is deleted at once.
    if (createdAt === undefined || now - createdAt > EXPIRE_MS || name.includes(".aborted-")) {
      await fsp.rm(entry, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

const gone = () => notFound("Upload not found: it was aborted or has expired.");

/** Another request completed or aborted the upload meanwhile (its folder is gone): 404, like any gone upload. */
function goneIfMissing(error: unknown): never {
  throw isMissing(error) ? gone() : error;
}

/** An upload that is no longer open because it was (or is being) completed says so (409), to its owner only. */
async function explainMissing(actor: Actor, uploadId: string): Promise<void> {
  if ((await readJson<Done>(doneFile(uploadId)))?.userId === actor.id)
    throw conflict("This upload was already completed; start a new upload to add more data.");
  if ((await readJson<Meta>(path.join(completingDir(uploadId), "meta.json")))?.userId === actor.id)
    throw conflict("This upload is being completed; send complete again to get its result.");
}

/** The dataset at {owner}/{namespace}/{datasetName} if the caller may write it: a stranger gets 404, a viewer 403 (lib/access decides). */
async function writableDataset(actor: Actor, owner: string, namespace: string, datasetName: string) {
  const id = await findDatasetId(owner, namespace, datasetName).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? notFound("Dataset not found") : error;
  });
  return (await loadDataset(actor, { id }, "write")).dataset;
}

/**
 * Rule: a multipart upload belongs to the user who started it and to the dataset in its path;
 * anyone else, another dataset's path or an expired upload get the same 404. Write access to the
 * dataset is checked again on every request, so a revoked editor is stopped mid-upload.
 */
async function ownUpload(
  actor: Actor,
  owner: string,
  namespace: string,
  datasetName: string,
  uploadId: string,
  dir = path.join(root(), uploadId),
) {
  if (!uploadIdSchema.safeParse(uploadId).success) throw gone();
  const meta = await readJson<Meta>(path.join(dir, "meta.json"));
  if (!meta) await explainMissing(actor, uploadId);
  if (!meta || meta.userId !== actor.id || Date.now() - meta.createdAt > EXPIRE_MS) throw gone();
  const dataset = await writableDataset(actor, owner, namespace, datasetName);
  if (dataset.id !== meta.datasetId) throw gone();
  return { dir, meta, dataset };
}

export async function initiateMultipart(
  actor: Actor,
  owner: string,
  namespace: string,
  datasetName: string,
  body: z.output<typeof initiateBodySchema>,
) {
  const dataset = await writableDataset(actor, owner, namespace, datasetName);
  await expireAbandonedMultipart();
  const uploadId = randomBytes(16).toString("hex");
  const dir = path.join(root(), uploadId);
  await fsp.mkdir(dir, { recursive: true });
  const meta: Meta = {
    userId: actor.id,
    datasetId: dataset.id,
    workspaceId: dataset.workspaceId,
    format: body.format,
    mode: body.mode,
    ...(body.options ? { options: body.options } : {}),
    createdAt: Date.now(),
  };
  await fsp.writeFile(path.join(dir, "meta.json"), JSON.stringify(meta));
  const base = `/api/v1/upload/multipart/${dataset.workspace.owner.username}/${dataset.workspace.slug}/${dataset.slug}/${uploadId}`;
  return {
    uploadId,
    format: body.format,
    mode: body.mode,
    ...(body.options ? { options: body.options } : {}),
    expiresOn: new Date(meta.createdAt + EXPIRE_MS).toISOString(),
    partUrl: `${base}/parts/{partNumber}`,
    completeUrl: `${base}/complete`,
    abortUrl: `${base}/abort`,
  };
}

/** The upload's parts; 404 when another request completed or aborted it meanwhile (its folder is gone). */
async function partSizes(dir: string): Promise<{ partNumber: number; size: number }[]> {
  try {
    return (await storedParts(dir)).map(({ partNumber, size }) => ({ partNumber, size }));
  } catch (error) {
    goneIfMissing(error);
  }
}

/**
 * Writes a part's body into `file` from `position`: its size, or a clear error when it is empty,
 * too large or cut off. Resolves once the bytes are durable: what arrived earlier is synced while
 * later bytes arrive, so storing the part has only the last batch left to flush.
 */
async function receiveBody(
  body: ReadableStream<Uint8Array> | Readable,
  file: FileHandle,
  position: number,
  maxBytes: number,
): Promise<number> {
  let size = 0;
  const end = await writeBody(body, file, position, {
    maxBytes,
    durable: true,
    onWritten: (piece) => (size += piece.length),
  });
  if (end === "too-large")
    throw new AppError(
      "too_large",
      `The upload is larger than the ${catalogConfig().maxUploadBytes} bytes a dataset upload may have.`,
    );
  if (end !== "complete") throw invalid("The part did not arrive whole (the connection dropped); send it again.");
  if (size === 0) throw invalid("The part is empty: send its bytes as the request body.");
  return size;
}

/**
 * Stores one part (the raw request body: the socket's own stream when the app's server handed it
 * over, see takeNodeBody); sending a part number again replaces that part.
 */
export async function uploadPart(
  actor: Actor,
  owner: string,
  namespace: string,
  datasetName: string,
  uploadId: string,
  partNumber: number,
  body: ReadableStream<Uint8Array> | Readable | null,
) {
  const { dir } = await ownUpload(actor, owner, namespace, datasetName, uploadId);
  if (!body) throw invalid("The part is empty: send its bytes as the request body.");
  const max = catalogConfig().maxUploadBytes;
  const already = (await partSizes(dir)).filter((p) => p.partNumber !== partNumber).reduce((sum, p) => sum + p.size, 0);
  try {
    const size = await storePart(dir, partNumber, (file, position) => receiveBody(body, file, position, max - already));
    return { uploadId, partNumber, size };
  } catch (error) {
    // Completed or aborted while this part streamed in: the part was not stored, and the owner is told why.
    if (isMissing(error)) await explainMissing(actor, uploadId);
    goneIfMissing(error);
  }
}

export async function listParts(actor: Actor, owner: string, namespace: string, datasetName: string, uploadId: string) {
  const { dir, meta } = await ownUpload(actor, owner, namespace, datasetName, uploadId);
  return { uploadId, format: meta.format, mode: meta.mode, parts: await partSizes(dir) };
}

/**
 * Whether the stored parts make an upload that may be ingested: numbered 1..n without gaps, and
 * together within CATALOG_MAX_UPLOAD_BYTES. Rule: the size limit holds for the upload as joined.
 * Each PUT checks it against the parts stored when it starts, which parts sent in parallel
 * cannot see of each other; this check, made under the claim, is the one that cannot be outrun.
 */
function checkComplete(parts: { partNumber: number; size: number }[]): void {
  if (parts.length === 0) throw invalid("Upload at least one part before completing.");
  const gap = parts.findIndex((p, i) => p.partNumber !== i + 1);
  if (gap >= 0) throw invalid(`Part ${gap + 1} is missing: parts must be numbered 1 to ${parts.length} without gaps.`);
  const bytes = parts.reduce((sum, p) => sum + p.size, 0);
  const max = catalogConfig().maxUploadBytes;
  if (bytes > max)
    throw new AppError(
      "too_large",
      `The parts add up to ${bytes} bytes, more than the ${max} bytes a dataset upload may have; send smaller parts again or start a new upload.`,
    );
}

/**
 * Joins the parts in part-number order (they must be 1..n without gaps) and writes the result
 * as the dataset's next version through the catalog's ingest, which checks write access again
 * and refuses an append whose columns differ (422 naming them). Completing claims the upload by
 * renaming its folder to `<id>.completing` (only one request can), and works under a lease with a
 * heartbeat. Rule: a retried complete never writes the rows twice and never answers a vague 404:
 * - after success it gets the same answer (kept for UPLOAD_EXPIRE_HOURS);
 * - while another request is completing it, 409 saying so (ask again later);
 * - after a crash (the lease ran out) it finishes the job, or, if the interrupted attempt had
 *   already written the version, answers with that version.
 * A failure (bad data, access withdrawn) ends the upload: its parts are deleted.
 */
export async function completeMultipart(
  actor: Actor,
  owner: string,
  namespace: string,
  datasetName: string,
  uploadId: string,
): Promise<WriteResult & { uploadId: string }> {
  if (!uploadIdSchema.safeParse(uploadId).success) throw gone();
  const done = await readJson<Done>(doneFile(uploadId));
  if (done && done.userId === actor.id) {
    const dataset = await writableDataset(actor, owner, namespace, datasetName);
    if (dataset.id === done.datasetId) return done.result;
  }
  const outcome = await withHeldLease(
    `multipart-complete:${uploadId}`,
    { leaseMs: uploadLeaseMs(), waitMs: 0 },
    async () => {
      const finished = await readJson<Done>(doneFile(uploadId)); // completed while this request waited
      if (finished && finished.userId === actor.id) return finished.result;
      const claimed = completingDir(uploadId);
      let claim = await readJson<Claim>(path.join(claimed, "claim.json"));
      const { meta, dataset } = await ownUpload(
        actor,
        owner,
        namespace,
        datasetName,
        uploadId,
        claim ? claimed : undefined,
      );
      if (!claim) {
        const open = path.join(root(), uploadId);
        claim = await withNoPartArriving(open, async () => {
          checkComplete(await partSizes(open)); // refused before the claim, so the client can send the missing part
          const made: Claim = { claimedAt: Date.now(), baseVersion: dataset.version };
          try {
            await fsp.writeFile(path.join(open, "claim.json"), JSON.stringify(made));
            await fsp.rename(open, claimed);
          } catch (error) {
            goneIfMissing(error); // aborted meanwhile: the folder went at either step
          }
          return made;
        });
      } else {
        const written = await versionWrittenSince(actor, uploadId, meta, claim, `${datasetName}.${meta.format}`);
        if (written) return record(uploadId, meta, written);
      }
      const delay = testMultipartDelayMs();
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        const result = await joinAndWrite(actor, claimed, meta, datasetName);
        return await record(uploadId, meta, { uploadId, ...result });
      } catch (error) {
        await fsp.rm(claimed, { recursive: true, force: true });
        throw error;
      }
    },
  );
  if (outcome === LEASE_BUSY)
    throw conflict(
      "This upload is being completed by another request right now; ask again in a moment for its result.",
    );
  return outcome;
}

async function joinAndWrite(actor: Actor, dir: string, meta: Meta, datasetName: string): Promise<WriteResult> {
  const joined = await assembleParts(dir, path.join(dir, `data.${meta.format}`));
  return writeDatasetFile(
    actor,
    { workspaceId: meta.workspaceId, mode: meta.mode, datasetId: meta.datasetId },
    { path: joined, name: `${datasetName}.${meta.format}`, format: meta.format, options: meta.options },
  );
}

/**
 * Keeps the answer for retries, then deletes the parts once the answer is on its way: unlinking
 * a 313 MiB file took 100 ms here (a filesystem mounted with `discard` trims on delete), 2–4% of
 * an ingest. Nothing waits for it: a retried complete is answered from `<id>.done.json`, and a
 * folder left by a stop before it went is deleted by the expiry sweep.
 */
async function record(
  uploadId: string,
  meta: Meta,
  result: WriteResult & { uploadId: string },
): Promise<WriteResult & { uploadId: string }> {
  const done: Done = { userId: meta.userId, datasetId: meta.datasetId, createdAt: Date.now(), result };
  await fsp.writeFile(`${doneFile(uploadId)}.tmp`, JSON.stringify(done));
  await fsp.rename(`${doneFile(uploadId)}.tmp`, doneFile(uploadId));
  fsp
    .rm(completingDir(uploadId), { recursive: true, force: true })
    .catch((error: unknown) => console.error("Deleting a completed upload's parts failed", error));
  return result;
}

/**
 * The version an interrupted completion wrote before its process died, if it got that far: the
 * first version after the one current at the claim, made by this user from this upload's file
 * name at or after the claim.
 */
async function versionWrittenSince(
  actor: Actor,
  uploadId: string,
  meta: Meta,
  claim: Claim,
  sourceName: string,
): Promise<(WriteResult & { uploadId: string }) | null> {
  const version = await getDb().datasetVersion.findFirst({
    where: {
      datasetId: meta.datasetId,
      number: { gt: claim.baseVersion },
      createdById: actor.id,
      sourceName,
      createdAt: { gte: new Date(claim.claimedAt) },
    },
    orderBy: { number: "asc" },
  });
  if (!version) return null;
  const columns = parseColumns(version.columns);
  return {
    uploadId,
    datasetId: meta.datasetId,
    version: version.number,
    rowsAdded: Number(version.addedRows),
    rowCount: Number(version.rowCount),
    columns,
  };
}

/**
 * Discards an open upload. Rule: an abort and a complete of one upload never both take effect,
 * and an abort never deletes a part a complete is reading. Like completing, aborting first takes
 * the upload's folder in one rename (to `<id>.aborted-<random>`): whichever rename comes first
 * wins, the other request finds the folder gone and says so (409 "being completed", or 404).
 * Only the folder taken is then deleted.
 */
export async function abortMultipart(
  actor: Actor,
  owner: string,
  namespace: string,
  datasetName: string,
  uploadId: string,
): Promise<void> {
  const { dir } = await ownUpload(actor, owner, namespace, datasetName, uploadId);
  const taken = abortedDir(uploadId);
  try {
    await fsp.rename(dir, taken);
  } catch (error) {
    if (isMissing(error)) await explainMissing(actor, uploadId);
    goneIfMissing(error);
  }
  await fsp.rm(taken, { recursive: true, force: true });
}
