import "server-only";
import { type DuckDBConnection, type DuckDBValue, LIST, VARCHAR, listValue } from "@duckdb/node-api";
import { DATA_VIEW } from "../duckdb/names";
import { withQueryTimeout } from "../duckdb/timeout";
import { quoteIdent } from "../sql";
import type { Column } from "../types";
import { isDateType, isIntegerType, isOrderable, profileKind } from "./column-kind";
import {
  numberBinning,
  numberBins,
  scaleCounts,
  temporalBins,
  temporalStep,
  type NumberBinning,
} from "./histogram-bins";
import { profileConfig } from "./profile-config";
import { type ColumnProfile, type DatasetProfile, PROFILE_VERSION } from "./types";
import { type ValueCounts, profileValueCounts } from "./value-counts";

export const TOP_VALUES = 10;
/** Beyond the exact limit, quartiles and histograms are computed on a sample of about this many rows. */
const SAMPLE_ROWS = 50_000;
/**
 * Beyond the exact limit, a column with at most about this many distinct values in the sample (a HyperLogLog estimate:
 * an exact count there would build a hash table of every sampled value of every unique column) is still counted exactly.
 */
export const CHEAP_DISTINCT = 10_000;
/** Longer values are cut in the stored top values (the profile is a summary, not a copy of the data). */
const MAX_VALUE_CHARS = 200;

type Row = Record<string, unknown>;

const FLOAT = /^(FLOAT|REAL|DOUBLE)$/i;
const AS_DOUBLE = /^(FLOAT|FLOAT4|REAL|DECIMAL|NUMERIC|U?HUGEINT)\b/i;

const num = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const cut = (v: string) => (v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v);

async function one(connection: DuckDBConnection, sql: string, values: DuckDBValue[] = []): Promise<Row> {
  const reader = values.length
    ? await connection.runAndReadAll(
        sql,
        values,
        values.map(() => LIST(VARCHAR)),
      )
    : await connection.runAndReadAll(sql);
  return (reader.getRowObjectsJson()[0] ?? {}) as Row;
}

/** At most this many histograms per grouped query (a bound on the grouping sets of one statement). */
const BINNED_PER_QUERY = 32;

/**
 * Bin counts of every histogram by column index, from one scan of `from` per BINNED_PER_QUERY columns: a
 * grouping set per column over its bin key (a small hash table each), several times faster than DuckDB's
 * histogram() aggregate. A null key (a null or non-finite value) is no bin.
 */
async function binCounts(
  connection: DuckDBConnection,
  binned: { i: number; key: string }[],
  from: string,
): Promise<Map<number, Map<number, number>>> {
  const counts = new Map<number, Map<number, number>>();
  for (let start = 0; start < binned.length; start += BINNED_PER_QUERY) {
    const batch = binned.slice(start, start + BINNED_PER_QUERY);
    const reader = await connection.runAndReadAll(
      `SELECT ${batch.map((b) => `h${b.i}, grouping(h${b.i}) AS g${b.i}`).join(", ")}, count(*) AS n
       FROM (SELECT ${batch.map((b) => `(${b.key}) AS h${b.i}`).join(", ")} FROM ${from})
       GROUP BY GROUPING SETS (${batch.map((b) => `(h${b.i})`).join(", ")})`,
    );
    for (const row of reader.getRowObjectsJson() as Row[]) {
      const b = batch.find((b) => Number(row[`g${b.i}`]) === 0 && row[`h${b.i}`] !== null);
      if (!b) continue;
      const map = counts.get(b.i) ?? new Map<number, number>();
      map.set(Number(row[`h${b.i}`]), Number(row.n));
      counts.set(b.i, map);
    }
  }
  return counts;
}

