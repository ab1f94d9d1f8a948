import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it, vi } from "vitest";
import { getDb, jsonObject } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { setupTestDatabase } from "@/test/db";
import { getColumnStats } from "./column-stats";
import { deleteDataset } from "./delete-dataset";
import { exportDataset } from "./export-dataset";
import { getDataset } from "./get-dataset";
import { cancelIngest } from "./ingest/cancel-ingest";
import { commitIngest } from "./ingest/commit-ingest";
import { getIngestReview } from "./ingest/ingest-review";
import { listDatasets } from "./list-datasets";
import { queryDataset } from "./query";
import { restoreVersion } from "./restore-version";
import { setDatasetVisibility } from "./set-visibility";
import { createCast, createDataset, failure, filesBelow, prepare, setupCatalogStorage, stage } from "./test-support";
import { updateDataset } from "./update-dataset";
import { datasetUploadHandler } from "./upload-handler";
import { listVersions } from "./versions";

setupTestDatabase();
const storage = setupCatalogStorage();

const CSV = "id,name,score,joined\n1,Ada,9.5,2026-01-02\n2,Bob,7.25,2026-02-03\n3,Cy,,2026-03-04\n";

/** Nothing of a failed ingest may remain: no pending row, no blob, no scratch file. */
async function expectNothingLeft(before: { ingests: number; blobs: string[] }) {
  expect(await getDb().datasetIngest.count()).toBe(before.ingests);
  expect(filesBelow(storage.blobDir()).filter((f) => !f.startsWith(".tmp"))).toEqual(before.blobs);
  expect(filesBelow(storage.scratch()).filter((f) => !f.includes("spill"))).toEqual([]);
}
async function snapshot() {
  return {
    ingests: await getDb().datasetIngest.count(),
    blobs: filesBelow(storage.blobDir()).filter((f) => !f.startsWith(".tmp")),
  };
}

async function parquetFile(): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pq-"));
  const file = path.join(dir, "v.parquet");
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  await c.run(`COPY (SELECT range AS n, 'r' || range AS label FROM range(25)) TO '${file}' (FORMAT parquet)`);
  c.closeSync();
  instance.closeSync();
  return fs.readFileSync(file);
}

/** "id BIGINT, city VARCHAR" → the column list a review reports. */
function schema(spec: string): { name: string; type: string }[] {
  return spec.split(", ").map((c) => {
    const [name, type] = c.split(" ");
    return { name: name!, type: type! };
  });
}

