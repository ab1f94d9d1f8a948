import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Actor } from "@/lib/access";
import { getDb, jsonObject } from "@/lib/db";
import { AppError, notFound } from "@/lib/util/errors";
import { LEASE_BUSY, withHeldLease } from "./held-lease";
import { UPLOAD_HANDLERS } from "./registry";
import { uploadLeaseMs } from "./settings";
import { removeStaged, type StagingStore } from "./staging-store";
import { forgetUpload } from "./upload-rows";
import { ownsUpload } from "./upload-owner";

/** What a finished upload answers: the finishing step's JSON, and the upload's size. */
export type Finished = { result: Record<string, unknown>; size: number };

/** A tus error response: another request is finishing this upload right now (tus clients retry on 423). */
const BUSY = {
  status_code: 423,
  body: JSON.stringify({ error: "This upload is being finished; try again in a moment.", code: "locked" }),
};

/** How an upload stands: null when this user has no such upload (tus then answers as usual). */
export async function uploadState(
  store: StagingStore,
  id: string,
  actor: Actor,
): Promise<"finished" | "complete" | "receiving" | null> {
  const row = await getDb().upload.findUnique({
    where: { id },
    select: { userId: true, fileRequestId: true, finishedAt: true },
  });
  if (!row || !ownsUpload(row, actor)) return null;
  if (row.finishedAt) return "finished";
  const info = await store.configstore.get(id);
  if (!info) return null;
  const staged = await fsp.stat(path.join(store.directory, id)).catch(() => null);
  // No staged bytes but the info is still there: a finishing step moved them, then its process died.
  return !staged || staged.size === info.size ? "complete" : "receiving";
}

/**
 * The finishing step of a tus upload whose bytes have all arrived: the handler of its kind turns
 * them into a file or dataset. Rule: it runs for one request at a time under a lease with a
 * heartbeat (a crashed finisher's lease runs out within UPLOAD_LOCK_LEASE_MS), is recoverable (a
 * later HEAD or PATCH runs it again; the handler finds bytes an earlier attempt moved) and
 * answers the same result however often it is asked (the Upload row keeps it). A failure other
 * than a crash ends the upload: its staged bytes and row are deleted and the error is the answer.
 */
export async function finishUpload(actor: Actor, store: StagingStore, id: string): Promise<Finished> {
  const outcome = await withHeldLease(
    `tus-finish:${id}`,
    { leaseMs: uploadLeaseMs(), waitMs: 2 * uploadLeaseMs() },
    async () => {
      const row = await getDb().upload.findUnique({ where: { id } });
      if (!row || !ownsUpload(row, actor)) throw notFound("Upload not found");
      const size = Number(row.bytes);
      if (row.finishedAt) return { result: jsonObject(row.result ?? {}), size };
      const info = await store.configstore.get(id);
      if (!info) throw notFound("Upload not found");
      const metadata = Object.fromEntries(Object.entries(info.metadata ?? {}).map(([k, v]) => [k, v ?? ""]));
      const handler = UPLOAD_HANDLERS[row.kind];
      if (!handler) throw new AppError("bad_request", `Unknown upload kind "${row.kind}".`);
      try {
        const result = await handler.finish(actor, {
          id,
          size,
          path: path.join(store.directory, id),
          metadata,
          sha256: store.hashes.digest(id, size),
        });
        store.hashes.forget(id);
        // Handlers that mark the upload in their own commit (files) have done this already.
        await getDb().upload.updateMany({
          where: { id, finishedAt: null },
          data: { finishedAt: new Date(), result },
        });
        return { result, size };
      } catch (error) {
        store.hashes.forget(id);
        await removeStaged(store.directory, id).catch(() => {});
        await forgetUpload(id).catch(() => {});
        throw error;
      }
    },
  );
  if (outcome === LEASE_BUSY) throw BUSY;
  return outcome;
}
