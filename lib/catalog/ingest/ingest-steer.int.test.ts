// Issue 17.4: an ingest the uploader can steer (types, names, CSV dialect) and an append review
// that shows the rows it will add, with a diff of the schema.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { setupTestDatabase } from "@/test/db";
import { queryDataset } from "../query";
import { createCast, createDataset, failure, filesBelow, setupCatalogStorage, stage } from "../test-support";
import type { SourceFormat } from "../types";
import { cancelIngest } from "./cancel-ingest";
import { commitIngest } from "./commit-ingest";
import type { IngestOptions } from "./ingest-options";
import { getIngestReview } from "./ingest-review";
import { prepareIngest } from "./prepare-ingest";
import { rereadIngest } from "./reread-ingest";

setupTestDatabase();
const storage = setupCatalogStorage();

const BASE = "id,name,score\n1,Ada,9.5\n2,Bob,7.25\n3,Cy,8\n";

/** An upload staged for review as the UI stages it (kept for another reading). */
function upload(
  actor: Actor,
  workspaceId: string,
  name: string,
  content: string | Buffer,
  target: { mode?: "create" | "append" | "replace"; datasetId?: string; options?: IngestOptions } = {},
) {
  return prepareIngest(actor, {
    workspaceId,
    mode: target.mode ?? "create",
    datasetId: target.datasetId,
    sourcePath: stage(name, content),
    sourceName: name,
    format: name.split(".").pop() as SourceFormat,
    options: target.options,
    review: true,
  });
}

async function commitNew(actor: Actor, ingestId: string, slug: string) {
  return commitIngest(actor, ingestId, { name: slug, slug, description: "", tags: [] });
}

describe("append review", () => {
  it("previews the rows that will be added, in the dataset's column order, not the existing data", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "people.csv", BASE);
    const append = await upload(owner, workspace.id, "more.csv", "score,name,id\n6.5,Dee,4\n5,Eve,5\n", {
      mode: "append",
      datasetId,
    });
    const review = await getIngestReview(owner, append.id);
    expect(review.addedRows).toBe(2);
    expect(review.preview).toEqual([
      ["4", "Dee", 6.5],
      ["5", "Eve", 5],
    ]);
  });

  it("diffs the schema: a type converted is acceptable, a missing or extra column blocks it until renamed", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "people.csv", BASE);
    const append = await upload(owner, workspace.id, "more.csv", "id,Name,score,note\nx4,Dee,6.5,hi\n", {
      mode: "append",
      datasetId,
    });
    const review = await getIngestReview(owner, append.id);
    expect(review.blocked).toBe(true);
    expect(review.appendChanges).toEqual([
      expect.objectContaining({
        name: "id",
        change: "type",
        datasetType: "BIGINT",
        fileType: "VARCHAR",
        blocks: false,
      }),
      expect.objectContaining({ name: "name", change: "missing", datasetType: "VARCHAR", blocks: true }),
      expect.objectContaining({ name: "Name", change: "added", fileType: "VARCHAR", blocks: true }),
      expect.objectContaining({ name: "note", change: "added", fileType: "VARCHAR", blocks: true }),
    ]);
    expect(review.preview).toEqual([["x4", "Dee", 6.5, "hi"]]); // the file's rows, as they would be read
    expect(await failure(commitIngest(owner, append.id))).toMatchObject({
      code: "invalid",
      message: expect.stringContaining('missing column "name"'),
    });

    // Renaming "Name" fixes one column; "note" still blocks.
    await rereadIngest(owner, append.id, { columns: [{ source: "Name", name: "name" }] });
    const renamed = await getIngestReview(owner, append.id);
    expect(renamed.appendChanges.filter((c) => c.blocks).map((c) => c.name)).toEqual(["note"]);
  });

  it("an append made to fit by renaming adds its rows in the dataset's column order", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "people.csv", BASE);
    const append = await upload(owner, workspace.id, "more.csv", "Score;Name;ID\n6.5;Dee;4\n", {
      mode: "append",
      datasetId,
    });
    expect(append.blocked).toBe(true);
    await rereadIngest(owner, append.id, {
      delimiter: ";",
      columns: [
        { source: "Score", name: "score" },
        { source: "Name", name: "name" },
        { source: "ID", name: "id" },
      ],
    });
    const review = await getIngestReview(owner, append.id);
    expect(review).toMatchObject({ blocked: false, addedRows: 1, rowCount: 4, preview: [["4", "Dee", 6.5]] });
    expect(await commitIngest(owner, append.id)).toMatchObject({ version: 2 });
    expect((await queryDataset(owner, datasetId, {})).rows).toEqual([
      ["1", "Ada", 9.5],
      ["2", "Bob", 7.25],
      ["3", "Cy", 8],
      ["4", "Dee", 6.5],
    ]);
  });
});

