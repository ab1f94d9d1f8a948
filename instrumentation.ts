// Runs once when a server instance starts: the outbox worker retries e-mail in the background, and
// the periodic jobs (expiry reminders, access reviews) start.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startOutboxWorker } = await import("@/lib/email/sender");
    startOutboxWorker();
    const { startJobs } = await import("@/lib/jobs/start-jobs");
    startJobs();
  }
}
