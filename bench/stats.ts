/**
 * Times `fn` `runs` times, after `warmup` untimed calls (the JIT and the databases' caches settle
 * first), and returns milliseconds: median, p99, mean.
 */
export async function measure(runs: number, fn: (i: number) => Promise<unknown>, warmup = Math.min(5, runs)) {
  // Garbage left by the previous phase (a seed of a million rows) is collected before, not during,
  // the series (`npm run bench` exposes gc).
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < warmup; i++) await fn(runs + i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: at(0.5), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length, runs };
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;