describe("ingest", () => {
  it("creates a dataset from each format with its inferred schema", async () => {
    const { owner, workspace } = await createCast();
    const cases: [string, string | Buffer, { name: string; type: string }[], number][] = [
      ["people.csv", CSV, schema("id BIGINT, name VARCHAR, score DOUBLE, joined DATE"), 3],
      ["bom.csv", "\uFEFFid;city\r\n1;Oslo\r\n", schema("id BIGINT, city VARCHAR"), 1],
      ["people.tsv", "id\tcity\n1\tOslo\n2\tBergen\n", schema("id BIGINT, city VARCHAR"), 2],
      ["people.json", '[{"id": 1, "ok": true}, {"id": 2, "ok": false}]', schema("id BIGINT, ok BOOLEAN"), 2],
      [
        "people.jsonl",
        '{"id": 1, "v": "a"}\n{"id": 2, "v": "b"}\n{"id": 3, "v": null}\n',
        schema("id BIGINT, v VARCHAR"),
        3,
      ],
      ["numbers.parquet", await parquetFile(), schema("n BIGINT, label VARCHAR"), 25],
    ];
    for (const [file, content, columns, rows] of cases) {
      const ingest = await prepare(owner, workspace.id, file, content);
      const review = await getIngestReview(owner, ingest.id);
      expect(review.columns).toEqual(columns);
      expect(review.rowCount).toBe(rows);
      expect(review.preview.length).toBe(Math.min(rows, 20));
      const slug = file.replace(".", "-");
      const committed = await commitIngest(owner, ingest.id, { name: file, slug, tags: "demo, Test" });
      expect(committed.path).toBe(`/w/${workspace.owner}/${workspace.slug}/catalog/${slug}`);
      const view = await getDataset(owner, { id: committed.datasetId });
      expect(view).toMatchObject({
        columns,
        rowCount: rows,
        version: 1,
        tags: ["demo", "test"],
        canWrite: true,
        canManage: true,
      });
    }
    const first = await queryDataset(
      owner,
      (await getDataset(owner, { workspaceId: workspace.id, slug: "people-csv" })).id,
      {},
    );
    expect(first.rows).toEqual([
      ["1", "Ada", 9.5, "2026-01-02"],
      ["2", "Bob", 7.25, "2026-02-03"],
      ["3", "Cy", null, "2026-03-04"],
    ]);
  });

  it("refuses bad files with a message naming the problem and line, leaving nothing behind", async () => {
    const { owner, workspace } = await createCast();
    await createDataset(owner, workspace.id, "keep.csv", CSV);
    const before = await snapshot();
    const bad: [string, string, RegExp][] = [
      ["empty.csv", "", /The file is empty/],
      ["header-only.csv", "a,b\n", /header line but no data rows/],
      [
        "ragged.csv",
        "a,b,c\n1,2,3\n4,5\n6,7,8\n",
        /^Line 3 has 2 values, but the header \(the first line\) has 3 columns/,
      ],
      ["open-quote.csv", 'a,b\n1,"never closed\n', /^Line 2 opens a quoted value that is never closed/],
      ["binary.csv", "a,b\n1,\u0000\n", /^Line 2 contains binary data/],
      ["broken.json", '[{"a": 1}, {"a": ', /malformed JSON|could not be read/i],
      ["object.json", '{"a": 1}', /array of objects/],
      ["lines.jsonl", '{"a": 1}\n{"a": 2}\nnot json\n{"a": 3}\n', /^Line 3: malformed JSON/],
      ["scalar.jsonl", '{"a": 1}\n42\n', /^(Line 2: every line|Every JSON value must be an object)/],
      ["empty.json", "[]", /no rows/],
      ["fake.parquet", "this is not parquet at all", /not a readable Parquet file/],
    ];
    for (const [file, content, message] of bad) {
      const result = await failure(prepare(owner, workspace.id, file, content));
      expect(result, file).toMatchObject({ code: "invalid" });
      expect(result.message, file).toMatch(message);
      expect(result.message, file).not.toContain(os.tmpdir()); // no server paths in messages
    }
    await expectNothingLeft(before);
  });

  it("refuses an oversize upload before storing a byte, and unknown types and read-only users", async () => {
    const { owner, stranger, workspace } = await createCast();
    process.env.CATALOG_MAX_UPLOAD_BYTES = "1000";
    try {
      expect(
        await failure(datasetUploadHandler.authorize(owner, { workspaceId: workspace.id, filename: "big.csv" }, 1001)),
      ).toMatchObject({
        code: "too_large",
        message: "The file is 1001 B; datasets can be uploaded up to 1000 B.",
      });
      await expect(
        datasetUploadHandler.authorize(owner, { workspaceId: workspace.id, filename: "ok.csv" }, 1000),
      ).resolves.toMatchObject({ format: "csv", mode: "create" });
    } finally {
      delete process.env.CATALOG_MAX_UPLOAD_BYTES;
    }
    expect(
      await failure(datasetUploadHandler.authorize(owner, { workspaceId: workspace.id, filename: "x.xlsx" }, 10)),
    ).toMatchObject({ code: "invalid", message: expect.stringContaining('".xlsx" files are not supported') });
    expect(
      await failure(datasetUploadHandler.authorize(owner, { workspaceId: workspace.id, filename: "x.csv" }, 0)),
    ).toMatchObject({ message: "The file is empty." });
    expect(
      await failure(datasetUploadHandler.authorize(stranger, { workspaceId: workspace.id, filename: "x.csv" }, 10)),
    ).toMatchObject({ code: "not_found" });
  });

  it("finishes an upload into a pending ingest and its review page; cancelling deletes it", async () => {
    const { owner, editor, workspace } = await createCast();
    const before = await snapshot();
    const meta = (await datasetUploadHandler.authorize(
      owner,
      { workspaceId: workspace.id, filename: "t.csv" },
      CSV.length,
    )) as Record<string, string>;
    const done = await datasetUploadHandler.finish(owner, {
      id: "u1",
      size: CSV.length,
      path: stage("t.csv", CSV),
      metadata: meta,
    });
    expect(done).toMatchObject({
      rows: 3,
      columns: 4,
      url: expect.stringMatching(new RegExp(`^/w/${workspace.owner}/${workspace.slug}/catalog/ingests/`)),
    });
    expect(await failure(getIngestReview(editor, String(done.ingestId)))).toMatchObject({ code: "not_found" }); // only the uploader
    await cancelIngest(owner, String(done.ingestId));
    expect(await failure(commitIngest(owner, String(done.ingestId), { name: "x", slug: "x" }))).toMatchObject({
      code: "not_found",
    });
    await expectNothingLeft(before);
  });

  it("refuses a taken or reserved URL name", async () => {
    const { owner, workspace } = await createCast();
    await createDataset(owner, workspace.id, "a.csv", CSV, { slug: "sales" });
    const ingest = await prepare(owner, workspace.id, "b.csv", CSV);
    expect(await failure(commitIngest(owner, ingest.id, { name: "B", slug: "Sales" }))).toMatchObject({
      code: "conflict",
      fieldErrors: { slug: "That URL name is taken in this workspace." },
    });
    expect(await failure(commitIngest(owner, ingest.id, { name: "B", slug: "ingests" }))).toMatchObject({
      code: "invalid",
      fieldErrors: { slug: expect.stringContaining("reserved") },
    });
    await expect(commitIngest(owner, ingest.id, { name: "B", slug: "b" })).resolves.toMatchObject({ version: 1 });
  });
});

