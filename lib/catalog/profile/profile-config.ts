function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number; got "${raw}".`);
  return value;
}

/** Column profile settings from the environment (read on every call, so tests and benchmarks can change them). */
export function profileConfig() {
  return {
    /**
     * Up to this many rows, distinct counts, quantiles and top values are exact; beyond it distinct
     * counts are HyperLogLog estimates and quantiles t-digest ones, both marked approximate.
     */
    exactRowLimit: positive("CATALOG_PROFILE_EXACT_ROWS", 500_000),
  };
}
