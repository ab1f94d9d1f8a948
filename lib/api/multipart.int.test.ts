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

  it("a part whose connection drops mid-way is refused with a clear 422 and leaves the parts already sent intact", async () => {
    const { owner, args, uploadId } = await started();
    await uploadPart(owner, ...args, uploadId, 1, body("region,amount\nsouth,2\n"));
    let sent = 0;
    const dropping = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 3) controller.enqueue(new TextEncoder().encode("east,3\n"));
        else controller.error(new Error("socket hang up"));
      },
    });
    expect(await failure(uploadPart(owner, ...args, uploadId, 2, dropping))).toMatchObject({
      code: "invalid",
      message: "The part did not arrive whole (the connection dropped); send it again.",
    });
    expect((await listParts(owner, ...args, uploadId)).parts).toEqual([{ partNumber: 1, size: 22 }]);
  });

  it("joins parts split anywhere (inside a row, in many small chunks) into the rows they hold, in part order", async () => {
    const { owner, args, uploadId } = await started();
    const rows = Array.from({ length: 3000 }, (_, i) => `r${i},${i}`).join("\n");
    const text = `region,amount\n${rows}\n`;
    const cut = [0, 7, 20_000, text.length];
    // Sent out of order, each as many small chunks, as a client streaming its parts would.
    for (const n of [3, 1, 2]) {
      const part = new TextEncoder().encode(text.slice(cut[n - 1], cut[n]));
      let at = 0;
      const chunked = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= part.length) return controller.close();
          controller.enqueue(part.slice(at, (at += 997)));
        },
      });
      await uploadPart(owner, ...args, uploadId, n, chunked);
    }
    expect(await completeMultipart(owner, ...args, uploadId)).toMatchObject({ rowsAdded: 3000, rowCount: 3001 });
  });
});
