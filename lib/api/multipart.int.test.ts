import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { getDb } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { failure, setupCatalogStorage } from "@/lib/catalog/test-support";
import { setupTestDatabase } from "@/test/db";
import { body, startedUpload } from "./multipart-test-support";
import { completeMultipart, listParts, uploadPart } from "./multipart";

setupTestDatabase();
const storage = setupCatalogStorage();

/** The current version's rows, in order, as "region,amount". */
async function datasetRows(datasetId: string): Promise<string[]> {
  const dataset = await getDb().dataset.findUniqueOrThrow({ where: { id: datasetId } });
  const version = await getDb().datasetVersion.findUniqueOrThrow({
    where: { datasetId_number: { datasetId, number: dataset.version } },
  });
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    const file = await getBlobStore().localPath(version.blobKey);
    const result = await db.runAndReadAll(`SELECT region || ',' || amount FROM read_parquet('${file}')`);
    return result.getRowsJson().map((row) => String(row[0]));
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

describe("REST multipart upload", () => {
  it("a retried complete gets the same answer and writes the rows once; a part sent afterwards is told the upload was completed", async () => {
    const { owner, args, uploadId, datasetId } = await startedUpload();
    await uploadPart(owner, ...args, uploadId, 1, body("region,amount\nsouth,2\n"));
    const first = await completeMultipart(owner, ...args, uploadId);
    expect(first).toMatchObject({ uploadId, version: 2, rowsAdded: 1, rowCount: 2 });
    expect(await completeMultipart(owner, ...args, uploadId)).toEqual(first);
    expect(await getDb().datasetVersion.count({ where: { datasetId } })).toBe(2);
    // The parts are deleted once the answer is given (not before it): only the kept answer stays.
    const staged = () =>
      fs.readdirSync(path.join(storage.dir(), "uploads", "multipart")).filter((n) => n.startsWith(uploadId));
    await expect.poll(staged, { timeout: 5_000 }).toEqual([`${uploadId}.done.json`]);
    expect(await failure(uploadPart(owner, ...args, uploadId, 2, body("x")))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already completed"),
    });
  });

  it("only a genuinely missing upload is a 404: a staging failure (unreadable upload) propagates as the server error it is", async () => {
    const { owner, args, uploadId } = await startedUpload();
    expect(await failure(listParts(owner, ...args, "0".repeat(32)))).toMatchObject({ code: "not_found" });
    const meta = path.join(storage.dir(), "uploads", "multipart", uploadId, "meta.json");
    fs.rmSync(meta);
    fs.mkdirSync(meta); // reading it now fails with EISDIR, not "missing"
    expect(await failure(listParts(owner, ...args, uploadId))).toMatchObject({ code: "internal" });
    expect(await failure(completeMultipart(owner, ...args, uploadId))).toMatchObject({ code: "internal" });
  });

  it("a part whose connection drops mid-way is refused with a clear 422 and leaves the parts already sent intact", async () => {
    const { owner, args, uploadId, datasetId } = await startedUpload();
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
    // The bytes that did arrive are not part of the upload: the part sent again follows part 1 directly.
    await uploadPart(owner, ...args, uploadId, 2, body("west,4\n"));
    expect(await completeMultipart(owner, ...args, uploadId)).toMatchObject({ rowsAdded: 2, rowCount: 3 });
    expect(await datasetRows(datasetId)).toEqual(["north,1", "south,2", "west,4"]);
  });

  it("joins parts split anywhere (inside a row, in many small chunks) into the rows they hold, in part order", async () => {
    const { owner, args, uploadId } = await startedUpload();
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
  it("a complete sent while the next part is still arriving waits for it: the answer holds that part's rows", async () => {
    const { owner, args, uploadId } = await startedUpload();
    await uploadPart(owner, ...args, uploadId, 1, body("region,amount\nsouth,2\n"));
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    let step = 0;
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (step++ === 0) return controller.enqueue(new TextEncoder().encode("east,3\n"));
        await held;
        controller.enqueue(new TextEncoder().encode("west,4\n"));
        controller.close();
      },
    });
    const part = uploadPart(owner, ...args, uploadId, 2, slow);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the part's first bytes are in
    const completing = completeMultipart(owner, ...args, uploadId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    finish();
    expect(await part).toMatchObject({ partNumber: 2, size: 14 });
    expect(await completing).toMatchObject({ rowsAdded: 3, rowCount: 4 });
  });

  it("joined parts that lost bytes (a machine crash before they reached the disk) are refused, never padded with zeros", async () => {
    const { owner, args, uploadId, datasetId } = await startedUpload();
    await uploadPart(owner, ...args, uploadId, 1, body("region,amount\nsouth,2\n"));
    await uploadPart(owner, ...args, uploadId, 2, body("east,3\n"));
    const assembled = path.join(storage.dir(), "uploads", "multipart", uploadId, "assembled");
    fs.truncateSync(assembled, fs.statSync(assembled).size - 4);
    await expect(completeMultipart(owner, ...args, uploadId)).rejects.toThrow("shorter than recorded");
    expect(await getDb().datasetVersion.count({ where: { datasetId } })).toBe(1);
  });

  it("a part sent again replaces the copy already joined, wherever it sits, and later parts keep their place", async () => {
    const { owner, args, uploadId, datasetId } = await startedUpload();
    const parts = ["region,amount\nsou", "th,2\nea", "st,3\nwest,4\n"];
    for (const [i, text] of parts.entries()) await uploadPart(owner, ...args, uploadId, i + 1, body(text));
    await uploadPart(owner, ...args, uploadId, 2, body("th,20\nnorth,5\nea"));
    expect((await listParts(owner, ...args, uploadId)).parts).toEqual([
      { partNumber: 1, size: 17 },
      { partNumber: 2, size: 16 },
      { partNumber: 3, size: 12 },
    ]);
    await uploadPart(owner, ...args, uploadId, 4, body("down,6\n"));
    expect(await completeMultipart(owner, ...args, uploadId)).toMatchObject({ rowsAdded: 5, rowCount: 6 });
    expect(await datasetRows(datasetId)).toEqual(["north,1", "south,20", "north,5", "east,3", "west,4", "down,6"]);
  });
});