describe("versions", () => {
  it("appends, refuses a wrong-schema append naming the columns, replaces, and restores (managers only)", async () => {
    const { owner, editor, admin, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "people.csv", CSV);
    const append = await prepare(editor, workspace.id, "more.csv", "name,id,score,joined\nDee,4,8,2026-04-05\n", {
      mode: "append",
      datasetId,
    });
    expect(append).toMatchObject({ rowCount: 4, addedRows: 1 });
    expect(await commitIngest(editor, append.id)).toMatchObject({ version: 2 });

    const before = await snapshot();
    const wrong = await failure(
      prepare(editor, workspace.id, "wrong.csv", "id,Name,points\n5,Eve,1\n", { mode: "append", datasetId }),
    );
    expect(wrong.message).toBe(
      'The file\'s columns do not match the dataset: missing columns "name", "score", "joined"; columns not in the dataset "Name", "points". To change the columns, replace the dataset instead of appending. Column names are case-sensitive.',
    );
    const badValue = await failure(
      prepare(editor, workspace.id, "bad.csv", "id,name,score,joined\n5,Eve,high,2026-01-01\n", {
        mode: "append",
        datasetId,
      }),
    );
    expect(badValue.message).toBe('Line 2: the value "high" in column "score" is not a valid DOUBLE.');
    await expectNothingLeft(before);
    expect(await getDataset(owner, { id: datasetId })).toMatchObject({ version: 2, rowCount: 4 });

    const replace = await prepare(editor, workspace.id, "new.csv", "code,amount\nA,1\nB,2\n", {
      mode: "replace",
      datasetId,
    });
    const review = await getIngestReview(editor, replace.id);
    expect(review.columnChanges).toContainEqual({ name: "id", before: "BIGINT", after: null });
    expect(await commitIngest(editor, replace.id)).toMatchObject({ version: 3 });
    expect((await queryDataset(editor, datasetId, {})).rows).toEqual([
      ["A", "1"],
      ["B", "2"],
    ]);

    expect((await queryDataset(editor, datasetId, {}, 1)).rows).toHaveLength(3); // an earlier version stays readable
    expect(await failure(restoreVersion(editor, datasetId, 1))).toMatchObject({ code: "forbidden" });
    expect(await restoreVersion(admin, datasetId, 1)).toEqual({ version: 4 });
    const versions = await listVersions(owner, datasetId);
    expect(versions.map((v) => [v.number, v.kind, v.rowCount, v.current])).toEqual([
      [4, "restore", 3, true],
      [3, "replace", 2, false],
      [2, "append", 4, false],
      [1, "create", 3, false],
    ]);
    expect(versions[0]!.restoredFrom).toBe(1);
    expect((await getDataset(owner, { id: datasetId })).columns.map((c) => c.name)).toEqual([
      "id",
      "name",
      "score",
      "joined",
    ]);
  });

  it("refuses an append prepared against a version that is no longer current", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "p.csv", CSV);
    const a = await prepare(owner, workspace.id, "a.csv", "id,name,score,joined\n7,G,1,2026-01-01\n", {
      mode: "append",
      datasetId,
    });
    const b = await prepare(owner, workspace.id, "b.csv", "id,name,score,joined\n8,H,1,2026-01-01\n", {
      mode: "append",
      datasetId,
    });
    await commitIngest(owner, a.id);
    expect(await failure(commitIngest(owner, b.id))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("changed while you were reviewing"),
    });
    expect((await getDataset(owner, { id: datasetId })).rowCount).toBe(4);
  });
});