/** Bin counts by column index from the sample scan's histogram() maps (bin key → count; a null key is no bin). */
function sampledBins(sample: Row, binned: { i: number }[]): Map<number, Map<number, number>> {
  const counts = new Map<number, Map<number, number>>();
  for (const b of binned) {
    const entries = sample[`hg${b.i}`];
    if (!Array.isArray(entries)) continue;
    const map = new Map<number, number>();
    for (const e of entries as { key: unknown; value: unknown }[])
      if (e.key !== null && e.key !== undefined) map.set(Number(e.key), Number(e.value));
    counts.set(b.i, map);
  }
  return counts;
}

/** Non-negative, at least 1 when any value exists, never more than the non-null values (a HyperLogLog estimate can overshoot). */
const clampDistinct = (estimate: number, nonNull: number) => Math.min(nonNull, Math.max(nonNull > 0 ? 1 : 0, estimate));

/** Null count and share of a column with `nonNull` values in `rows`. */
const nullCounts = (rows: number, nonNull: number) => ({
  nulls: rows - nonNull,
  nullPercent: rows === 0 ? 0 : ((rows - nonNull) / rows) * 100,
});

/** A column's profile from its value counts (see profileValueCounts): every figure exact. */
function fromValueCounts(
  c: { i: number; name: string; type: string; kind: ColumnProfile["kind"] },
  values: ValueCounts,
  rows: number,
  bounds: Row,
): ColumnProfile {
  const text = c.kind === "text";
  return {
    name: c.name,
    type: c.type,
    kind: c.kind,
    ...nullCounts(rows, values.nonNull),
    distinct: values.distinct,
    distinctExact: true,
    // Bounds of other kinds come from the bounds query (the file's statistics), as for every column.
    min: text ? values.min : str(bounds[`lo${c.i}`]),
    max: text ? values.max : str(bounds[`hi${c.i}`]),
    mean: values.mean,
    stddev: values.stddev,
    quantiles: values.quartiles,
    quantilesExact: true,
    histogram: null,
    histogramExact: true,
    topValues:
      values.byCount && values.byCount.slice(0, TOP_VALUES).map((t) => ({ value: cut(t.value), count: t.count })),
  };
}

export type ProfileOptions = {
  /**
   * Columns known to hold at most CHEAP_DISTINCT distinct values (from the whole file's footer: see
   * fewDistinctColumns), counted exactly without a sample probe. Only for a view of a whole version.
   */
  fewDistinct?: ReadonlySet<string>;
  /**
   * A second connection to the same view, free now: the value counts of the columns with few distinct values then
   * run on it while this connection scans the others. Still in use until profileDataView settles.
   */
  counter?: DuckDBConnection;
};

/**
 * The column profile of whatever the view `data` on this connection shows (a dataset version, or
 * a restricted view of one): row count; per column nulls, distinct count (exact up to
 * CATALOG_PROFILE_EXACT_ROWS rows, an estimate marked as such beyond), min/max of ordered types,
 * mean/stddev/quartiles of numbers only, a histogram of numbers, dates and timestamps, and the top
 * values of text and booleans. Nested columns get nulls only. Reads only `data`: the caller decides
 * what that view may show. Interrupted after CATALOG_QUERY_TIMEOUT_MS.
 *
 * Scans, in order: the bounds of numbers and dates (alone, DuckDB answers them from the Parquet
 * statistics: no scan of a plain version); beyond the exact limit one sample scan (distinct probe,
 * top value candidates, quartiles); one full scan (counts, distinct counts, text bounds, moments,
 * exact quartiles or the candidates' counts); the histograms, grouped, over all rows or the sample;
 * while exact, one grouping per text column. The bounds come first so that the histogram bins are
 * known before any scan.
 */
