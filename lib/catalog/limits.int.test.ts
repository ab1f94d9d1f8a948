import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, it } from "vitest";
import { createAccessLink } from "@/lib/links/manage-links";
import { openAccessLink } from "@/lib/links/open-link";
import { setupTestDatabase } from "@/test/db";
import { statusOf } from "@/lib/util/result";
import { exportDataset } from "./export-dataset";
import { getIngestReview } from "./ingest/ingest-review";
import { queryDataset } from "./query";
import { createCast, createDataset, failure, filesBelow, prepare, setupCatalogStorage } from "./test-support";
import { datasetUploadHandler } from "./upload-handler";

setupTestDatabase();
const storage = setupCatalogStorage();
process.env.LINK_MAX_DELAY_MS = "5";

const SETTINGS = [
  "CATALOG_MAX_ROWS",
  "CATALOG_MAX_EXPANDED_BYTES",
  "CATALOG_MAX_EXPORT_BYTES",
  "CATALOG_EXPORTS_PER_USER",
  "CATALOG_EXPORTS_PER_LINK",
  "CATALOG_MAX_NESTING",
];
afterEach(() => {
  for (const name of SETTINGS) delete process.env[name];
});

/** A Parquet file written by DuckDB from `select` (e.g. a tiny file that expands to millions of rows). */
async function parquetOf(select: string): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pq-"));
  const file = path.join(dir, "x.parquet");
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  await c.run(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  c.closeSync();
  instance.closeSync();
  const bytes = fs.readFileSync(file);
  fs.rmSync(dir, { recursive: true, force: true });
  return bytes;
}

const scratchExports = () => filesBelow(storage.scratch()).filter((f) => f.startsWith("export-"));

describe("expanded size limits (security 12.8)", () => {
  it("refuses a small Parquet that expands to 100 million rows with 413, before converting it", async () => {
    const { owner, workspace } = await createCast();
    const bomb = await parquetOf("SELECT 1 AS a FROM range(100000000)");
    expect(bomb.length).toBeLessThan(1024 * 1024);
    process.env.CATALOG_MAX_ROWS = "1000000";
    const started = Date.now();
    const result = await failure(prepare(owner, workspace.id, "bomb.parquet", bomb));
    expect(result).toMatchObject({ code: "too_large" });
    expect(statusOf(result)).toBe(413);
    expect(result.message).toBe("The file has 100,000,000 rows; a dataset can have at most 1,000,000 rows.");
    expect(Date.now() - started).toBeLessThan(3000); // refused from the file's metadata, not after expanding it
  });

  it("refuses a CSV or an append that would take the dataset beyond the row limit", async () => {
    const { owner, workspace } = await createCast();
    process.env.CATALOG_MAX_ROWS = "3";
    expect(await failure(prepare(owner, workspace.id, "four.csv", "a\n1\n2\n3\n4\n"))).toMatchObject({
      code: "too_large",
      message: "The file has 4 rows; a dataset can have at most 3 rows.",
    });
    const created = await createDataset(owner, workspace.id, "two.csv", "a\n1\n2\n");
    const append = await failure(
      prepare(owner, workspace.id, "more.csv", "a\n3\n4\n", { mode: "append", datasetId: created.datasetId }),
    );
    expect(append).toMatchObject({
      code: "too_large",
      message: "With these 2 rows the dataset would have 4 rows; a dataset can have at most 3 rows.",
    });
    await expect(
      prepare(owner, workspace.id, "one.csv", "a\n3\n", { mode: "append", datasetId: created.datasetId }),
    ).resolves.toMatchObject({ rowCount: 3 });
  });

  it("refuses a Parquet whose values expand beyond the byte limit", async () => {
    const { owner, workspace } = await createCast();
    // 200 distinct 100 KB strings: a few KB compressed, 20 MB expanded.
    const bomb = await parquetOf(
      "SELECT repeat(chr(65 + (range % 26)::INTEGER), 100000) || range AS s FROM range(200)",
    );
    process.env.CATALOG_MAX_EXPANDED_BYTES = String(1024 * 1024);
    const result = await failure(prepare(owner, workspace.id, "wide.parquet", bomb));
    expect(result).toMatchObject({ code: "too_large" });
    expect(result.message).toMatch(
      /^The file's data is \d+(\.\d)? MB uncompressed; a dataset can hold at most 1.0 MB\.$/,
    );
  });
});