describe("delete", () => {
  it("deletes a dataset with every version and its files after the URL name is typed; viewers cannot", async () => {
    const { owner, editor, stranger, workspace } = await createCast();
    const before = await snapshot();
    const { datasetId } = await createDataset(owner, workspace.id, "gone.csv", CSV, { slug: "gone" });
    await commitIngest(
      owner,
      (
        await prepare(owner, workspace.id, "more.csv", "id,name,score,joined\n9,Z,1,2026-01-01\n", {
          mode: "append",
          datasetId,
        })
      ).id,
    );
    expect(await failure(deleteDataset(stranger, datasetId, "gone"))).toMatchObject({ code: "not_found" });
    expect(await failure(deleteDataset(editor, datasetId, "nope"))).toMatchObject({
      code: "invalid",
      message: 'Type "gone" to confirm.',
    });
    await deleteDataset(editor, datasetId, "Gone");
    expect(await failure(getDataset(owner, { id: datasetId }))).toMatchObject({ code: "not_found" });
    expect(await getDb().datasetVersion.count({ where: { datasetId } })).toBe(0);
    await expectNothingLeft(before);
  });
});

describe("query", () => {
  const rows = [
    "id,city,temp,note",
    ...Array.from(
      { length: 120 },
      (_, i) => `${i + 1},${["Oslo", "Bergen", "Tromsø"][i % 3]},${(i % 40) - 10}.5,${i % 10 === 0 ? "" : `n${i}`}`,
    ),
  ].join("\n");

  it("pages, sorts any column, and filters with equals, contains, range and is null", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "weather.csv", rows);
    const page1 = await queryDataset(owner, datasetId, { limit: 50, sort: [{ column: "temp", direction: "desc" }] });
    expect(page1).toMatchObject({ total: 120, offset: 0 });
    expect(page1.rows).toHaveLength(50);
    expect(page1.rows[0]).toEqual(["40", "Oslo", 29.5, "n39"]);
    const page2 = await queryDataset(owner, datasetId, {
      limit: 50,
      sort: [{ column: "temp", direction: "desc" }],
      cursor: page1.nextCursor!,
    });
    const page3 = await queryDataset(owner, datasetId, {
      limit: 50,
      sort: [{ column: "temp", direction: "desc" }],
      offset: 100,
    });
    expect(page3.nextCursor).toBeNull();
    const ids = [...page1.rows, ...page2.rows, ...page3.rows].map((r) => r[0]);
    expect(new Set(ids).size).toBe(120); // stable paging: no row twice, none missing
    const temps = [...page1.rows, ...page2.rows, ...page3.rows].map((r) => r[2] as number);
    expect(temps).toEqual([...temps].sort((a, b) => b - a));

    const eq = await queryDataset(owner, datasetId, { filters: [{ column: "city", op: "eq", value: "Tromsø" }] });
    expect(eq.total).toBe(40);
    const contains = await queryDataset(owner, datasetId, {
      filters: [{ column: "city", op: "contains", value: "ERG" }],
    });
    expect(contains.total).toBe(40);
    const range = await queryDataset(owner, datasetId, {
      filters: [{ column: "temp", op: "range", min: 0, max: "10" }],
      sort: [{ column: "id", direction: "asc" }],
    });
    expect(range.rows.every((r) => (r[2] as number) >= 0 && (r[2] as number) <= 10)).toBe(true);
    expect(range.total).toBe(30);
    const nulls = await queryDataset(owner, datasetId, {
      filters: [{ column: "note", op: "is_null" }],
      columns: ["id", "note"],
    });
    expect(nulls).toMatchObject({ total: 12, columns: [{ name: "id" }, { name: "note" }] });
    const both = await queryDataset(owner, datasetId, {
      filters: [
        { column: "city", op: "eq", value: "Oslo" },
        { column: "id", op: "range", min: 100 },
      ],
    });
    expect(both.rows.map((r) => r[0])).toEqual(["100", "103", "106", "109", "112", "115", "118"]);

    expect(await failure(queryDataset(owner, datasetId, { sort: [{ column: "nope" }] }))).toMatchObject({
      code: "invalid",
      message: 'Unknown column "nope".',
    });
    expect(
      await failure(queryDataset(owner, datasetId, { filters: [{ column: "temp", op: "eq", value: "warm" }] })),
    ).toMatchObject({ code: "invalid", message: 'Filter on "temp": "warm" is not a valid DOUBLE value.' });
    expect(await failure(queryDataset(owner, datasetId, { limit: 5000 }))).toMatchObject({ code: "invalid" });
    expect(await failure(queryDataset(owner, datasetId, { cursor: "garbage" }))).toMatchObject({ code: "invalid" });
  });

  it("stores each version's Parquet with CATALOG_PARQUET_COMPRESSION (lz4_raw unless set) and refuses a codec it does not know", async () => {
    const { owner, workspace } = await createCast();
    const codec = async (datasetId: string) => {
      const version = await getDb().datasetVersion.findFirstOrThrow({
        where: { datasetId },
        orderBy: { number: "desc" },
      });
      const file = await getBlobStore().localPath(version.blobKey);
      const instance = await DuckDBInstance.create(":memory:");
      const connection = await instance.connect();
      try {
        const rows = await connection.runAndReadAll(
          `SELECT DISTINCT compression FROM parquet_metadata('${file.replaceAll("'", "''")}')`,
        );
        return rows.getRowsJson().map((r) => r[0]);
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    };
    const fast = await createDataset(owner, workspace.id, "fast.csv", rows, { slug: "fast" });
    expect(await codec(fast.datasetId)).toEqual(["LZ4_RAW"]);
    vi.stubEnv("CATALOG_PARQUET_COMPRESSION", "zstd");
    try {
      const small = await createDataset(owner, workspace.id, "small.csv", rows, { slug: "small" });
      expect(await codec(small.datasetId)).toEqual(["ZSTD"]);
      expect((await queryDataset(owner, small.datasetId, { limit: 1, sort: [{ column: "temp" }] })).rows).toEqual([
        ["1", "Oslo", -10.5, null],
      ]);
      vi.stubEnv("CATALOG_PARQUET_COMPRESSION", "brotli");
      await expect(createDataset(owner, workspace.id, "odd.csv", rows, { slug: "odd" })).rejects.toThrow(
        'CATALOG_PARQUET_COMPRESSION="brotli" is not one of lz4_raw, zstd, snappy, uncompressed',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("a filtered, sorted page has the same rows and total whether its filter is new (one scan) or already counted", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "weather.csv", rows);
    const oslo = rows
      .split("\n")
      .slice(1)
      .map((line, i) => ({ r: line.split(","), i }))
      .filter(({ r }) => r[1] === "Oslo");
    const text = (v: string) => (v === "" ? null : v);
    const cases = [
      {
        // numbers only: the row numbers and the total from one scan
        sort: [
          { column: "temp", direction: "asc" },
          { column: "id", direction: "desc" },
        ],
        order: (a: (typeof oslo)[0], b: (typeof oslo)[0]) =>
          Number(a.r[2]) - Number(b.r[2]) || Number(b.r[0]) - Number(a.r[0]),
      },
      {
        // a text column (empty notes last when descending): two scans
        sort: [
          { column: "note", direction: "desc" },
          { column: "temp", direction: "asc" },
        ],
        order: (a: (typeof oslo)[0], b: (typeof oslo)[0]) => {
          const [x, y] = [text(a.r[3]!), text(b.r[3]!)];
          if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? 1 : -1;
          return Number(a.r[2]) - Number(b.r[2]) || a.i - b.i;
        },
      },
    ];
    // Every query keeps the same 40 rows, but a lower id bound never asked before makes its total uncounted.
    let bound = 0;
    for (const { sort, order } of cases) {
      const expected = [...oslo].sort(order).map(({ r }) => r[0]);
      const page = (offset: number) =>
        queryDataset(owner, datasetId, {
          limit: 15,
          offset,
          sort,
          filters: [
            { column: "city", op: "eq", value: "Oslo" },
            { column: "id", op: "range", min: -bound++ },
          ],
        });
      for (const offset of [0, 15, 30, 45]) {
        const fresh = await page(offset);
        expect(fresh.total).toBe(40);
        expect(fresh.rows.map((r) => r[0])).toEqual(expected.slice(offset, offset + 15));
        expect(fresh.nextCursor === null).toBe(offset + 15 >= 40);
        bound--; // the same filter again: its total is now known, so the page is read on its own
        expect(await page(offset)).toEqual(fresh);
      }
    }
  });

  it("downloads the whole dataset or the filtered view as CSV, JSON Lines and Parquet", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "weather.csv", rows, { slug: "weather" });
    const query = {
      filters: [
        { column: "city", op: "eq", value: "Bergen" },
        { column: "id", op: "range", max: 10 },
      ],
      sort: [{ column: "id", direction: "desc" }],
    };
    const csv = await exportDataset(owner, datasetId, { format: "csv", query });
    expect(csv.filename).toBe("weather-v1-filtered.csv");
    expect(await text(csv.body)).toBe("id,city,temp,note\n8,Bergen,-3.5,n7\n5,Bergen,-6.5,n4\n2,Bergen,-9.5,n1\n");
    const jsonl = await exportDataset(owner, datasetId, { format: "jsonl", query });
    expect(
      (await text(jsonl.body))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).id),
    ).toEqual([8, 5, 2]);
    const whole = await exportDataset(owner, datasetId, { format: "parquet" });
    expect(whole).toMatchObject({ filename: "weather-v1.parquet", contentType: "application/vnd.apache.parquet" });
    const bytes = Buffer.concat(await whole.body.toArray());
    expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
    await vi.waitFor(() => expect(filesBelow(storage.scratch()).filter((f) => f.startsWith("export"))).toEqual([])); // scratch files are removed once read
    expect(await failure(exportDataset(owner, datasetId, { format: "xlsx" }))).toMatchObject({ code: "invalid" });
    expect(
      await failure(
        exportDataset(owner, datasetId, {
          format: "csv",
          query: { filters: [{ column: "temp", op: "eq", value: "warm" }] },
        }),
      ),
    ).toMatchObject({ code: "invalid" });
    const audit = await getDb().auditEvent.findMany({ where: { resourceId: datasetId, action: "dataset.downloaded" } });
    expect(audit.map((a) => jsonObject(a.details).format).sort()).toEqual(["csv", "jsonl", "parquet"]); // refused exports are not downloads
  });

  it("computes column statistics", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "weather.csv", rows);
    const stats = await getColumnStats(owner, datasetId);
    expect(stats.columns.find((c) => c.name === "note")).toMatchObject({ type: "VARCHAR", nulls: 12 });
    expect(stats.columns.find((c) => c.name === "temp")).toMatchObject({
      type: "DOUBLE",
      min: "-10.5",
      max: "29.5",
      nulls: 0,
    });
    // kept with the version and served from there; a stored value that is not statistics is computed again
    const stored = await getDb().datasetVersion.findFirstOrThrow({ where: { datasetId }, select: { id: true } });
    await getDb().datasetVersion.update({ where: { id: stored.id }, data: { stats: [{ name: "temp" }] } });
    expect(await getColumnStats(owner, datasetId)).toEqual(stats);
    const kept = (await getDb().datasetVersion.findUniqueOrThrow({ where: { id: stored.id } })).stats;
    expect({ version: stats.version, ...jsonObject(kept) }).toEqual(stats);
  });
});

