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
 * rows holding it), exact however many rows the view has: distinct and non-null counts; as asked
 * the bounds and values by count of text, the mean, standard deviation and quartiles of numbers
 * (finite values only), and the histogram's bin counts. Every value comes back to this process, one
 * column at a time (work and memory follow the distinct values, not values × columns): only for
 * columns known to hold few distinct values (the file's footer says so: see fewDistinctColumns).
 */
export async function profileValueCounts(
  connection: DuckDBConnection,
  specs: ValueCountsSpec[],
): Promise<ValueCounts[]> {
  const results: ValueCounts[] = [];
  for (const spec of specs) results.push(await countValues(connection, spec));
  return results;
}

/** One column's value counts (see profileValueCounts): rows [value, count, finite double?, bin key?] in DuckDB's value order, nulls last. */
async function countValues(connection: DuckDBConnection, spec: ValueCountsSpec): Promise<ValueCounts> {
  const select = [
    "v",
    "n",
    spec.numeric ? "CASE WHEN isfinite(v::DOUBLE) THEN v::DOUBLE END" : "NULL",
    spec.binKey ? spec.binKey("v") : "NULL",
  ];
  const reader = await connection.runAndReadAll(
    `SELECT ${select.join(", ")}
     FROM (SELECT ${spec.q} AS v, count(*) AS n FROM ${DATA_VIEW} GROUP BY ALL)
     ORDER BY v NULLS LAST`,
  );
  const rows = reader.getRowsJson() as unknown[][];
  const present = rows.filter((r) => r[0] !== null && r[0] !== undefined);
  const count = (r: unknown[]) => Number(r[1]);
  let bins: Map<number, number> | null = null;
  if (spec.binKey) {
    bins = new Map();
    for (const r of rows) {
      if (r[3] === null || r[3] === undefined) continue;
      const key = Number(r[3]);
      bins.set(key, (bins.get(key) ?? 0) + count(r));
    }
  }
  const moments = spec.numeric
    ? weightedMoments(
        present.filter((r) => r[2] !== null && r[2] !== undefined).map((r) => ({ x: Number(r[2]), n: count(r) })),
      )
    : { mean: null, stddev: null, quartiles: null };
  const texts = spec.text ? present.map((r) => ({ value: String(r[0]), count: count(r) })) : null;
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
}
