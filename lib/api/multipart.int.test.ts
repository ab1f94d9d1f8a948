import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createCast, createDataset, failure, setupCatalogStorage } from "@/lib/catalog/test-support";
import { setupTestDatabase } from "@/test/db";
import { completeMultipart, initiateMultipart, listParts, uploadPart } from "./multipart";

setupTestDatabase();
const storage = setupCatalogStorage();

const body = (text: string) => new Blob([text]).stream();

async function started() {
  const cast = await createCast();
  const dataset = await createDataset(cast.owner, cast.workspace.id, "sales.csv", "region,amount\nnorth,1\n");
  const slug = (await getDb().dataset.findUniqueOrThrow({ where: { id: dataset.datasetId } })).slug;
  const args = [cast.workspace.owner, cast.workspace.slug, slug] as const;
  const { uploadId } = await initiateMultipart(cast.owner, ...args, { format: "csv", mode: "append" });
  return { ...cast, args, uploadId, datasetId: dataset.datasetId };
}

describe("REST multipart upload", () => {
  it("a retried complete gets the same answer and writes the rows once; a part sent afterwards is told the upload was completed", async () => {
    const { owner, args, uploadId, datasetId } = await started();
    await uploadPart(owner, ...args, uploadId, 1, body("region,amount\nsouth,2\n"));
    const first = await completeMultipart(owner, ...args, uploadId);
    expect(first).toMatchObject({ uploadId, version: 2, rowsAdded: 1, rowCount: 2 });
    expect(await completeMultipart(owner, ...args, uploadId)).toEqual(first);
    expect(await getDb().datasetVersion.count({ where: { datasetId } })).toBe(2);
    expect(await failure(uploadPart(owner, ...args, uploadId, 2, body("x")))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already completed"),
    });
  });

  it("only a genuinely missing upload is a 404: a staging failure (unreadable upload) propagates as the server error it is", async () => {
    const { owner, args, uploadId } = await started();
    expect(await failure(listParts(owner, ...args, "0".repeat(32)))).toMatchObject({ code: "not_found" });
    const meta = path.join(storage.dir(), "uploads", "multipart", uploadId, "meta.json");
    fs.rmSync(meta);
    fs.mkdirSync(meta); // reading it now fails with EISDIR, not "missing"
    expect(await failure(listParts(owner, ...args, uploadId))).toMatchObject({ code: "internal" });
    expect(await failure(completeMultipart(owner, ...args, uploadId))).toMatchObject({ code: "internal" });
  });
});
