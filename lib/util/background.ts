/**
 * Work a request starts and does not wait for (a new version's column profile). Each task handles its
 * own failure; this only keeps track of what is still running, so tests and benchmarks can wait for it
 * before they tear down or time the next step.
 */
const running = new Set<Promise<unknown>>();

/** Runs `task` on the next turn of the event loop, after the current request's answer is on its way. */
export function runInBackground(task: () => Promise<unknown>): void {
  const started = new Promise<void>((resolve) => setImmediate(resolve)).then(task);
  const tracked = started.catch(() => {}).finally(() => running.delete(tracked));
  running.add(tracked);
}

/** Resolves once no background work started in this process is still running. */
export async function settleBackground(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}