describe("column overrides", () => {
  it("applies a type and a name to the committed Parquet", async () => {
    const { owner, workspace } = await createCast();
    const staged = await upload(
      owner,
      workspace.id,
      "zips.csv",
      "zip,amount,day\n8001,5,2026-01-02\n4000,7.5,2026-02-03\n",
    );
    expect(staged.columns).toEqual([
      { name: "zip", type: "BIGINT" },
      { name: "amount", type: "DOUBLE" },
      { name: "day", type: "DATE" },
    ]);
    await rereadIngest(owner, staged.id, {
      columns: [
        { source: "zip", type: "VARCHAR", name: "postal code" },
        { source: "amount", type: "decimal(18, 2)" },
        { source: "day", type: "VARCHAR" },
      ],
    });
    const { datasetId } = await commitNew(owner, staged.id, "zips");
    const data = await queryDataset(owner, datasetId, {});
    expect(data.columns).toEqual([
      { name: "postal code", type: "VARCHAR" },
      { name: "amount", type: "DECIMAL(18,2)" },
      { name: "day", type: "VARCHAR" },
    ]);
    expect(data.rows).toEqual([
      ["8001", "5.00", "2026-01-02"],
      ["4000", "7.50", "2026-02-03"],
    ]);
  });

  it("refuses a type the data does not fit, naming the column, a value and its row, and keeps the upload", async () => {
    const { owner, workspace } = await createCast();
    const staged = await upload(owner, workspace.id, "m.csv", "code,qty\nA1,1\nB2,2\nC3,2.5\nD4,4\n");
    const before = await getIngestReview(owner, staged.id);
    const refused = await failure(rereadIngest(owner, staged.id, { columns: [{ source: "qty", type: "BIGINT" }] }));
    expect(refused).toMatchObject({
      code: "invalid",
      message:
        'Column "qty" cannot be BIGINT: row 3 has "2.5", which is not a valid BIGINT. Choose another type for it (the upload is kept).',
      fieldErrors: { qty: 'Row 3 has "2.5"' },
    });
    expect(
      await failure(rereadIngest(owner, staged.id, { columns: [{ source: "code", type: "DATE" }] })),
    ).toMatchObject({ message: expect.stringContaining('Column "code" cannot be DATE: row 1 has "A1"') });
    // Nothing lost: the same staged upload, read as before, and another choice still works.
    expect(await getIngestReview(owner, staged.id)).toMatchObject({ columns: before.columns, preview: before.preview });
    await rereadIngest(owner, staged.id, { columns: [{ source: "qty", type: "DOUBLE" }] });
    expect((await getIngestReview(owner, staged.id)).columns).toContainEqual({ name: "qty", type: "DOUBLE" });
    // The same check at upload time (the REST path) refuses and leaves no pending upload.
    const count = await getDb().datasetIngest.count();
    expect(
      await failure(
        upload(owner, workspace.id, "m.csv", "code,qty\nA1,1.5\n", {
          options: { columns: [{ source: "qty", type: "INTEGER" }] },
        }),
      ),
    ).toMatchObject({ message: expect.stringContaining('Column "qty" cannot be INTEGER: row 1 has "1.5"') });
    expect(await getDb().datasetIngest.count()).toBe(count);
  });

  it("refuses names that are empty, duplicate (ignoring case), reserved or for a column the file lacks", async () => {
    const { owner, workspace } = await createCast();
    const staged = await upload(owner, workspace.id, "n.csv", "a,b\n1,2\n");
    const cases: [unknown, string][] = [
      [{ columns: [{ source: "a", name: " " }] }, "A column name cannot be empty."],
      [{ columns: [{ source: "a", name: "B" }] }, 'Two columns would be named "b"'],
      [{ columns: [{ source: "a", name: "file_row_number" }] }, "reserved"],
      [{ columns: [{ source: "c", name: "x" }] }, 'The file has no column "c" (its columns are "a", "b").'],
      [{ columns: [{ source: "a", type: "BLOB" }] }, "The type is one of VARCHAR, BIGINT"],
      [{ columns: [{ source: "a", name: "x".repeat(129) }] }, "at most 128 characters"],
    ];
    for (const [options, message] of cases)
      expect((await failure(rereadIngest(owner, staged.id, options))).message).toContain(message);
  });
});

