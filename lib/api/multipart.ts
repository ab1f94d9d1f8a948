import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { catalogConfig } from "@/lib/catalog/config";
import { loadDataset } from "@/lib/catalog/load-dataset";
import { SOURCE_FORMATS } from "@/lib/catalog/types";
import { stagingDir } from "@/lib/uploads/staging";
import { AppError, invalid, notFound } from "@/lib/util/errors";
import { findDatasetId } from "./namespaces";
import { type WriteResult, writeDatasetFile } from "./write-dataset";

export const initiateBodySchema = z.object({
  format: z.enum(SOURCE_FORMATS, { error: `format is one of ${SOURCE_FORMATS.join(", ")}.` }).describe("the format of the concatenated parts"),
  mode: z.enum(["append", "replace"], { error: 'mode is "append" or "replace".' }).default("append").describe("append rows (same columns) or replace the data with a new version"),
});

export const partNumberSchema = z.coerce.number({ error: "The part number is a number." }).int().min(1, "Parts are numbered from 1.").max(10_000, "At most 10,000 parts.");
export const uploadIdSchema = z.string().regex(/^[a-f0-9]{32}$/, "Not an upload id.");

type Meta = { userId: string; datasetId: string; workspaceId: string; format: (typeof SOURCE_FORMATS)[number]; mode: "append" | "replace"; createdAt: number };

const EXPIRE_MS = Number(process.env.UPLOAD_EXPIRE_HOURS || 24) * 3_600_000;
// Staged where every instance sees it (UPLOAD_DIR), so parts may reach any instance.
const root = () => stagingDir("multipart");
const partFile = (dir: string, n: number) => path.join(dir, `part-${String(n).padStart(5, "0")}`);

/** Abandoned multipart uploads are deleted after UPLOAD_EXPIRE_HOURS (checked when one starts). */
async function expireAbandoned(now = Date.now()): Promise<void> {
  const names = await fsp.readdir(root()).catch(() => [] as string[]);
  for (const name of names) {
    const meta = await fsp.readFile(path.join(root(), name, "meta.json"), "utf8").then((t) => JSON.parse(t) as Meta, () => null);
    if (!meta || now - meta.createdAt > EXPIRE_MS) await fsp.rm(path.join(root(), name), { recursive: true, force: true });
  }
}

const gone = () => notFound("Upload not found: it was completed, aborted or has expired.");

/** Another request completed or aborted the upload meanwhile (its folder is gone): 404, like any gone upload. */
function goneIfMissing(error: unknown): never {
  throw (error as NodeJS.ErrnoException).code === "ENOENT" ? gone() : error;
}

/** The dataset at {owner}/{namespace}/{datasetName} if the caller may write it: a stranger gets 404, a viewer 403 (lib/access decides). */
async function writableDataset(actor: Actor, owner: string, namespace: string, datasetName: string) {
  const id = await findDatasetId(owner, namespace, datasetName).catch(() => {
    throw notFound("Dataset not found");
  });
  return (await loadDataset(actor, { id }, "write")).dataset;
}

/**
 * Rule: a multipart upload belongs to the user who started it and to the dataset in its path;
 * anyone else, another dataset's path or an expired upload get the same 404. Write access to the
 * dataset is checked again on every request, so a revoked editor is stopped mid-upload.
 */
async function ownUpload(actor: Actor, owner: string, namespace: string, datasetName: string, uploadId: string): Promise<{ dir: string; meta: Meta }> {
  const id = uploadIdSchema.safeParse(uploadId);
  if (!id.success) throw gone();
  const dir = path.join(root(), id.data);
  const meta = await fsp.readFile(path.join(dir, "meta.json"), "utf8").then((t) => JSON.parse(t) as Meta, () => null);
  if (!meta || meta.userId !== actor.id || Date.now() - meta.createdAt > EXPIRE_MS) throw gone();
  const dataset = await writableDataset(actor, owner, namespace, datasetName);
  if (dataset.id !== meta.datasetId) throw gone();
  return { dir, meta };
}

export async function initiateMultipart(actor: Actor, owner: string, namespace: string, datasetName: string, body: z.output<typeof initiateBodySchema>) {
  const dataset = await writableDataset(actor, owner, namespace, datasetName);
  await expireAbandoned();
  const uploadId = randomBytes(16).toString("hex");
  const dir = path.join(root(), uploadId);
  await fsp.mkdir(dir, { recursive: true });
  const meta: Meta = { userId: actor.id, datasetId: dataset.id, workspaceId: dataset.workspaceId, format: body.format, mode: body.mode, createdAt: Date.now() };
  await fsp.writeFile(path.join(dir, "meta.json"), JSON.stringify(meta));
  const base = `/api/v1/upload/multipart/${dataset.workspace.owner.username}/${dataset.workspace.slug}/${dataset.slug}/${uploadId}`;
  return { uploadId, format: body.format, mode: body.mode, expiresOn: new Date(meta.createdAt + EXPIRE_MS).toISOString(), partUrl: `${base}/parts/{partNumber}`, completeUrl: `${base}/complete`, abortUrl: `${base}/abort` };
}

