// A bare outbox sender process for the crash test (lib/email/sender-crash.int.test.ts): it runs
// exactly what a server instance runs (the poll worker plus kicks) against DATABASE_URL, and is
// killed with SIGKILL mid-send. Run: node --import tsx --import ./scripts/server-only-hook.mjs <this file>
import { kickOutbox, startOutboxWorker } from "@/lib/email/sender";

startOutboxWorker(Number(process.env.EMAIL_POLL_MS || 200));
// Several kicks at once, as when shares arrive together.
for (let i = 0; i < 5; i++) kickOutbox();
// The worker's timer does not keep a process alive on its own.
setInterval(() => {}, 60_000);
console.log("sender started");
