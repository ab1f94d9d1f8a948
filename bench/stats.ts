/** Times `fn` `runs` times (after a warm-up) and returns milliseconds: median, p99, mean. */
export async function measure(runs: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(5, runs); i++) await fn(i);
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
