import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { type CancellationContext, EVENTS, Server, type Upload } from "@tus/server";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { isAppOrigin } from "@/lib/http/app-origin";
import { acquireLease, releaseLease } from "@/lib/db/lease";
import { toFailure, statusOf } from "@/lib/util/result";
import { DbLocker } from "./db-locker";
import { type Finished, finishUpload, uploadState } from "./finish-upload";
import { UPLOAD_HANDLERS, isUploadKind } from "./registry";
import { uploadExpireMs, uploadLeaseMs } from "./settings";
import { stagingDir } from "./staging";
import { sweepLeftovers } from "./sweep-leftovers";
import { removeStaged, StagingStore } from "./staging-store";
import { forgetUpload, registerUpload, touchFileRequestUpload } from "./upload-rows";
import { ownsUpload } from "./upload-owner";
import { takeNodeBody } from "./node-body";
import { withRequestInfos } from "./request-infos";
import { numberSetting } from "@/lib/config/number-settings";

export const UPLOADS_PATH = "/api/uploads";
export const UPLOAD_MAX_BYTES = numberSetting("UPLOAD_MAX_BYTES");

/**
 * The acting user of the tus request being handled, the upload it registered (forgotten again if
 * creating it fails after that) and the upload it finished (its staged copy goes after the answer).
 */
type RequestContext = { actor: Actor; created?: string; finished?: string; nodeBody?: Readable | null };
const requestContext = new AsyncLocalStorage<RequestContext>();
const currentActor = () => requestContext.getStore()?.actor;

/** A tus error response carrying our JSON error shape. */
function tusError(error: unknown): { status_code: number; body: string } {
  if (error && typeof error === "object" && "status_code" in error && "body" in error)
    return error as { status_code: number; body: string };
  const failure = toFailure(error);
  return {
    status_code: statusOf(failure),
    body: JSON.stringify({ error: failure.message, code: failure.code, fieldErrors: failure.fieldErrors }),
  };
}

export type TusServer = Server & { staging: StagingStore };

/** A tus server over the staging directory; each app instance has one (tests make several to play instances). */
export function createTusServer(): TusServer {
  const datastore = new StagingStore({ directory: stagingDir(), expirationPeriodInMilliseconds: uploadExpireMs() });
  const server = new Server({
    path: UPLOADS_PATH,
    datastore,
    locker: new DbLocker({ leaseMs: uploadLeaseMs() }),
    maxSize: UPLOAD_MAX_BYTES,
    relativeLocation: true,
    respectForwardedHeaders: true,
    // CORS for the app's own origin only (tus defaults to "*").
    allowedOrigins: isAppOrigin,
    namingFunction: () => randomBytes(16).toString("hex"),
    // Rule: only the user (or file-request visitor, see ownsUpload) who created an upload may append to,
    // inspect or cancel it.
    async onIncomingRequest(req, id) {
      const actor = currentActor();
      if (!actor) throw { status_code: 401, body: JSON.stringify({ error: "Sign in to upload." }) };
      if (req.method === "POST") return;
      const upload = await datastore.getUpload(id).catch(() => null);
      if (!upload || upload.metadata?.userId !== actor.id)
        throw { status_code: 404, body: JSON.stringify({ error: "Upload not found" }) };
      if (req.method === "PATCH" && upload.metadata?.fileRequestId && !(await touchFileRequestUpload(id))) {
        await datastore.remove(id).catch(() => {});
        await forgetUpload(id);
        throw {
          status_code: 410,
          body: JSON.stringify({
            error: "This upload received nothing for too long and was cancelled; send the file again.",
            code: "gone",
          }),
        };
      }
    },
    async onUploadCreate(_req, upload) {
      const actor = currentActor()!;
      const metadata = Object.fromEntries(Object.entries(upload.metadata ?? {}).map(([k, v]) => [k, v ?? ""]));
      const kind = metadata.kind ?? "";
      if (!isUploadKind(kind))
        throw { status_code: 400, body: JSON.stringify({ error: `Unknown upload kind "${kind}".` }) };
      const handler = UPLOAD_HANDLERS[kind];
      try {
        const normalised = (await handler.authorize(actor, metadata, upload.size)) ?? metadata;
        const workspaceId = normalised.workspaceId || null;
        const size = upload.size ?? 0;
        const owner = (await handler.owner?.(actor, normalised)) ?? { userId: actor.id, fileRequestId: null };
        await registerUpload(
          { id: upload.id, ...owner, workspaceId, kind, bytes: size },
          handler.reserve && workspaceId ? (tx) => handler.reserve!(tx, workspaceId, size, normalised) : undefined,
        );
        requestContext.getStore()!.created = upload.id;
        return { metadata: { ...normalised, kind, userId: actor.id } };
      } catch (error) {
        throw tusError(error);
      }
    },
    async onUploadFinish(req, upload) {
      try {
        const { result } = await finishUpload(currentActor()!, datastore, upload.id);
        requestContext.getStore()!.finished = upload.id;
        // A zero-byte upload finishes in its POST, which must stay a 201 with its Location.
        return {
          status_code: req.method === "POST" ? 201 : 200,
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(result),
        };
      } catch (error) {
        throw tusError(error);
      }
    },
  });
  // Request bodies go straight from the socket's Node stream (takeNodeBody, behind scripts/server.mjs)
  // or else the request's web stream to the staged file (StagingStore.append) instead of tus's chain
  // of Node stream adapters, which costs CPU on every 64 KiB chunk. The method is protected in tus's
  // types, hence the cast; tus still checks the lock, the offset and the sizes before it calls it,
  // and runs onUploadFinish after.
  type BodyWriter = {
    writeToStore(
      body: ReadableStream | null,
      upload: Upload,
      maxBytes: number,
      context: CancellationContext,
    ): Promise<number>;
  };
  for (const handler of [server.handlers.PATCH, server.handlers.POST] as unknown as BodyWriter[])
    handler.writeToStore = (body, upload, maxBytes, context) =>
      datastore.append(requestContext.getStore()?.nodeBody ?? body, upload.id, upload.offset, {
        maxBytes,
        signal: context.signal,
      });
  server.on(
    EVENTS.POST_TERMINATE,
    (_req, _res, id) =>
      void forgetUpload(id).catch((error: unknown) => console.error("Forgetting a cancelled upload failed", error)),
  );
  return Object.assign(server, { staging: datastore });
}