describe("CSV dialect options", () => {
  it("delimiter, header row and quote character each change how the file is read", async () => {
    const { owner, workspace } = await createCast();
    const staged = await upload(owner, workspace.id, "d.csv", "a;b|c\n'x;y'|z\n");
    expect((await getIngestReview(owner, staged.id)).reading.csv).toMatchObject({
      delimiter: ";",
      header: true,
      quote: '"',
    });
    await rereadIngest(owner, staged.id, { delimiter: "|" });
    let review = await getIngestReview(owner, staged.id);
    expect(review.columns.map((c) => c.name)).toEqual(["a;b", "c"]);
    expect(review.preview).toEqual([["'x;y'", "z"]]);

    await rereadIngest(owner, staged.id, { delimiter: "|", quote: "'" });
    review = await getIngestReview(owner, staged.id);
    expect(review.preview).toEqual([["x;y", "z"]]);

    await rereadIngest(owner, staged.id, { delimiter: "|", quote: "'", header: false });
    review = await getIngestReview(owner, staged.id);
    expect(review.columns.map((c) => c.name)).toEqual(["column0", "column1"]);
    expect(review.preview).toEqual([
      ["a;b", "c"],
      ["x;y", "z"],
    ]);
    expect(review.reading).toMatchObject({ options: { delimiter: "|", quote: "'", header: false }, rereadable: true });
  });

  it("reads Latin-1 and Windows-1252 files right (detected, or chosen) and UTF-16 when chosen", async () => {
    const { owner, workspace } = await createCast();
    const latin1 = Buffer.from("city;price\nZ\u00fcrich;5\nS\u00e3o Paulo;7\n", "latin1");
    const detected = await upload(owner, workspace.id, "l.csv", latin1);
    let review = await getIngestReview(owner, detected.id);
    expect(review.preview).toEqual([
      ["Zürich", "5"],
      ["São Paulo", "7"],
    ]);
    await rereadIngest(owner, detected.id, { encoding: "latin-1" });
    review = await getIngestReview(owner, detected.id);
    expect(review.reading.csv?.encoding).toBe("latin-1");
    expect(review.preview[0]).toEqual(["Zürich", "5"]);
    // Read as UTF-8 it is refused, naming the line; the upload stays.
    expect(await failure(rereadIngest(owner, detected.id, { encoding: "utf-8" }))).toMatchObject({
      message: expect.stringContaining("not UTF-8"),
    });

    const cp1252 = Buffer.concat([
      Buffer.from("item,price\nCaf"),
      Buffer.from([0xe9, 0x20, 0x80]),
      Buffer.from(",3\n"),
    ]);
    const euro = await upload(owner, workspace.id, "e.csv", cp1252);
    expect((await getIngestReview(owner, euro.id)).preview).toEqual([["Café €", "3"]]);
    expect((await getIngestReview(owner, euro.id)).reading.csv?.encoding).toBe("windows-1252");

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("name,n\nZoë,1\n", "utf16le")]);
    const wide = await upload(owner, workspace.id, "w.csv", utf16);
    review = await getIngestReview(owner, wide.id);
    expect(review.reading.csv?.encoding).toBe("utf-16");
    expect(review.preview).toEqual([["Zoë", "1"]]);
  });

  it("reads a file as Windows-1252 when its first non-UTF-8 byte is far beyond the detection sample", async () => {
    const { owner, workspace } = await createCast();
    const lines = ["city,n", ...Array.from({ length: 8000 }, (_, i) => `Oslo,${i}`), "Z\u00fcrich,8000"];
    const staged = await upload(owner, workspace.id, "far.csv", Buffer.from(`${lines.join("\n")}\n`, "latin1"));
    const review = await getIngestReview(owner, staged.id);
    expect(review.reading.csv?.encoding).toBe("windows-1252");
    expect(review.rowCount).toBe(8001);
    const last = await queryDataset(owner, (await commitNew(owner, staged.id, "far")).datasetId, { offset: 8000 });
    expect(last.rows).toEqual([["Zürich", "8000"]]); // BIGINT as a string
  });

  it("refuses dialect options for a file that is not delimited text", async () => {
    const { owner, workspace } = await createCast();
    expect(
      await failure(upload(owner, workspace.id, "r.json", '[{"a":1}]', { options: { delimiter: ";" } })),
    ).toMatchObject({ message: "The delimiter, header, quote and encoding options apply to CSV and TSV files only." });
  });
});

describe("the kept upload", () => {
  it("is stored while the review waits and deleted when it is confirmed or cancelled", async () => {
    const { owner, workspace } = await createCast();
    const sources = () => filesBelow(storage.blobDir()).filter((f) => f.endsWith(".source"));
    const before = sources().length;
    const kept = await upload(owner, workspace.id, "k.csv", "a\n1\n");
    const dropped = await upload(owner, workspace.id, "c.csv", "a\n1\n");
    expect(sources()).toHaveLength(before + 2);
    await commitNew(owner, kept.id, "kept");
    await cancelIngest(owner, dropped.id);
    expect(sources()).toHaveLength(before);
  });
});
