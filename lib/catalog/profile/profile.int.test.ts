import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { settleBackground } from "@/lib/util/background";
import { setupTestDatabase } from "@/test/db";
import { getColumnStats } from "../column-stats";
import { commitIngest } from "../ingest/commit-ingest";
import { restoreVersion } from "../restore-version";
import { shareResource } from "@/lib/sharing/share-resource";
import { person } from "@/lib/sharing/test-support";
import { createCast, createDataset, prepare, setupCatalogStorage } from "../test-support";
import { fewDistinctColumns } from "./few-distinct-columns";
import { profileDataView } from "./profile-data-view";
import { readStoredProfile, type ColumnProfile } from "./types";

setupTestDatabase();
setupCatalogStorage();

const ROWS = 50_000;
const CITIES = ["Oslo", "Bergen", "Zürich", "Oslo", "Tromsø"];
const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);

/** 50,000 rows: a unique key, text with repeats and nulls, a number with nulls, a date, a boolean. */
function sample() {
  const lines = ["id,code,city,score,day,ok"];
  for (let i = 1; i <= ROWS; i++) {
    const city = i % 10 === 0 ? "" : CITIES[i % CITIES.length];
    const score = i % 25 === 0 ? "" : String((i % 100) / 4);
    lines.push(`${i},k${String(i).padStart(6, "0")},${city},${score},${day(i)},${i % 3 === 0}`);
  }
  return `${lines.join("\n")}\n`;
}

const column = (columns: ColumnProfile[], name: string) => columns.find((c) => c.name === name)!;
const binTotal = (c: ColumnProfile) => c.histogram!.bins.reduce((n, b) => n + b.count, 0);

afterEach(() => {
  delete process.env.CATALOG_PROFILE_EXACT_ROWS;
});

