import "server-only";
import { randomUUID } from "node:crypto";
import { type Actor, accountIdOf } from "@/lib/access";
import { acquireLease, releaseLease, renewLease } from "@/lib/db/lease";
import { AppError } from "@/lib/util/errors";
import { catalogConfig } from "./config";
import { plural } from "./units";

export type ExportSlots = { release(): void };

/** The longest a slot is held by renewal (an export's generation and download together). */
const MAX_HOLD_MS = 3_600_000;

/** Takes the first free one of `count` numbered leases named after `key`; null when all are held. */
async function takeOne(key: string, count: number, holder: string, ms: number): Promise<string | null> {
  for (let i = 0; i < count; i++) {
    const name = `export:${key}:${i}`;
    if (await acquireLease(name, ms, holder)) return name;
  }
  return null;
}

/**
 * Rule: a user runs at most CATALOG_EXPORTS_PER_USER exports at once, and an access link at most
 * CATALOG_EXPORTS_PER_LINK (whoever uses it); beyond that the export is refused with 429 before
 * any work starts. The slots are leases in the database, so the limits hold across every app
 * instance. A slot is held until the download ends (the caller releases it), and renewed while
 * held (at most an hour); a crashed instance's slots expire after the query timeout plus a minute.
 */
export async function takeExportSlots(actor: Actor): Promise<ExportSlots> {
  const config = catalogConfig();
  const holder = randomUUID();
  const ms = config.queryTimeoutMs + 60_000;
  const held: string[] = [];
  const renewal: { timer?: NodeJS.Timeout } = {};
  const release = () => {
    clearInterval(renewal.timer);
    for (const name of held.splice(0))
      void releaseLease(name, holder).catch((error) => console.error("Releasing an export slot failed", error));
  };
  const wanted: { key: string; count: number; refusal: string }[] = [];
  // Only a signed-in person has a per-user limit; an anonymous link visitor has no account.
  const account = accountIdOf(actor);
  if (account) {
    const n = config.exportsPerUser;
    wanted.push({
      key: `user:${account}`,
      count: n,
      refusal: `You already have ${plural(n, "download")} of ${n === 1 ? "a dataset" : "datasets"} in progress. Wait for ${n === 1 ? "it" : "one"} to finish, then try again.`,
    });
  }
  if (actor.link) {
    const n = config.exportsPerLink;
    wanted.push({
      key: `link:${actor.link.id}`,
      count: n,
      refusal: `This link already has ${plural(n, "download")} of ${n === 1 ? "a dataset" : "datasets"} in progress. Wait for ${n === 1 ? "it" : "one"} to finish, then try again.`,
    });
  }
  try {
    for (const { key, count, refusal } of wanted) {
      const name = await takeOne(key, Math.floor(count), holder, ms);
      if (!name) throw new AppError("rate_limited", refusal);
      held.push(name);
    }
  } catch (error) {
    release();
    throw error;
  }
  // Renewed for at most an hour: a download stream that is never closed (a bug, a stuck client)
  // then frees its slots when the lease runs out instead of holding them for the process's life.
  const renewUntil = Date.now() + MAX_HOLD_MS;
  renewal.timer = setInterval(() => {
    if (Date.now() > renewUntil) return clearInterval(renewal.timer);
    for (const name of held) void renewLease(name, holder, ms).catch(() => {});
  }, ms / 3);
  renewal.timer.unref();
  return { release };
}
