// Issue 17.4: the REST ingest (multipart upload, JSON records) accepts the review's reading options.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { queryDataset } from "@/lib/catalog/query";
import { createCast, createDataset, failure, setupCatalogStorage } from "@/lib/catalog/test-support";
import { setupTestDatabase } from "@/test/db";
import { ingestBodySchema, ingestRecords } from "./ingest-records";
import { completeMultipart, initiateBodySchema, initiateMultipart, uploadPart } from "./multipart";

setupTestDatabase();
setupCatalogStorage();

const body = (bytes: string | Buffer) => new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)]).stream();

describe("REST ingest options", () => {
  it("a multipart append reads the parts with the given delimiter, encoding and column names", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "sales.csv", "region,amount\nnorth,1.5\n");
    const slug = (await getDb().dataset.findUniqueOrThrow({ where: { id: datasetId } })).slug;
    const args = [workspace.owner, workspace.slug, slug] as const;
    const options = initiateBodySchema.parse({
      format: "csv",
      mode: "append",
      options: { delimiter: ";", encoding: "latin-1", columns: [{ source: "Région", name: "region" }] },
    });
    const started = await initiateMultipart(owner, ...args, options);
    expect(started.options).toMatchObject({ delimiter: ";", encoding: "latin-1" });
    await uploadPart(owner, ...args, started.uploadId, 1, body(Buffer.from("Région;amount\nZürich;2,5\n", "latin1")));
    // "2,5" is not a number with "." as the decimal point: the conversion names it.
    expect(await failure(completeMultipart(owner, ...args, started.uploadId))).toMatchObject({
      code: "invalid",
      message: expect.stringContaining('"2,5"'),
    });

    const again = await initiateMultipart(owner, ...args, options);
    await uploadPart(owner, ...args, again.uploadId, 1, body(Buffer.from("Région;amount\nZürich;2.5\n", "latin1")));
    expect(await completeMultipart(owner, ...args, again.uploadId)).toMatchObject({ version: 2, rowsAdded: 1 });
    expect((await queryDataset(owner, datasetId, {})).rows).toEqual([
      ["north", 1.5],
      ["Zürich", 2.5],
    ]);
  });

  it("refuses options that are not valid, naming the problem", () => {
    for (const [options, message] of [
      [{ delimiter: ";;" }, "The delimiter is one character"],
      [{ encoding: "ebcdic" }, "The encoding is one of utf-8, latin-1, windows-1252, utf-16."],
      [{ delimiter: ";", quote: ";" }, "The quote character and delimiter must differ."],
      [{ sep: ";" }, "Unrecognized key"],
    ] as const) {
      const parsed = initiateBodySchema.safeParse({ format: "csv", options });
      expect(parsed.success).toBe(false);
      expect(JSON.stringify(parsed.error?.issues)).toContain(message);
    }
  });

  it("JSON records take column names and types; a value that does not fit is refused naming column, value and record", async () => {
    const { owner, workspace } = await createCast();
    const refused = await failure(
      ingestRecords(
        owner,
        workspace.slug,
        "readings",
        ingestBodySchema.parse({
          data: [
            { day: "2026-01-02", v: 1 },
            { day: "soon", v: 2 },
          ],
          options: { columns: [{ source: "day", type: "DATE" }] },
        }),
      ),
    );
    expect(refused).toMatchObject({
      code: "invalid",
      message: expect.stringContaining('Column "day" cannot be DATE: row 2 has "soon"'),
    });
    const written = await ingestRecords(
      owner,
      workspace.slug,
      "readings",
      ingestBodySchema.parse({
        data: [{ day: "2026-01-02", v: 1 }],
        options: { columns: [{ source: "day", type: "DATE", name: "recorded on" }] },
      }),
    );
    expect(written).toMatchObject({
      created: true,
      columns: [
        { name: "recorded on", type: "DATE" },
        { name: "v", type: "BIGINT" },
      ],
    });
  });
});