/** The upload's parts; 404 when another request completed or aborted it meanwhile (its folder is gone). */
async function partSizes(dir: string): Promise<{ partNumber: number; size: number }[]> {
  try {
    const names = (await fsp.readdir(dir)).filter((n) => /^part-\d{5}$/.test(n)).sort();
    return await Promise.all(names.map(async (n) => ({ partNumber: Number(n.slice(5)), size: (await fsp.stat(path.join(dir, n))).size })));
  } catch (error) {
    goneIfMissing(error);
  }
}

/** Stores one part (the raw request body); sending a part number again replaces that part. */
export async function uploadPart(actor: Actor, owner: string, namespace: string, datasetName: string, uploadId: string, partNumber: number, body: ReadableStream<Uint8Array> | null) {
  const { dir } = await ownUpload(actor, owner, namespace, datasetName, uploadId);
  if (!body) throw invalid("The part is empty: send its bytes as the request body.");
  const max = catalogConfig().maxUploadBytes;
  const already = (await partSizes(dir)).filter((p) => p.partNumber !== partNumber).reduce((sum, p) => sum + p.size, 0);
  const target = partFile(dir, partNumber);
  const temp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
  let size = 0;
  const limit = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.byteLength;
      if (already + size > max) controller.error(new AppError("too_large", `The upload is larger than the ${max} bytes a dataset upload may have.`));
      else controller.enqueue(chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body.pipeThrough(limit) as WebReadableStream<Uint8Array>), fs.createWriteStream(temp));
    if (size === 0) throw invalid("The part is empty: send its bytes as the request body.");
    await fsp.rename(temp, target);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    goneIfMissing(error); // completed or aborted while this part streamed in
  }
  return { uploadId, partNumber, size };
}

export async function listParts(actor: Actor, owner: string, namespace: string, datasetName: string, uploadId: string) {
  const { dir, meta } = await ownUpload(actor, owner, namespace, datasetName, uploadId);
  return { uploadId, format: meta.format, mode: meta.mode, parts: await partSizes(dir) };
}

function checkComplete(parts: { partNumber: number }[]): void {
  if (parts.length === 0) throw invalid("Upload at least one part before completing.");
  const gap = parts.findIndex((p, i) => p.partNumber !== i + 1);
  if (gap >= 0) throw invalid(`Part ${gap + 1} is missing: parts must be numbered 1 to ${parts.length} without gaps.`);
}

/**
 * Joins the parts in part-number order (they must be 1..n without gaps) and writes the result
 * as the dataset's next version through the catalog's ingest, which checks write access again
 * and refuses an append whose columns differ (422 naming them). The upload is gone afterwards,
 * whether it succeeded or not. Completing claims the upload first by renaming its folder, which
 * only one request can do, on any instance sharing UPLOAD_DIR: a second "complete" sent at the
 * same time (a client retry, a double click) gets 404 instead of appending the rows twice.
 */
export async function completeMultipart(actor: Actor, owner: string, namespace: string, datasetName: string, uploadId: string): Promise<WriteResult & { uploadId: string }> {
  const { dir: uploadDir, meta } = await ownUpload(actor, owner, namespace, datasetName, uploadId);
  checkComplete(await partSizes(uploadDir)); // refused before the claim, so the client can send the missing part
  const dir = `${uploadDir}.completing-${randomBytes(4).toString("hex")}`;
  await fsp.rename(uploadDir, dir).catch(goneIfMissing);
  const parts = await partSizes(dir); // parts may have been replaced until the claim, never removed
  const joined = path.join(dir, `data.${meta.format}`);
  try {
    const out = fs.createWriteStream(joined);
    for (const p of parts) await pipeline(fs.createReadStream(partFile(dir, p.partNumber)), out, { end: false });
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const result = await writeDatasetFile(actor, { workspaceId: meta.workspaceId, mode: meta.mode, datasetId: meta.datasetId }, { path: joined, name: `${datasetName}.${meta.format}`, format: meta.format });
    return { uploadId, ...result };
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

export async function abortMultipart(actor: Actor, owner: string, namespace: string, datasetName: string, uploadId: string): Promise<void> {
  const { dir } = await ownUpload(actor, owner, namespace, datasetName, uploadId);
  await fsp.rm(dir, { recursive: true, force: true });
}
