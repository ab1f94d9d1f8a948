import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { catalogTempDir } from "@/lib/catalog/config";
import { createCast, createDataset, failure, setupCatalogStorage } from "@/lib/catalog/test-support";
import { shareResource } from "@/lib/sharing/share-resource";
import { setupTestDatabase } from "@/test/db";
import { exportConsoleResult } from "./export-console-result";

setupTestDatabase();
setupCatalogStorage();
afterEach(() => {
  delete process.env.CATALOG_EXPORTS_PER_USER;
  delete process.env.CATALOG_MAX_EXPORT_BYTES;
});

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

describe("downloading a console result", () => {
  it("writes the whole result as CSV with formulas neutralised, and refuses when a dataset is view-only", async () => {
    const cast = await createCast();
    const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "notes.csv", "id,note\n1,=1+1\n2,fine\n");
    const table = `"${cast.workspace.owner}/${cast.workspace.slug}/notes"`;
    const csv = await exportConsoleResult(cast.owner, {
      sql: `SELECT id, note FROM ${table} ORDER BY id;`,
      format: "csv",
    });
    expect(await text(csv.body)).toBe("id,note\n1,'=1+1\n2,fine\n");
    const parquet = await exportConsoleResult(cast.owner, { sql: `SELECT * FROM ${table}`, format: "parquet" });
    expect((await text(parquet.body)).slice(0, 4)).toBe("PAR1");

    const viewer = await cast.extraUser("von");
    await shareResource(cast.owner, "dataset", datasetId, { grantees: [viewer.username!], role: "viewonly" });
    const refused = await failure(exportConsoleResult(viewer, { sql: `SELECT * FROM ${table}`, format: "csv" }));
    expect(refused.code).toBe("forbidden");
    expect(
      (await failure(exportConsoleResult(cast.owner, { sql: `COPY ${table} TO 'x.csv'`, format: "csv" }))).code,
    ).toBe("invalid");
  });

  it("counts against the downloads one user may run at once (429 beyond), freed when a download ends", async () => {
    const cast = await createCast();
    await createDataset(cast.owner, cast.workspace.id, "small.csv", "a,b\n1,x\n2,y\n");
    const sql = `SELECT * FROM "${cast.workspace.owner}/${cast.workspace.slug}/small" ORDER BY a`;
    process.env.CATALOG_EXPORTS_PER_USER = "1";
    const first = await exportConsoleResult(cast.owner, { sql, format: "csv" });
    const second = await failure(exportConsoleResult(cast.owner, { sql, format: "parquet" }));
    expect(second).toMatchObject({
      code: "rate_limited",
      message: "You already have 1 download of a dataset in progress. Wait for it to finish, then try again.",
    });
    expect(await text(first.body)).toBe("a,b\n1,x\n2,y\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await text((await exportConsoleResult(cast.owner, { sql, format: "csv" })).body)).toBe("a,b\n1,x\n2,y\n");
  });

  it("stops a result larger than CATALOG_MAX_EXPORT_BYTES with 413 and leaves no file behind", async () => {
    const cast = await createCast();
    await createDataset(cast.owner, cast.workspace.id, "tiny.csv", "n\n1\n");
    process.env.CATALOG_MAX_EXPORT_BYTES = "100000";
    const table = `"${cast.workspace.owner}/${cast.workspace.slug}/tiny"`;
    const refused = await failure(
      exportConsoleResult(cast.owner, {
        sql: `SELECT range AS i, 'row number ' || range || ' with some padding text' AS label FROM range(200000), ${table}`,
        format: "csv",
      }),
    );
    expect(refused.code).toBe("too_large");
    expect(refused.message).toMatch(/^The export is larger than 97.7 KB/);
    expect(fs.readdirSync(path.join(catalogTempDir(), "sql-export"))).toEqual([]);
  });
});