describe("exports (security 12.8)", () => {
  it("caps an export's temporary file: beyond CATALOG_MAX_EXPORT_BYTES it is stopped with 413 and deleted", async () => {
    const { owner, workspace } = await createCast();
    const rows = Array.from({ length: 20000 }, (_, i) => `${i},row number ${i} with some padding text`).join("\n");
    const { datasetId } = await createDataset(owner, workspace.id, "wide.csv", `id,label\n${rows}\n`);
    process.env.CATALOG_MAX_EXPORT_BYTES = "100000";
    const result = await failure(exportDataset(owner, datasetId, { format: "csv" }));
    expect(result).toMatchObject({ code: "too_large" });
    expect(result.message).toMatch(/^The export is larger than 97.7 KB/);
    expect(scratchExports()).toEqual([]);
    delete process.env.CATALOG_MAX_EXPORT_BYTES;
    const whole = await exportDataset(owner, datasetId, { format: "csv" });
    expect((await text(whole.body)).split("\n")).toHaveLength(20002);
  });

  it("allows at most CATALOG_EXPORTS_PER_USER exports at once per user (429 beyond), freed when a download ends", async () => {
    const { owner, editor, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "small.csv", "a,b\n1,x\n2,y\n");
    process.env.CATALOG_EXPORTS_PER_USER = "2";
    const first = await exportDataset(owner, datasetId, { format: "csv" });
    const second = await exportDataset(owner, datasetId, { format: "jsonl" });
    const third = await failure(exportDataset(owner, datasetId, { format: "csv" }));
    expect(third).toMatchObject({
      code: "rate_limited",
      message: "You already have 2 downloads of datasets in progress. Wait for one to finish, then try again.",
    });
    expect(statusOf(third)).toBe(429);
    // Another user is not affected.
    await text((await exportDataset(editor, datasetId, { format: "csv" })).body);
    expect(await text(first.body)).toBe("a,b\n1,x\n2,y\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fourth = await exportDataset(owner, datasetId, { format: "csv" });
    second.body.destroy(); // an abandoned download frees its slot too
    fourth.body.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await text((await exportDataset(owner, datasetId, { format: "csv" })).body);
  });

  it("allows at most CATALOG_EXPORTS_PER_LINK exports at once through one access link", async () => {
    const cast = await createCast();
    const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "shared.csv", "a\n1\n");
    const link = await createAccessLink(cast.owner, { resourceType: "dataset", resourceId: datasetId, mode: "public" });
    const visitor = async (client: string) => {
      const opened = await openAccessLink(link.token, { client, viewer: null, cookies: () => undefined });
      if (opened.status !== "ok") throw new Error(`link did not open: ${opened.status}`);
      return opened.link.actor;
    };
    process.env.CATALOG_EXPORTS_PER_LINK = "1";
    const one = await exportDataset(await visitor("10.1.0.1"), datasetId, { format: "csv" });
    const other = await failure(exportDataset(await visitor("10.1.0.2"), datasetId, { format: "csv" }));
    expect(other).toMatchObject({
      code: "rate_limited",
      message: "This link already has 1 download of a dataset in progress. Wait for it to finish, then try again.",
    });
    await text(one.body);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await text((await exportDataset(await visitor("10.1.0.2"), datasetId, { format: "csv" })).body);
  });
});

describe("CSV formula cells (security 12.13)", () => {
  const CSV =
    'id,formula,note,amount\n1,=HYPERLINK("http://x.test"),+1+2,-5\n2,@SUM(A1),-cmd,3\n3,plain,"\tlead tab",4\n4,"\rcr",-2.5,5\n';

  it("neutralises cells starting with = + - @ tab or CR by default, and exports raw values when asked", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "formulas.csv", CSV);
    const safe = await text((await exportDataset(owner, datasetId, { format: "csv" })).body);
    expect(safe).toBe(
      'id,formula,note,amount\n1,"\'=HYPERLINK(""http://x.test"")",\'+1+2,-5\n2,\'@SUM(A1),\'-cmd,3\n3,plain,\'\tlead tab,4\n4,"\'\rcr",-2.5,5\n',
    );
    const raw = await text((await exportDataset(owner, datasetId, { format: "csv", raw: true })).body);
    expect(raw).toBe(
      'id,formula,note,amount\n1,"=HYPERLINK(""http://x.test"")",+1+2,-5\n2,@SUM(A1),-cmd,3\n3,plain,\tlead tab,4\n4,"\rcr",-2.5,5\n',
    );
    // JSON Lines is data for programs, never neutralised.
    expect(await text((await exportDataset(owner, datasetId, { format: "jsonl" })).body)).toContain(
      '"formula":"=HYPERLINK(\\"http://x.test\\")"',
    );
  });
});

