import "server-only";
import { acquireLease, newLeaseHolder, releaseLease, renewLease } from "@/lib/db/lease";
import { AppError } from "@/lib/util/errors";
import { findJob, JOBS, type JobScope, type JobSummary } from "./registry";

/** A run that dies without releasing its lease blocks the job for at most this long. */
const LEASE_MS = 5 * 60_000;

export type JobRun = { job: string; ran: boolean; summary: JobSummary };

/**
 * Runs one named job now, unless a run of it is already going on any app instance (then `ran` is
 * false and nothing happens): the lease `job:<name>` is held, and renewed, while it runs. The jobs
 * themselves never rely on the lease for correctness (each send is recorded once, see sendOnce);
 * the lease only keeps two instances from doing the same work at the same time.
 */
export async function runJobOnce(name: string, scope: JobScope = {}): Promise<JobRun> {
  const job = findJob(name);
  if (!job) throw new AppError("invalid", `Unknown job "${name}". Jobs: ${JOBS.map((j) => j.name).join(", ")}.`);
  const lease = `job:${job.name}`;
  const holder = newLeaseHolder();
  if (!(await acquireLease(lease, LEASE_MS, holder))) return { job: job.name, ran: false, summary: {} };
  const heartbeat = setInterval(() => {
    renewLease(lease, holder, LEASE_MS).catch((error: unknown) => console.error(`Renewing ${lease} failed`, error));
  }, LEASE_MS / 3);
  heartbeat.unref();
  try {
    return { job: job.name, ran: true, summary: await job.run(new Date(), scope) };
  } finally {
    clearInterval(heartbeat);
    await releaseLease(lease, holder).catch((error: unknown) => console.error(`Releasing ${lease} failed`, error));
  }
}