describe("access", () => {
  it("a stranger gets 404 for everything; a grantee sees only the shared dataset; the catalog lists, searches, filters and sorts", async () => {
    const { owner, editor, stranger, workspace } = await createCast();
    const a = await createDataset(owner, workspace.id, "alpha.csv", "x,y\n1,2\n", {
      name: "Alpha fleet",
      description: "Vessel positions",
      tags: ["ships"],
    });
    const b = await createDataset(owner, workspace.id, "beta.csv", "temperature,sensor_id\n1,2\n3,4\n", {
      name: "Beta sensors",
      tags: ["iot", "ships"],
    });
    const ws = { id: workspace.id, ownerId: workspace.ownerId, slug: workspace.slug, owner: workspace.owner };

    for (const call of [
      () => getDataset(stranger, { id: a.datasetId }),
      () => getDataset(stranger, { workspaceId: workspace.id, slug: "alpha" }),
      () => queryDataset(stranger, a.datasetId, {}),
      () => exportDataset(stranger, a.datasetId, { format: "csv" }),
      () => listVersions(stranger, a.datasetId),
      () => getColumnStats(stranger, a.datasetId),
      () => updateDataset(stranger, a.datasetId, { name: "x", slug: "x" }),
      () => prepare(stranger, workspace.id, "x.csv", "a\n1\n", { mode: "append", datasetId: a.datasetId }),
    ]) {
      expect(await failure(call())).toMatchObject({ code: "not_found", message: expect.stringMatching(/not found/i) });
    }
    expect((await listDatasets(stranger, ws)).total).toBe(0);
    expect(await failure(setDatasetVisibility(editor, a.datasetId, "public"))).toMatchObject({
      code: "forbidden",
      message: "Access can be managed by the owner only.",
    });

    await getDb().share.create({
      data: {
        workspaceId: workspace.id,
        resourceType: "dataset",
        resourceId: b.datasetId,
        datasetId: b.datasetId,
        granteeType: "user",
        granteeUserId: stranger.id,
        granteeKey: `user:${stranger.id}`,
        role: "viewer",
        createdById: owner.id,
      },
    });
    const shared = await listDatasets(stranger, ws);
    expect(shared.items.map((d) => d.name)).toEqual(["Beta sensors"]);
    expect(await getDataset(stranger, { id: b.datasetId })).toMatchObject({ canWrite: false, canManage: false });
    expect(await failure(getDataset(stranger, { id: a.datasetId }))).toMatchObject({ code: "not_found" });

    const names = async (params: object) => (await listDatasets(owner, ws, params)).items.map((d) => d.name);
    expect(await names({ q: "vessel" })).toEqual(["Alpha fleet"]);
    expect(await names({ q: "SENSOR_ID" })).toEqual(["Beta sensors"]); // column names are searched
    expect(await names({ tag: "iot" })).toEqual(["Beta sensors"]);
    expect(await names({ sort: "name" })).toEqual(["Alpha fleet", "Beta sensors"]);
    expect(await names({ sort: "size", dir: "asc", pageSize: 1, page: 2 })).toHaveLength(1);
    await setDatasetVisibility(owner, a.datasetId, "public");
    expect(await names({ visibility: "public" })).toEqual(["Alpha fleet"]);
    const page = await listDatasets(owner, ws);
    expect(page.tags).toEqual([
      { tag: "iot", count: 1 },
      { tag: "ships", count: 2 },
    ]);
    expect(page.items.find((d) => d.name === "Beta sensors")).toMatchObject({ shares: 1, rowCount: 2 });
    // public: now every signed-in user can read it, but it is still not theirs to change
    expect(await getDataset(stranger, { id: a.datasetId })).toMatchObject({ canWrite: false });
  });
});
