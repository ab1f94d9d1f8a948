// Runs once when a server instance starts: the outbox worker retries e-mail in the background, and
// the periodic jobs (expiry reminders, access reviews) start.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startOutboxWorker } = await import("@/lib/email/sender");
    startOutboxWorker();
    const { startJobs } = await import("@/lib/jobs/start-jobs");
    startJobs();
    // The app's server keeps rendered pages while the data version says nothing they show changed (scripts/page-cache.mjs).
    const { registerPageCacheSource } = await import("@/lib/page-cache/data-version");
    registerPageCacheSource();
  }
}
