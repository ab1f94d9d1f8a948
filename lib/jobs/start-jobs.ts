import "server-only";
import { kickOutbox } from "@/lib/email/sender";
import { JOBS } from "./registry";
import { runJobOnce } from "./run-job";
import { numberSetting } from "@/lib/config/number-settings";

const state = globalThis as unknown as { jobTimers?: NodeJS.Timeout[] };

/** How often each job is started (JOBS_POLL_MS, default 10 minutes); 0 turns the periodic jobs off. */
export function jobsPollMs(): number {
  return numberSetting("JOBS_POLL_MS");
}

/**
 * Starts every periodic job on this server instance, once per process. Each tick runs each job
 * through runJobOnce, so of all instances only one runs a job at a time; the jobs decide
 * themselves what is due, so running them often only costs a few queries.
 */
export function startJobs(intervalMs = jobsPollMs()): void {
  if (state.jobTimers || intervalMs === 0) return;
  state.jobTimers = JOBS.map((job) => {
    const tick = () =>
      runJobOnce(job.name)
        .then((run) => {
          if (run.ran && Object.values(run.summary).some((n) => n > 0)) kickOutbox();
        })
        .catch((error: unknown) => console.error(`The job ${job.name} failed`, error));
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    return timer;
  });
}