const globalForTus = globalThis as unknown as { datashelfTus?: TusServer };

export function getTusServer(): TusServer {
  if (!globalForTus.datashelfTus) {
    globalForTus.datashelfTus = createTusServer();
    startSweeper();
  }
  return globalForTus.datashelfTus;
}

const SWEEP_MS = 3_600_000;
const SWEEP_LEASE = "upload-sweeper";

/** Hourly, on one instance at a time (the staging directory is shared): delete abandoned uploads and other leftovers. */
function startSweeper(): void {
  const sweep = async () => {
    if (!(await acquireLease(SWEEP_LEASE, 10 * 60_000))) return;
    try {
      await cleanUpAbandonedUploads();
      await sweepLeftovers();
    } finally {
      await releaseLease(SWEEP_LEASE);
    }
  };
  setInterval(
    () => void sweep().catch((error: unknown) => console.error("Deleting abandoned uploads failed", error)),
    SWEEP_MS,
  ).unref();
}

const uploadIdOf = (request: Request) => /\/([a-f0-9]{32})\/?$/.exec(new URL(request.url).pathname)?.[1];

function finishedResponse(method: string, { result, size }: Finished): Response {
  const headers = {
    "Tus-Resumable": "1.0.0",
    "Upload-Offset": String(size),
    "Upload-Length": String(size),
    "Cache-Control": "no-store",
  };
  if (method === "HEAD") return new Response(null, { status: 200, headers });
  return Response.json(result, { status: 200, headers });
}

/**
 * Handles one tus request as `actor` (the route handler resolves the session first). A HEAD for
 * an upload whose bytes have all arrived gets the finishing step's answer before tus sees it: a
 * finished upload's result, or the finishing step run now (resuming one a crash interrupted). So
 * HEAD never reports an upload complete before its file is committed. A PATCH goes to tus first
 * (the common case, an upload still receiving, needs no more); when tus finds no such upload
 * (404: finished, its staged copy gone) or another offset (409: all bytes are there), it gets
 * the same answer. So a client that resumes after a crash or a lost response ends with the file,
 * once.
 */