export async function profileDataView(
  connection: DuckDBConnection,
  columns: Column[],
  options: ProfileOptions = {},
): Promise<DatasetProfile> {
  const fewDistinct = options.fewDistinct ?? new Set<string>();
  const { exactRowLimit } = profileConfig();
  const inFlight: { counts?: Promise<unknown> } = {};
  try {
    return await withQueryTimeout(
      connection,
      async () => {
        const rows = Number((await one(connection, `SELECT count(*) AS n FROM ${DATA_VIEW}`)).n ?? 0);
        const exact = rows <= exactRowLimit;
        const cols = columns.map((c, i) => ({ ...c, i, q: quoteIdent(c.name), kind: profileKind(c.type) }));
        const numbers = cols.filter((c) => c.kind === "number");

        // Min and max of every ordered type but text, in a query of their own: that way DuckDB answers them from the
        // Parquet file's statistics (text bounds are not trusted from statistics, so they join the full scan below).
        const bounds: Row = {};
        const statBounds: string[] = [];
        for (const c of cols) {
          if (c.kind === "nested" || c.kind === "text" || !isOrderable(c.kind, c.type)) continue;
          statBounds.push(`min(${c.q})::VARCHAR AS lo${c.i}`, `max(${c.q})::VARCHAR AS hi${c.i}`);
          if (c.kind === "temporal")
            statBounds.push(
              `epoch_ms(min(${c.q})::TIMESTAMP) AS tlo${c.i}`,
              `epoch_ms(max(${c.q})::TIMESTAMP) AS thi${c.i}`,
            );
        }
        if (statBounds.length > 0)
          Object.assign(bounds, await one(connection, `SELECT ${statBounds.join(", ")} FROM ${DATA_VIEW}`));
        for (const c of numbers) {
          bounds[`flo${c.i}`] = bounds[`lo${c.i}`];
          bounds[`fhi${c.i}`] = bounds[`hi${c.i}`];
        }
        // Floating-point columns holding NaN or ±Infinity (their bounds say so): bounds over their finite values (a rare
        // extra scan), and moments filtered to finite values (stddev_samp fails outright on ±Infinity). Columns with
        // finite bounds hold no such value and need no filter, which costs as much as the moments themselves.
        const nonFinite = new Set(
          numbers
            .filter((c) => bounds[`lo${c.i}`] != null && [`lo`, `hi`].some((k) => num(bounds[`${k}${c.i}`]) === null))
            .map((c) => c.i),
        );
        const finite = (c: { q: string }) => `FILTER (WHERE isfinite(${c.q}::DOUBLE))`;
        // Moments and quartiles of a column with finite bounds need neither the cast nor the filter (both cost a pass).
        // DECIMAL, FLOAT and the 128-bit integers are also read as DOUBLE: quantile_cont would otherwise interpolate
        // in the column's own type (a DECIMAL's scale cuts 1.25 to 1.2, a FLOAT rounds) and avg() of a HUGEINT near
        // its bounds overflows; as doubles they agree with the value counts' figures (value-counts.ts).
        const moment = (c: { i: number; q: string; type: string }) =>
          nonFinite.has(c.i) || AS_DOUBLE.test(c.type) ? `${c.q}::DOUBLE` : c.q;
        const momentFilter = (c: { i: number; q: string }) => (nonFinite.has(c.i) ? ` ${finite(c)}` : "");
        if (nonFinite.size > 0)
          Object.assign(
            bounds,
            await one(
              connection,
              `SELECT ${numbers
                .filter((c) => nonFinite.has(c.i))
                .flatMap((c) => [
                  `min(${c.q}::DOUBLE) ${finite(c)} AS flo${c.i}`,
                  `max(${c.q}::DOUBLE) ${finite(c)} AS fhi${c.i}`,
                ])
                .join(", ")} FROM ${DATA_VIEW}`,
            ),
          );

        // Every histogram's expression, with the bounds found above.
        const binned: {
          i: number;
          key: string;
          keyOf: (x: string) => string;
          finish: (counts: Map<number, number>) => ColumnProfile["histogram"];
        }[] = [];
        for (const c of cols) {
          if (c.kind === "number") {
            const lo = num(bounds[`flo${c.i}`]);
            const hi = num(bounds[`fhi${c.i}`]);
            if (lo === null || hi === null) continue;
            const b: NumberBinning = numberBinning(lo, hi, isIntegerType(c.type));
            const index = (x: string) =>
              `greatest(0, least(${b.count - 1}, floor((${x}::DOUBLE - (${lo})::DOUBLE) / (${b.width})::DOUBLE)))::INTEGER`;
            // A null key is no bin: greatest() and least() skip nulls, so without the CASE a null value would land in
            // the first bin (and NaN or ±Infinity at an end).
            const keyOf = (x: string) =>
              `CASE WHEN ${FLOAT.test(c.type) ? `isfinite(${x}::DOUBLE)` : `${x} IS NOT NULL`} THEN ${index(x)} END`;
            binned.push({ i: c.i, key: keyOf(c.q), keyOf, finish: (counts) => numberBins(b, counts) });
          } else if (c.kind === "temporal") {
            const lo = num(bounds[`tlo${c.i}`]);
            const hi = num(bounds[`thi${c.i}`]);
            if (lo === null || hi === null) continue;
            const dateOnly = isDateType(c.type);
            const step = temporalStep(lo, hi, dateOnly);
            const keyOf = (x: string) => `epoch_ms(time_bucket(INTERVAL '${step.interval}', ${x}::TIMESTAMP))`;
            binned.push({ i: c.i, key: keyOf(c.q), keyOf, finish: (counts) => temporalBins(step, counts, dateOnly) });
          }
        }

        // Numbers, dates, timestamps and text the file's footer shows to hold few distinct values are profiled from their
        // value counts alone (below): exactly, all of them in one grouped scan, and they stay out of the sample and the
        // full scan (their sort for quartiles, their moments and their bins were most of those scans' cost).
        const byValueCounts = (c: { name: string; kind: string }) =>
          (c.kind === "number" || c.kind === "temporal" || c.kind === "text") && fewDistinct.has(c.name);
        const scanBinned = binned.filter((b) => !byValueCounts(cols[b.i]!));

        // Beyond the exact limit, one scan of a sample (about SAMPLE_ROWS rows: whole vectors, seeded, the same on every
        // run) tells which columns have few distinct values, whose exact count stays cheap (a small hash table),
        // proposes the top values of text columns, which the full scan then counts exactly (the values are bound, never
        // written into the SQL), and gives the quartiles and histograms (the costly part: a sort or a map per column);
        // bin counts are scaled to the column's non-null count and marked approximate.
        // Columns with few distinct values: every value's count, in one scan of them all (see profileValueCounts), on
        // the second connection while this one reads the sample and the other columns, when there is one.
        const countedCols = cols.filter(byValueCounts);
        const countSpecs = countedCols.map((c) => {
          const b = binned.find((b) => b.i === c.i);
          return {
            q: c.q,
            text: c.kind === "text",
            numeric: c.kind === "number",
            binKey: rows > 0 && b ? b.keyOf : null,
          };
        });
        const counter = options.counter;
        const early = counter
          ? withQueryTimeout(counter, () => profileValueCounts(counter, countSpecs), "profiling the columns")
          : null;
        // Awaited below, and always settled before this function returns (the caller then releases the connection).
        early?.catch(() => {});
        if (early) inFlight.counts = early;
        // Without a second connection, counted after the scans below, on this one (one query at a time).
        const valueCounts = () => early ?? profileValueCounts(connection, countSpecs);

        const sample: Row = {};
        const percent = rows > 0 ? Math.min(100, (SAMPLE_ROWS / rows) * 100) : 100;
        const sampleFrom = `(SELECT * FROM ${DATA_VIEW} USING SAMPLE ${percent.toFixed(6)}% (system, 7))`;
        if (!exact && rows > 0) {
          const sampled = [
            ...cols
              .filter((c) => c.kind !== "nested" && c.kind !== "boolean" && !fewDistinct.has(c.name))
              .flatMap((c) => [
                `approx_count_distinct(${c.q}) AS sd${c.i}`,
                ...(c.kind === "text" ? [`approx_top_k(${c.q}::VARCHAR, ${TOP_VALUES * 2}) AS tk${c.i}`] : []),
              ]),
            ...numbers
              .filter((c) => !byValueCounts(c))
              .map((c) => `quantile_cont(${moment(c)}, [0.25, 0.5, 0.75])${momentFilter(c)} AS qs${c.i}`),
            // The histograms join this scan: a second read of the sample would decode the whole file again.
            ...scanBinned.map((b) => `histogram(${b.key}) AS hg${b.i}`),
          ];
          if (sampled.length > 0)
            Object.assign(sample, await one(connection, `SELECT ${sampled.join(", ")} FROM ${sampleFrom}`));
        }
        const exactDistinct = (c: { i: number; name: string }) =>
          exact || fewDistinct.has(c.name) || Number(sample[`sd${c.i}`] ?? Infinity) <= CHEAP_DISTINCT;
        // Text counted exactly is grouped on its own below (distinct count, bounds and top values from one small hash
        // table: far cheaper than count(DISTINCT) and filtered top-value counts in the full scan); other text gets the
        // sample's top-value candidates counted exactly in the full scan.
        const grouped = (c: { i: number; name: string; kind: string }) =>
          byValueCounts(c) || (c.kind === "text" && exactDistinct(c));
        const candidates: { i: number; values: string[] }[] = [];
        for (const c of cols) {
          if (c.kind !== "text" || grouped(c)) continue;
          const found = sample[`tk${c.i}`];
          const values = Array.isArray(found) ? found.filter((v) => v !== null).map(String) : [];
          if (values.length > 0) candidates.push({ i: c.i, values });
        }

        // One full scan of the other columns: non-null counts, distinct counts and bounds of text, distinct counts of the
        // other kinds but booleans, moments, and while exact the quartiles too.
        const select: string[] = ["count(*) AS n"];
        for (const c of cols) {
          if (grouped(c)) continue;
          select.push(`count(${c.q}) AS nn${c.i}`);
          if (c.kind === "nested") continue;
          if (c.kind === "text") select.push(`min(${c.q})::VARCHAR AS lo${c.i}`, `max(${c.q})::VARCHAR AS hi${c.i}`);
          if (c.kind === "boolean")
            select.push(`count(*) FILTER (WHERE ${c.q}) AS bt${c.i}`, `count(*) FILTER (WHERE NOT ${c.q}) AS bf${c.i}`);
          else
            select.push(
              exactDistinct(c) ? `count(DISTINCT ${c.q}) AS d${c.i}` : `approx_count_distinct(${c.q}) AS d${c.i}`,
            );
          if (c.kind === "number") {
            const [x, filter] = [moment(c), momentFilter(c)];
            select.push(`avg(${x})${filter} AS mean${c.i}`, `stddev_samp(${x})${filter} AS sd${c.i}`);
            if (exact) select.push(`quantile_cont(${x}, [0.25, 0.5, 0.75])${filter} AS qs${c.i}`);
          }
        }
        candidates.forEach((k, n) => {
          const q = cols[k.i]!.q;
          select.push(`histogram(${q}::VARCHAR) FILTER (WHERE list_contains($${n + 1}, ${q}::VARCHAR)) AS t${k.i}`);
        });
        const base = {
          ...bounds,
          ...(await one(
            connection,
            `SELECT ${select.join(", ")} FROM ${DATA_VIEW}`,
            candidates.map((k) => listValue(k.values)),
          )),
        };
        const from = exact ? base : sample;
        const counts = await valueCounts();
        const counted = new Map(countedCols.map((c, k) => [c.i, counts[k]!]));

        const profiles: ColumnProfile[] = cols.map((c) => {
          const values = counted.get(c.i);
          if (values) return fromValueCounts(c, values, rows, bounds);
          const nonNull = Number(base[`nn${c.i}`] ?? 0);
          const quartiles = from[`qs${c.i}`];
          const q = Array.isArray(quartiles) ? quartiles.map(num) : null;
          const d = num(base[`d${c.i}`]);
          return {
            name: c.name,
            type: c.type,
            kind: c.kind,
            ...nullCounts(rows, nonNull),
            distinct: c.kind === "nested" ? null : d === null ? null : exactDistinct(c) ? d : clampDistinct(d, nonNull),
            distinctExact: c.kind !== "nested" && exactDistinct(c),
            min: str(base[`lo${c.i}`]),
            max: str(base[`hi${c.i}`]),
            mean: c.kind === "number" ? num(base[`mean${c.i}`]) : null,
            stddev: c.kind === "number" ? num(base[`sd${c.i}`]) : null,
            quantiles:
              q && q[0] !== null && q[1] !== null && q[2] !== null ? { p25: q[0]!, p50: q[1]!, p75: q[2]! } : null,
            quantilesExact: exact,
            histogram: null,
            histogramExact: exact,
            topValues: null,
          };
        });

        for (const c of cols) {
          if (c.kind !== "boolean") continue;
          const counts = [
            { value: "true", count: Number(base[`bt${c.i}`] ?? 0) },
            { value: "false", count: Number(base[`bf${c.i}`] ?? 0) },
          ]
            .filter((v) => v.count > 0)
            .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
          Object.assign(profiles[c.i]!, { distinct: counts.length, distinctExact: true, topValues: counts });
        }

        if (rows > 0 && binned.length > 0) {
          for (const b of binned) {
            const values = counted.get(b.i);
            if (values?.bins) profiles[b.i]!.histogram = b.finish(values.bins);
          }
          const counts = exact ? await binCounts(connection, scanBinned, DATA_VIEW) : sampledBins(sample, scanBinned);
          for (const b of scanBinned) {
            const profile = profiles[b.i]!;
            const found = counts.get(b.i) ?? new Map<number, number>();
            profile.histogram = b.finish(exact ? found : scaleCounts(found, rows - profile.nulls));
            profile.histogramExact = exact;
          }
        }
        for (const c of cols) {
          if (c.kind !== "text" || grouped(c)) continue;
          const entries = Array.isArray(base[`t${c.i}`]) ? (base[`t${c.i}`] as { key: unknown; value: unknown }[]) : [];
          profiles[c.i]!.topValues = entries
            .map((e) => ({ value: cut(String(e.key)), count: Number(e.value) }))
            .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
            .slice(0, TOP_VALUES);
        }

        // Other text counted exactly: one grouping per column gives every value's count, so the exact distinct count, the
        // bounds and the top values, all derived in DuckDB (such a column may hold as many distinct values as rows).
        for (const c of cols) {
          if (!grouped(c) || counted.has(c.i)) continue;
          const row = await one(
            connection,
            `WITH g AS MATERIALIZED (SELECT ${c.q} AS v, count(*) AS n FROM ${DATA_VIEW} GROUP BY ALL)
           SELECT (SELECT count(v) FROM g) AS d,
                  (SELECT coalesce(sum(n), 0) FROM g WHERE v IS NOT NULL) AS nn,
                  (SELECT min(v)::VARCHAR FROM g) AS lo,
                  (SELECT max(v)::VARCHAR FROM g) AS hi,
                  (SELECT list({'v': v::VARCHAR, 'n': n} ORDER BY n DESC, v)
                     FROM (SELECT v, n FROM g WHERE v IS NOT NULL ORDER BY n DESC, v LIMIT ${TOP_VALUES})) AS top`,
          );
          const top = Array.isArray(row.top) ? (row.top as { v: unknown; n: unknown }[]) : [];
          Object.assign(profiles[c.i]!, {
            ...nullCounts(rows, Number(row.nn ?? 0)),
            distinct: Number(row.d ?? 0),
            distinctExact: true,
            min: str(row.lo),
            max: str(row.hi),
            topValues: top.map((e) => ({ value: cut(String(e.v)), count: Number(e.n) })),
          });
        }

        return { profileVersion: PROFILE_VERSION, rows, exactRowLimit, columns: profiles };
      },
      "profiling the columns",
    );
  } finally {
    // A failure here must not hand the second connection back while its query still runs.
    await inFlight.counts?.catch(() => {});
  }
}