describe("nesting (security 12.10)", () => {
  it("refuses JSON nested 1,000 deep with 422 before inferring a type from it", async () => {
    const { owner, workspace } = await createCast();
    const deep = (n: number) => `${"[".repeat(n)}1${"]".repeat(n)}`;
    const started = Date.now();
    const lines = await failure(prepare(owner, workspace.id, "deep.jsonl", `{"id": 1, "v": ${deep(1000)}}\n`));
    expect(lines).toMatchObject({
      code: "invalid",
      message: "Line 1: values are nested more than 16 levels deep; a dataset column can hold at most 16 levels.",
    });
    const array = await failure(
      prepare(owner, workspace.id, "deep.json", `[{"id": 1}, {"id": 2, "v": {"w": ${deep(5000)}}}]`),
    );
    expect(array).toMatchObject({
      code: "invalid",
      message: "Record 2: values are nested more than 16 levels deep; a dataset column can hold at most 16 levels.",
    });
    expect(Date.now() - started).toBeLessThan(5000);
    // Within the limit it is an ordinary nested column, readable at once.
    const ok = await createDataset(owner, workspace.id, "nested.jsonl", `{"id": 1, "v": ${deep(15)}}\n`, {
      slug: "nested",
    });
    expect((await queryDataset(owner, ok.datasetId, {})).rows).toHaveLength(1);
  });

  it("refuses a Parquet file whose column type is nested beyond the limit", async () => {
    const { owner, workspace } = await createCast();
    const deep = await parquetOf(`SELECT ${"[".repeat(20)}1${"]".repeat(20)} AS v`);
    const result = await failure(prepare(owner, workspace.id, "deep.parquet", deep));
    expect(result).toMatchObject({
      code: "invalid",
      message: 'Column "v" is nested more than 16 levels deep; a dataset column can hold at most 16 levels.',
    });
  });
});

describe("line endings and encodings (reliability 13.9)", () => {
  it("reads a CSV with CR-only line endings (classic Mac)", async () => {
    const { owner, workspace } = await createCast();
    const ingest = await prepare(owner, workspace.id, "mac.csv", "id,city\r1,Oslo\r2,Bergen\r");
    const review = await getIngestReview(owner, ingest.id);
    expect(review.rowCount).toBe(2);
    expect(review.columns).toEqual([
      { name: "id", type: "BIGINT" },
      { name: "city", type: "VARCHAR" },
    ]);
    expect(await failure(prepare(owner, workspace.id, "ragged.csv", "a,b\r1,2\r3\r"))).toMatchObject({
      message: expect.stringMatching(/^Line 3 has 1 value/),
    });
  });

  it("refuses a dataset upload whose file name was not valid UTF-8 or disguises itself", async () => {
    const { owner, workspace } = await createCast();
    for (const filename of ["caf\ufffd.csv", "report\u202Evsc.exe.csv", "zero\u200bwidth.csv"]) {
      expect(
        await failure(datasetUploadHandler.authorize(owner, { workspaceId: workspace.id, filename }, 10)),
        filename,
      ).toMatchObject({ code: "invalid", message: expect.stringMatching(/^The file name is refused: A name/) });
    }
    await expect(
      datasetUploadHandler.authorize(owner, { workspaceId: workspace.id, filename: "Cafe\u0301.csv" }, 10),
    ).resolves.toMatchObject({ filename: "Caf\u00e9.csv" });
  });

  it("refuses a JSON file that is not valid UTF-8 with 422 naming the line", async () => {
    const { owner, workspace } = await createCast();
    const bad = Buffer.concat([
      Buffer.from('{"id": 1, "v": "ok"}\n{"id": 2, "v": "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}\n'),
    ]);
    expect(await failure(prepare(owner, workspace.id, "latin.jsonl", bad))).toMatchObject({
      code: "invalid",
      message: "Line 2: the file is not UTF-8 text. Save it as UTF-8 and upload it again.",
    });
  });
});