export function handleTusRequest(
  actor: Actor,
  request: Request,
  server: TusServer = getTusServer(),
): Promise<Response> {
  return withRequestInfos(() => handleInRequest(actor, request, server));
}

/**
 * The finishing step's answer for an upload whose bytes have all arrived; null while it is
 * receiving. Either way the staged bytes are synced first (see StagingStore.syncStaged), so
 * neither this answer nor tus's HEAD after it reports bytes a power cut could still take away.
 */
async function finishedAnswer(actor: Actor, request: Request, server: TusServer, id: string): Promise<Response | null> {
  try {
    await server.staging.syncStaged(id);
    const state = await uploadState(server.staging, id, actor);
    if (state !== "finished" && state !== "complete") return null;
    const finished = await finishUpload(actor, server.staging, id);
    await removeStaged(server.staging.directory, id);
    return finishedResponse(request.method, finished);
  } catch (error) {
    const { status_code, body } = tusError(error);
    return new Response(request.method === "HEAD" ? null : body, {
      status: status_code,
      headers: { "Tus-Resumable": "1.0.0", "Content-Type": "application/json" },
    });
  }
}

async function handleInRequest(actor: Actor, request: Request, server: TusServer): Promise<Response> {
  const id = uploadIdOf(request);
  if (id && request.method === "HEAD") {
    const answer = await finishedAnswer(actor, request, server, id);
    if (answer) return answer;
  }
  const context: RequestContext = { actor, nodeBody: request.method === "PATCH" ? takeNodeBody(request) : null };
  const response = await requestContext.run(context, () => server.handleWeb(request));
  if (id && request.method === "PATCH" && (response.status === 404 || response.status === 409)) {
    const answer = await finishedAnswer(actor, request, server, id);
    if (answer) return answer;
  }
  // The staged copy goes once tus is done with it (it reads it back while answering a POST); a
  // crash before this leaves it to the sweep.
  if (context.finished) await removeStaged(server.staging.directory, context.finished);
  if (id && request.method === "PATCH" && response.status === 507) await forgetUpload(id);
  if (context.created && !context.finished && response.status !== 201) {
    // Registered, then creating it failed (the disk, the staging directory): it holds nothing.
    await removeStaged(server.staging.directory, context.created);
    await forgetUpload(context.created);
  }
  if (id && request.method === "DELETE" && response.status === 404) return cancelLeftover(actor, server, id, response);
  return response;
}

/**
 * Cancelling is idempotent: an upload that is already gone (its partial bytes were removed when
 * the disk filled up, or it expired) is cancelled too (204), as far as anything of it is left.
 * Only a finished upload stays a 404: there is nothing to cancel any more.
 */
async function cancelLeftover(
  actor: Actor,
  server: TusServer,
  id: string,
  notFoundResponse: Response,
): Promise<Response> {
  const row = await getDb().upload.findUnique({
    where: { id },
    select: { userId: true, fileRequestId: true, finishedAt: true },
  });
  if (row?.finishedAt) return notFoundResponse;
  if (row && ownsUpload(row, actor)) {
    await removeStaged(server.staging.directory, id);
    await forgetUpload(id);
  }
  return new Response(null, { status: 204, headers: { "Tus-Resumable": "1.0.0" } });
}

/**
 * Deletes staged uploads that were abandoned longer than UPLOAD_EXPIRE_HOURS, staged copies of
 * finished uploads (a crash came between commit and cleanup), the rows of uploads that ended
 * longer ago than that, and the expired lock rows of crashed requests.
 */
export async function cleanUpAbandonedUploads(server: TusServer = getTusServer()): Promise<number> {
  const removed = await server.cleanUpExpiredUploads();
  const db = getDb();
  const cutoff = new Date(Date.now() - uploadExpireMs());
  const finished = await db.upload.findMany({ where: { finishedAt: { not: null } }, select: { id: true } });
  for (const { id } of finished)
    if (await server.staging.configstore.get(id)) await removeStaged(server.staging.directory, id);
  await db.upload.deleteMany({
    where: { OR: [{ finishedAt: { lt: cutoff } }, { finishedAt: null, createdAt: { lt: cutoff } }] },
  });
  await db.lease.deleteMany({ where: { name: { startsWith: "tus" }, expiresAt: { lt: new Date() } } });
  return removed;
}