describe("column profile", () => {
  it("counts a 50,000-row unique key exactly and profiles each kind of column", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "people.csv", sample());
    const profile = await getColumnStats(owner, datasetId);
    const id = column(profile.columns, "id");
    expect(id.distinct).toBe(50_000); // DuckDB's SUMMARIZE said 45,031
    expect(profile).toMatchObject({ version: 1, rows: ROWS });
    expect(id).toMatchObject({ type: "BIGINT", kind: "number", distinct: 50_000, distinctExact: true, nulls: 0 });
    expect(id).toMatchObject({ min: "1", max: "50000", mean: 25_000.5, quantilesExact: true });
    expect(id.quantiles).toEqual({ p25: 12_500.75, p50: 25_000.5, p75: 37_500.25 });
    expect(id.histogram!.bins).toHaveLength(20);
    expect(id.histogram!.bins.every((b) => b.count === 2_500)).toBe(true);
    expect(column(profile.columns, "code")).toMatchObject({ kind: "text", distinct: 50_000, distinctExact: true });

    // Repeats and nulls: every tenth row has no city.
    const cities = new Map<string, number>();
    for (let i = 1; i <= ROWS; i++) if (i % 10 !== 0) cities.set(CITIES[i % 5]!, (cities.get(CITIES[i % 5]!) ?? 0) + 1);
    const city = column(profile.columns, "city");
    expect(city).toMatchObject({ kind: "text", nulls: 5_000, nullPercent: 10, distinct: 4, distinctExact: true });
    expect(city).toMatchObject({
      mean: null,
      stddev: null,
      quantiles: null,
      histogram: null,
      min: "Bergen",
      max: "Zürich",
    });
    expect(city.topValues).toEqual(
      [...cities].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value, count]) => ({ value, count })),
    );
    expect(city.topValues![0]).toEqual({ value: "Oslo", count: 15_000 });

    const score = column(profile.columns, "score");
    expect(score).toMatchObject({
      type: "DOUBLE",
      nulls: 2_000,
      nullPercent: 4,
      distinct: 96,
      min: "0.25",
      max: "24.75",
    });
    expect(binTotal(score)).toBe(ROWS - 2_000);

    // Dates: min, max and a calendar histogram, no mean or quantiles.
    const dates = column(profile.columns, "day");
    expect(dates).toMatchObject({
      type: "DATE",
      kind: "temporal",
      distinct: 365,
      min: "2026-01-01",
      max: "2026-12-31",
    });
    expect(dates).toMatchObject({ mean: null, stddev: null, quantiles: null, topValues: null });
    expect(dates.histogram).toMatchObject({ kind: "temporal", step: "1 month" });
    expect(dates.histogram!.bins).toHaveLength(12);
    expect(dates.histogram!.bins[0]).toMatchObject({ start: "2026-01-01", end: "2026-02-01" });
    expect(binTotal(dates)).toBe(ROWS);

    const ok = column(profile.columns, "ok");
    expect(ok).toMatchObject({
      kind: "boolean",
      distinct: 2,
      distinctExact: true,
      min: null,
      mean: null,
      histogram: null,
    });
    expect(ok.topValues).toEqual([
      { value: "false", count: 33_334 },
      { value: "true", count: 16_666 },
    ]);
  });

  it("is stored after the ingest answers, without a request for it; a request meanwhile waits for that computation", async () => {
    const { owner, workspace } = await createCast();
    // A whole version's profile reads the Parquet footer's distinct counts once (fewDistinctColumns): that step is
    // held until the test lets it go, and counted, one per computation.
    const profileStep = (sql: unknown) => String(sql).includes("stats_distinct_count");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const run = DuckDBConnection.prototype.runAndReadAll;
    const spy = vi.spyOn(DuckDBConnection.prototype, "runAndReadAll").mockImplementation(async function (
      this: DuckDBConnection,
      ...args: Parameters<typeof run>
    ) {
      if (profileStep(args[0])) await held;
      return run.apply(this, args);
    });
    const computations = () => spy.mock.calls.filter(([sql]) => profileStep(sql)).length;
    try {
      const ingest = await prepare(owner, workspace.id, "small.csv", "n,label\n1,a\n2,b\n2,\n");
      const committed = commitIngest(owner, ingest.id, { name: "Small", slug: "small", description: "", tags: [] });
      const first = await Promise.race([committed, new Promise<"waited">((r) => setTimeout(() => r("waited"), 5_000))]);
      // The ingest answers while its profile is still being computed: it does not wait for statistics.
      expect(first).toMatchObject({ version: 1 });
      const { datasetId } = await committed;
      const v1 = await getDb().datasetVersion.findFirstOrThrow({ where: { datasetId, number: 1 } });
      expect(v1.stats).toBeNull();
      release();
      await settleBackground();
      expect(computations()).toBe(1);
      const stored1 = await getDb().datasetVersion.findUniqueOrThrow({ where: { id: v1.id } });
      expect(readStoredProfile(stored1.stats)).toMatchObject({
        rows: 3,
        columns: [{ name: "n", distinct: 2 }, { nulls: 1 }],
      });

      const append = await prepare(owner, workspace.id, "more.csv", "n,label\n7,c\n", { mode: "append", datasetId });
      await commitIngest(owner, append.id);
      // Asked for while the ingest's own computation is under way: the same computation answers, not a second one.
      const asked = await getColumnStats(owner, datasetId);
      await settleBackground();
      expect(computations()).toBe(2);
      const v2 = await getDb().datasetVersion.findFirstOrThrow({ where: { datasetId, number: 2 } });
      const stored = readStoredProfile(v2.stats);
      expect(stored).toMatchObject({
        rows: 4,
        columns: [
          { name: "n", distinct: 3, max: "7" },
          { name: "label", nulls: 1 },
        ],
      });
      expect(asked).toEqual({ version: 2, ...stored });
    } finally {
      release();
      spy.mockRestore();
    }
  });

  it("a restore reuses the restored version's profile; an old stored shape is recomputed once", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "r.csv", "n\n1\n2\n3\n");
    const replace = await prepare(owner, workspace.id, "r2.csv", "n\n9\n", { mode: "replace", datasetId });
    await commitIngest(owner, replace.id);
    await settleBackground(); // both versions' profiles are stored once computed after their ingests

    // Mark version 1's stored profile so a recomputation would show: the restore must copy it as it is.
    const v1 = await getDb().datasetVersion.findFirstOrThrow({ where: { datasetId, number: 1 } });
    const marked = { ...readStoredProfile(v1.stats)!, exactRowLimit: 123 };
    await getDb().datasetVersion.update({ where: { id: v1.id }, data: { stats: marked } });
    expect(await restoreVersion(owner, datasetId, 1)).toEqual({ version: 3 });
    expect(await getColumnStats(owner, datasetId)).toEqual({ version: 3, ...marked });

    // Statistics of an older release (SUMMARIZE's shape) are replaced by a profile on first request.
    await getDb().datasetVersion.update({ where: { id: v1.id }, data: { stats: [{ name: "n", distinct: 4 }] } });
    const recomputed = await getColumnStats(owner, datasetId, 1);
    expect(recomputed).toMatchObject({
      version: 1,
      rows: 3,
      columns: [{ name: "n", distinct: 3, distinctExact: true }],
    });
    const stored = await getDb().datasetVersion.findUniqueOrThrow({ where: { id: v1.id } });
    expect({ version: 1, ...readStoredProfile(stored.stats) }).toEqual(recomputed);
  });

  it("beyond the exact limit marks distinct counts and quantiles approximate, never above the non-null count", async () => {
    process.env.CATALOG_PROFILE_EXACT_ROWS = "1000";
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "big.csv", sample());
    const profile = await getColumnStats(owner, datasetId);
    expect(profile.exactRowLimit).toBe(1000);
    for (const c of profile.columns) {
      // Columns with few distinct values (in a sample) are still counted exactly; the two unique keys are estimated.
      expect(c.distinctExact, c.name).toBe(!["id", "code"].includes(c.name));
      expect(c.distinct!, c.name).toBeLessThanOrEqual(ROWS - c.nulls);
    }
    expect(column(profile.columns, "id")).toMatchObject({ quantilesExact: false, histogramExact: false, max: "50000" });
    expect(column(profile.columns, "city")).toMatchObject({ distinct: 4, nulls: 5_000 });
    expect(column(profile.columns, "city").topValues![0]).toEqual({ value: "Oslo", count: 15_000 });
    expect(binTotal(column(profile.columns, "id"))).toBe(ROWS);
  });

  it("a slice's profile beyond the exact limit comes from the slice's rows alone", async () => {
    process.env.CATALOG_PROFILE_EXACT_ROWS = "2";
    const { owner, workspace } = await createCast();
    const orders = ["order_id,region,amount", "1,North,10", "2,South,20", "3,North,30", "4,East,40", "5,North,50"];
    const { datasetId } = await createDataset(owner, workspace.id, "orders.csv", `${orders.join("\n")}\n`);
    const carol = await person("carol");
    const north = { rows: [{ column: "region", op: "eq" as const, value: "North" }], columns: null };
    await shareResource(owner, "dataset", datasetId, { grantees: [carol.username!], role: "viewer", scope: north });
    const whole = await getColumnStats(owner, datasetId);
    expect(column(whole.columns, "region")).toMatchObject({ distinct: 3, min: "East", max: "South" });
    const slice = await getColumnStats(carol, datasetId);
    expect(slice.rows).toBe(3);
    expect(column(slice.columns, "region")).toMatchObject({
      distinct: 1,
      distinctExact: true,
      min: "North",
      max: "North",
      topValues: [{ value: "North", count: 3 }],
    });
    expect(column(slice.columns, "amount")).toMatchObject({ min: "10", max: "50", distinct: 3, mean: 30 });
    expect(binTotal(column(slice.columns, "amount"))).toBe(3);
  });

  it("nested columns get nulls only; an empty column has no bounds", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(
      owner,
      workspace.id,
      "nested.jsonl",
      '{"tags": ["a", "b"], "n": null}\n{"tags": null, "n": null}\n{"tags": ["c"], "n": null}\n',
    );
    const profile = await getColumnStats(owner, datasetId);
    expect(column(profile.columns, "tags")).toMatchObject({
      kind: "nested",
      nulls: 1,
      distinct: null,
      min: null,
      max: null,
      histogram: null,
      topValues: null,
    });
    expect(column(profile.columns, "n")).toMatchObject({ nulls: 3, nullPercent: 100, min: null, histogram: null });
  });
});

