import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { DATA_VIEW } from "../duckdb/names";

/** What to compute of one column from its value counts. */
export type ValueCountsSpec = {
  /** the column, quoted */
  q: string;
  /** bounds and the most frequent values (text): DuckDB's text of each, in DuckDB's order */
  text: boolean;
  /** mean, standard deviation and quartiles over the finite values (numbers) */
  numeric: boolean;
  /** the histogram's bin key of a value `x` (a null key is no bin), or none */
  binKey: ((x: string) => string) | null;
};

export type ValueCounts = {
  nonNull: number;
  distinct: number;
  /** text only: the smallest and largest value */
  min: string | null;
  max: string | null;
  /** text only: every value with its count, most frequent first, ties in value order */
  byCount: { value: string; count: number }[] | null;
  mean: number | null;
  stddev: number | null;
  quartiles: { p25: number; p50: number; p75: number } | null;
  /** bin key → rows */
  bins: Map<number, number> | null;
};

type Row = Record<string, unknown>;

/** Mean, sample standard deviation and quartiles (interpolated between order statistics, as DuckDB's quantile_cont) of values sorted ascending with their counts. */
function weightedMoments(values: { x: number; n: number }[]) {
  const w = values.reduce((sum, v) => sum + v.n, 0);
  if (w === 0) return { mean: null, stddev: null, quartiles: null };
  const mean = values.reduce((sum, v) => sum + v.x * v.n, 0) / w;
  // Two passes (the mean first): no cancellation, whatever the values' offset.
  const m2 = values.reduce((sum, v) => sum + v.n * (v.x - mean) ** 2, 0);
  const at = (rank: number) => {
    let seen = 0;
    for (const v of values) if ((seen += v.n) > rank) return v.x;
    return values.at(-1)!.x;
  };
  const quartile = (p: number) => {
    const h = (w - 1) * p;
    const lo = at(Math.floor(h));
    return lo + (h - Math.floor(h)) * (at(Math.ceil(h)) - lo);
  };
  return {
    mean,
    stddev: w > 1 ? Math.sqrt(m2 / (w - 1)) : null,
    quartiles: { p25: quartile(0.25), p50: quartile(0.5), p75: quartile(0.75) },
  };
}

/**
 * Each column's profile from one grouping of the view per column (every distinct value and the
 * rows holding it), all columns in one scan (grouping sets): exact however many rows the view has.
 * Distinct and non-null counts; as asked the bounds and values by count of text, the mean, standard
 * deviation and quartiles of numbers (finite values only), and the histogram's bin counts. Every
 * value of every column comes back to this process: only for columns known to hold few distinct
 * values (the file's footer says so: see fewDistinctColumns).
 */
export async function profileValueCounts(
  connection: DuckDBConnection,
  specs: ValueCountsSpec[],
): Promise<ValueCounts[]> {
  if (specs.length === 0) return [];
  const select = specs.flatMap((s, k) => [
    `${s.q} AS v${k}`,
    `grouping(${s.q}) AS g${k}`,
    ...(s.numeric ? [`CASE WHEN isfinite(${s.q}::DOUBLE) THEN ${s.q}::DOUBLE END AS x${k}`] : []),
    ...(s.binKey ? [`${s.binKey(s.q)} AS k${k}`] : []),
  ]);
  // Each set's rows have every other set's column null: ordered by all columns in turn, each set's rows come in the
  // order of its own column (DuckDB's order: an ENUM's, or the bytes of text).
  const reader = await connection.runAndReadAll(
    `SELECT ${select.join(", ")}, count(*) AS n FROM ${DATA_VIEW}
     GROUP BY GROUPING SETS (${specs.map((s) => `(${s.q})`).join(", ")})
     ORDER BY ${specs.map((_, k) => `v${k} NULLS LAST`).join(", ")}`,
  );
  const rows = reader.getRowObjectsJson() as Row[];
  return specs.map((spec, k) => {
    const own = rows.filter((r) => Number(r[`g${k}`]) === 0);
    const present = own.filter((r) => r[`v${k}`] !== null && r[`v${k}`] !== undefined);
    const count = (r: Row) => Number(r.n);
    let bins: Map<number, number> | null = null;
    if (spec.binKey) {
      bins = new Map();
      for (const r of own) {
        const key = r[`k${k}`];
        if (key === null || key === undefined) continue;
        bins.set(Number(key), (bins.get(Number(key)) ?? 0) + count(r));
      }
    }
    const moments = spec.numeric
      ? weightedMoments(
          present
            .filter((r) => r[`x${k}`] !== null && r[`x${k}`] !== undefined)
            .map((r) => ({ x: Number(r[`x${k}`]), n: count(r) })),
        )
      : { mean: null, stddev: null, quartiles: null };
    const texts = spec.text ? present.map((r) => ({ value: String(r[`v${k}`]), count: count(r) })) : null;
    return {
      nonNull: present.reduce((sum, r) => sum + count(r), 0),
      distinct: present.length,
      min: texts?.[0]?.value ?? null,
      max: texts?.at(-1)?.value ?? null,
      // A stable sort: ties stay in value order.
      byCount: texts && [...texts].sort((a, b) => b.count - a.count),
      ...moments,
      bins,
    };
  });
}
