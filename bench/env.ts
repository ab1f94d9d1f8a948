// The one way the benchmarks read their settings from the environment. A setting may have older
// or shared spellings (BENCH_PAGES_ROUNDS, then BENCH_HTTP_ROUNDS): the first one set wins. A
// value that is set but is not a number stops the benchmark with the setting's name, instead of
// running with NaN.

function firstSet(names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = process.env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

function toNumber(name: string, value: string): number {
  const number = Number(value.replaceAll("_", ""));
  if (!Number.isFinite(number)) throw new Error(`${name}=${JSON.stringify(value)} is not a number`);
  return number;
}

/** A number from the first of `names` that is set, else `fallback`. */
export function envNumber(names: string | string[], fallback: number): number {
  const found = firstSet(Array.isArray(names) ? names : [names]);
  return found ? toNumber(found.name, found.value) : fallback;
}

/** A comma-separated list of numbers (`1000000,5000000`), else `fallback`. */
export function envNumbers(name: string, fallback: number[]): number[] {
  const found = firstSet([name]);
  if (!found) return fallback;
  return found.value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => toNumber(name, part));
}

/** A comma-separated list of words (`upload,download`), else `fallback`. */
export function envWords(name: string, fallback: string[]): string[] {
  const found = firstSet([name]);
  if (!found) return fallback;
  return found.value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Whether a flag is on (`1`, `true`, `yes`). */
export function envFlag(name: string): boolean {
  return /^(1|true|yes)$/i.test(process.env[name]?.trim() ?? "");
}

/** Space-separated arguments (`--cpu-prof --cpu-prof-dir=DIR`), from the first of `names` that is set. */
export function envArgs(names: string | string[]): string[] {
  return (
    firstSet(Array.isArray(names) ? names : [names])
      ?.value.split(/\s+/)
      .filter(Boolean) ?? []
  );
}

/** Settings for a second server, `NAME=value,NAME=value` (e.g. `DIRECT_ROUTES=0`), else none. */
export function envPairs(name: string): Record<string, string> {
  const found = firstSet([name]);
  if (!found) return {};
  return Object.fromEntries(
    found.value
      .split(",")
      .filter((pair) => pair.includes("="))
      .map((pair) => [pair.slice(0, pair.indexOf("=")).trim(), pair.slice(pair.indexOf("=") + 1).trim()]),
  );
}