describe("fewDistinctColumns", () => {
  it("names the columns whose dictionaries in every row group add up to at most the limit", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ds-few-distinct-"));
    const file = path.join(dir, "t.parquet");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      // Two row groups: 7 repeated codes and 30 repeated numbers (dictionary-encoded), a unique key (not).
      await connection.run(
        `COPY (SELECT 'c' || (i % 7)::VARCHAR AS code, (i % 30)::INTEGER AS n, i AS id FROM range(200000) r(i))
         TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 100000)`,
      );
      expect([...(await fewDistinctColumns(connection, file, 10_000))].sort()).toEqual(["code", "n"]);
      // the dictionaries of both row groups count: 2 × 30 entries are over a limit of 50
      expect([...(await fewDistinctColumns(connection, file, 50))]).toEqual(["code"]);
    } finally {
      connection.closeSync();
      instance.closeSync();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("profileDataView", () => {
  it("profiles whatever the view `data` shows; NaN and Infinity stay out of the mean and the histogram", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      await connection.run(
        `CREATE VIEW data AS SELECT * FROM (VALUES (1.5::DOUBLE), (2.5), ('nan'::DOUBLE), ('inf'::DOUBLE), (NULL)) t(x)`,
      );
      const profile = await profileDataView(connection, [{ name: "x", type: "DOUBLE" }]);
      const x = profile.columns[0]!;
      expect(profile.rows).toBe(5);
      expect(x).toMatchObject({ nulls: 1, distinct: 4, distinctExact: true, min: "1.5", mean: 2 });
      expect(x.histogram!.bins[0]!.start).toBe(1.5);
      expect(x.histogram!.bins.at(-1)!.end).toBe(2.5);
      expect(binTotal(x)).toBe(2);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it("beyond the exact limit still gives text with few distinct values its exact top values, ties by value", async () => {
    process.env.CATALOG_PROFILE_EXACT_ROWS = "1000";
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      // 500 sensors, each on exactly 100 of 50,000 rows: every value ties, so the top 10 are the 10 smallest values.
      await connection.run(
        `CREATE VIEW data AS SELECT 's' || lpad((i % 500)::VARCHAR, 3, '0') AS sensor, CASE WHEN i % 7 = 0 THEN NULL ELSE 'x' || (i % 3)::VARCHAR END AS code FROM range(50000) r(i)`,
      );
      const profile = await profileDataView(connection, [
        { name: "sensor", type: "VARCHAR" },
        { name: "code", type: "VARCHAR" },
      ]);
      const [sensor, code] = profile.columns as [ColumnProfile, ColumnProfile];
      expect(sensor).toMatchObject({ distinct: 500, distinctExact: true, min: "s000", max: "s499", nulls: 0 });
      expect(sensor.topValues).toEqual(Array.from({ length: 10 }, (_, k) => ({ value: `s00${k}`, count: 100 })));
      expect(code).toMatchObject({ distinct: 3, distinctExact: true, min: "x0", max: "x2", nulls: 7143 });
      expect(code.topValues!.reduce((n, t) => n + t.count, 0)).toBe(50_000 - 7143);
      // A profile stored by the previous shape (candidates' top values) is computed again on its first request.
      expect(readStoredProfile(profile)).not.toBeNull();
      expect(readStoredProfile({ ...profile, profileVersion: 2 })).toBeNull();
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it("beyond the exact limit profiles numbers and dates with few distinct values exactly, from their value counts", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      // 60,000 rows: a skewed integer with ties and nulls, a double with NaN and ±Infinity, a date, a unique key.
      await connection.run(
        `CREATE VIEW data AS SELECT
           CASE WHEN i % 11 = 0 THEN NULL ELSE ((i * i) % 37) - 9 END AS n,
           CASE WHEN i % 997 = 0 THEN 'nan'::DOUBLE WHEN i % 991 = 0 THEN 'inf'::DOUBLE
                WHEN i % 13 = 0 THEN NULL ELSE ((i % 301) / 8.0)::DOUBLE END AS x,
           DATE '2026-01-01' + ((i * 7) % 90)::INTEGER AS d,
           CASE WHEN i % 17 = 0 THEN NULL ELSE 'c' || ((i * i) % 23)::VARCHAR END AS t,
           i AS id
         FROM range(60000) r(i)`,
      );
      const columns = [
        { name: "n", type: "INTEGER" },
        { name: "x", type: "DOUBLE" },
        { name: "d", type: "DATE" },
        { name: "t", type: "VARCHAR" },
        { name: "id", type: "BIGINT" },
      ];
      const exact = await profileDataView(connection, columns);
      process.env.CATALOG_PROFILE_EXACT_ROWS = "1000";
      const fromCounts = await profileDataView(connection, columns, { fewDistinct: new Set(["n", "x", "d", "t"]) });
      const reference = (
        await connection.runAndReadAll(
          `SELECT quantile_cont(n, [0.25, 0.5, 0.75]) AS qn, avg(n) AS mn, stddev_samp(n) AS sn,
                  quantile_cont(x, [0.25, 0.5, 0.75]) FILTER (WHERE isfinite(x)) AS qx,
                  avg(x) FILTER (WHERE isfinite(x)) AS mx, stddev_samp(x) FILTER (WHERE isfinite(x)) AS sx FROM data`,
        )
      ).getRowObjectsJson()[0] as Record<string, number[] | number>;
      for (const [name, q, mean, sd] of [
        ["n", reference.qn, reference.mn, reference.sn],
        ["x", reference.qx, reference.mx, reference.sx],
      ] as [string, number[], number, number][]) {
        const c = column(fromCounts.columns, name);
        expect(c, name).toMatchObject({ distinctExact: true, quantilesExact: true, histogramExact: true });
        expect(c.quantiles!.p25, name).toBeCloseTo(q[0]!, 9);
        expect(c.quantiles!.p50, name).toBeCloseTo(q[1]!, 9);
        expect(c.quantiles!.p75, name).toBeCloseTo(q[2]!, 9);
        expect(c.mean!, name).toBeCloseTo(mean, 9);
        expect(c.stddev!, name).toBeCloseTo(sd, 9);
        // Every figure is the exact profile's (same bins, same counts), computed beyond the exact limit.
        const { quantiles, mean: m, stddev, quantilesExact, histogramExact, ...rest } = column(exact.columns, name);
        expect({ quantilesExact, histogramExact }).toEqual({ quantilesExact: true, histogramExact: true });
        expect(c, name).toMatchObject(rest);
        expect([quantiles!.p50, m!, stddev!].map((v) => v.toFixed(9))).toEqual(
          [c.quantiles!.p50, c.mean!, c.stddev!].map((v) => v.toFixed(9)),
        );
      }
      expect(column(fromCounts.columns, "x").nulls).toBe(column(exact.columns, "x").nulls);
      expect(column(fromCounts.columns, "d")).toMatchObject({
        ...column(exact.columns, "d"),
        distinct: 90,
        histogramExact: true,
      });
      // Text: bounds, the top values (ties in value order) and the counts, as in the exact profile.
      expect(column(fromCounts.columns, "t")).toEqual(column(exact.columns, "t"));
      expect(column(fromCounts.columns, "t").topValues).toHaveLength(10);
      // The unique key is not named few: it is still estimated from the sample.
      expect(column(fromCounts.columns, "id")).toMatchObject({ distinctExact: false, quantilesExact: false });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it("gives every column of a wide table its own histogram, with nulls out of the bins", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      // More numeric columns than one grouped histogram query takes, each with its own range, plus a date column.
      const width = 40;
      const numbers = Array.from(
        { length: width },
        (_, k) => `CASE WHEN i % 10 = 0 THEN NULL ELSE i * ${k + 1} END AS n${k}`,
      );
      await connection.run(
        `CREATE VIEW data AS SELECT ${numbers.join(", ")}, DATE '2026-01-01' + (i % 3)::INTEGER AS d FROM range(1, 101) r(i)`,
      );
      const columns = [
        ...Array.from({ length: width }, (_, k) => ({ name: `n${k}`, type: "BIGINT" })),
        { name: "d", type: "DATE" },
      ];
      const profile = await profileDataView(connection, columns);
      for (let k = 0; k < width; k++) {
        const c = profile.columns[k]!;
        expect(c, c.name).toMatchObject({
          nulls: 10,
          min: String(k + 1),
          max: String(99 * (k + 1)),
          histogramExact: true,
        });
        expect(binTotal(c), c.name).toBe(90);
        expect(c.histogram!.bins[0]!.start, c.name).toBe(k + 1);
      }
      const d = profile.columns[width]!;
      expect(d.histogram).toMatchObject({ kind: "temporal", step: "1 day" });
      expect(d.histogram!.bins.map((b) => b.count)).toEqual([33, 34, 33]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
