import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { FileStore } from "@tus/file-store";
import { Server } from "@tus/server";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { isAppOrigin } from "@/lib/http/app-origin";
import { acquireLease, releaseLease } from "@/lib/db/lease";
import { toFailure, statusOf } from "@/lib/util/result";
import { DbLocker } from "./db-locker";
import { UPLOAD_HANDLERS } from "./registry";
import { stagingDir } from "./staging";

export const UPLOADS_PATH = "/api/uploads";
export const UPLOAD_MAX_BYTES = Number(process.env.UPLOAD_MAX_BYTES || 10 * 1024 ** 3);
const EXPIRE_MS = Number(process.env.UPLOAD_EXPIRE_HOURS || 24) * 3_600_000;

const actorContext = new AsyncLocalStorage<Actor>();

/** A tus error response carrying our JSON error shape. */
function tusError(error: unknown): { status_code: number; body: string } {
  const failure = toFailure(error);
  return { status_code: statusOf(failure), body: JSON.stringify({ error: failure.message, code: failure.code, fieldErrors: failure.fieldErrors }) };
}

/** The finishing step runs once per upload, even when a client retries its last PATCH on another instance meanwhile. */
const FINISH_LEASE_MS = 60 * 60_000;
const finishLease = (id: string) => `tus-finish:${id}`;

/** A tus server over the staging directory; each app instance has one (tests make several to play instances). */
export function createTusServer(): Server {
  const datastore = new FileStore({ directory: stagingDir(), expirationPeriodInMilliseconds: EXPIRE_MS });
  const server: Server = new Server({
    path: UPLOADS_PATH,
    datastore,
    locker: new DbLocker(),
    maxSize: UPLOAD_MAX_BYTES,
    relativeLocation: true,
    respectForwardedHeaders: true,
    // CORS for the app's own origin only (tus defaults to "*").
    allowedOrigins: isAppOrigin,
    namingFunction: () => randomBytes(16).toString("hex"),
    // Rule: only the user who created an upload may append to, inspect or cancel it.
    async onIncomingRequest(req, id) {
      const actor = actorContext.getStore();
      if (!actor) throw { status_code: 401, body: JSON.stringify({ error: "Sign in to upload." }) };
      if (req.method === "POST") return;
      const upload = await datastore.getUpload(id).catch(() => null);
      if (!upload || upload.metadata?.userId !== actor.id) throw { status_code: 404, body: JSON.stringify({ error: "Upload not found" }) };
    },
    async onUploadCreate(_req, upload) {
      const actor = actorContext.getStore()!;
      const metadata = Object.fromEntries(Object.entries(upload.metadata ?? {}).map(([k, v]) => [k, v ?? ""]));
      const handler = UPLOAD_HANDLERS[metadata.kind ?? ""];
      if (!handler) throw { status_code: 400, body: JSON.stringify({ error: `Unknown upload kind "${metadata.kind ?? ""}".` }) };
      try {
        const normalised = (await handler.authorize(actor, metadata, upload.size)) ?? metadata;
        return { metadata: { ...normalised, kind: metadata.kind!, userId: actor.id } };
      } catch (error) {
        throw tusError(error);
      }
    },
    async onUploadFinish(_req, upload) {
      const actor = actorContext.getStore()!;
      const metadata = Object.fromEntries(Object.entries(upload.metadata ?? {}).map(([k, v]) => [k, v ?? ""]));
      const staged = path.join(stagingDir(), upload.id);
      const finisher = randomBytes(16).toString("hex");
      if (!(await acquireLease(finishLease(upload.id), FINISH_LEASE_MS, finisher))) {
        throw { status_code: 409, body: JSON.stringify({ error: "This upload is already being finished.", code: "conflict" }) };
      }
      try {
        const result = await UPLOAD_HANDLERS[metadata.kind ?? ""]!.finish(actor, { id: upload.id, size: upload.size ?? upload.offset, path: staged, metadata });
        return { status_code: 200, headers: { "Content-Type": "application/json" }, body: JSON.stringify(result) };
      } catch (error) {
        throw tusError(error);
      } finally {
        // Success moved the bytes into the blob store; failure leaves nothing behind.
        await fsp.rm(staged, { force: true });
        await fsp.rm(`${staged}.json`, { force: true });
        await releaseLease(finishLease(upload.id), finisher);
      }
    },
  });
  return server;
}

const globalForTus = globalThis as unknown as { datashelfTus?: Server };

export function getTusServer(): Server {
  if (!globalForTus.datashelfTus) {
    globalForTus.datashelfTus = createTusServer();
    startSweeper();
  }
  return globalForTus.datashelfTus;
}

const SWEEP_MS = 3_600_000;
const SWEEP_LEASE = "upload-sweeper";

/** Hourly, on one instance at a time (the staging directory is shared): delete abandoned uploads. */
function startSweeper(): void {
  const sweep = async () => {
    if (!(await acquireLease(SWEEP_LEASE, 10 * 60_000))) return;
    try {
      await cleanUpAbandonedUploads();
    } finally {
      await releaseLease(SWEEP_LEASE);
    }
  };
  setInterval(() => void sweep().catch((error: unknown) => console.error("Deleting abandoned uploads failed", error)), SWEEP_MS).unref();
}

/** Handles one tus request as `actor` (the route handler resolves the session first). */
export function handleTusRequest(actor: Actor, request: Request, server: Server = getTusServer()): Promise<Response> {
  return actorContext.run(actor, () => server.handleWeb(request));
}

/** Deletes staged uploads that were abandoned longer than UPLOAD_EXPIRE_HOURS, and the expired lock rows of crashed requests. */
export async function cleanUpAbandonedUploads(server: Server = getTusServer()): Promise<number> {
  const removed = await server.cleanUpExpiredUploads();
  await getDb().lease.deleteMany({ where: { name: { startsWith: "tus" }, expiresAt: { lt: new Date() } } });
  return removed;
}
