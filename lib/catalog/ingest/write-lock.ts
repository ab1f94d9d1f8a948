import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { acquireLease, releaseLease, renewLease } from "@/lib/db/lease";
import { AppError } from "@/lib/util/errors";
import { catalogConfig } from "../config";

/** The write locks the current request already holds (so nested calls do not wait for themselves). */
const heldHere = new AsyncLocalStorage<ReadonlySet<string>>();

/** How long a lock lives without renewal: a crashed instance's lock frees itself after this. */
const LEASE_MS = 60_000;

/**
 * Rule: writes to one dataset (or to one not-yet-existing dataset name) happen one at a time,
 * on every app instance: the lock is a lease in the database, held (and renewed) while `fn`
 * runs. A second writer waits for it instead of failing, up to CATALOG_WRITE_WAIT_MS; then it
 * gets 409 saying the dataset is busy. Re-entrant within one request.
 */
export async function withDatasetWriteLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const mine = heldHere.getStore();
  if (mine?.has(key)) return fn();
  const name = `dataset-write:${key}`;
  const holder = randomUUID();
  const deadline = Date.now() + catalogConfig().writeWaitMs;
  let pause = 20;
  while (!(await acquireLease(name, LEASE_MS, holder))) {
    if (Date.now() > deadline)
      throw new AppError(
        "conflict",
        "The dataset is busy with other uploads that are still being written. Try again in a minute.",
      );
    await sleep(pause + Math.random() * pause);
    pause = Math.min(pause * 2, 500);
  }
  const renew = setInterval(() => void renewLease(name, holder, LEASE_MS).catch(() => {}), LEASE_MS / 3);
  renew.unref();
  try {
    return await heldHere.run(new Set([...(mine ?? []), key]), fn);
  } finally {
    clearInterval(renew);
    await releaseLease(name, holder).catch((error) => console.error("Releasing a dataset write lock failed", error));
  }
}

/** The lock key of a dataset, or of a dataset name in a workspace that may not exist yet. */
export const datasetLockKey = (datasetId: string) => `id:${datasetId}`;
export const datasetNameLockKey = (workspaceId: string, slug: string) => `name:${workspaceId}:${slug}`;
