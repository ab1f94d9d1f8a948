import { describe, expect, it } from "vitest";
import { createCast, createDataset, failure, setupCatalogStorage } from "@/lib/catalog/test-support";
import { shareResource } from "@/lib/sharing/share-resource";
import { setupTestDatabase } from "@/test/db";
import { exportConsoleResult } from "./export-console-result";

setupTestDatabase();
setupCatalogStorage();

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
});
