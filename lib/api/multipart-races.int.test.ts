import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { failure, setupCatalogStorage } from "@/lib/catalog/test-support";
import { setupTestDatabase } from "@/test/db";
import { body, startedUpload } from "./multipart-test-support";
import { abortMultipart, completeMultipart, listParts, uploadPart } from "./multipart";

// Requests on one upload that overlap: two copies of a part, a part still arriving when the
// upload is completed or aborted, an abort and a complete at once. The rule they check: a stored
// part is exactly the bytes of one successful PUT of it, and complete ingests exactly the parts
// acknowledged before it claimed the upload (never a part cut short, mixed or half-deleted).

setupTestDatabase();
const storage = setupCatalogStorage();

const uploadDir = (uploadId: string) => path.join(storage.dir(), "uploads", "multipart", uploadId);

/** A body sent in `chunks`, each only once `gate(i)` resolves: the test decides when each chunk arrives. */
function gated(chunks: string[], gate: (i: number) => Promise<void>): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i >= chunks.length) return controller.close();
      await gate(i);
      controller.enqueue(new TextEncoder().encode(chunks[i++]));
    },
  });
}

/** A body whose first chunk arrives at once and the rest once `gate` is opened: a part still streaming in. */
const heldAfterFirstChunk = (chunks: string[], gate: { wait: () => Promise<void> }) =>
  gated(chunks, (i) => (i ? gate.wait() : Promise.resolve()));

/** A switch a test flips once: `wait` resolves from then on. */
function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, wait: () => opened };
}

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: error as { code?: string; message?: string } }),
  );

describe("multipart upload: overlapping requests", () => {
  it("two PUTs of the same part at once, their bytes interleaved: the stored part is the last acknowledged one, whole", async () => {
    const { owner, args, uploadId } = await startedUpload();
    // Chunks larger than one disk write (WRITE_BATCH_BYTES), so each copy reaches the disk in several writes.
    const rows = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, k) => `${prefix}${k},${k}\n`).join("");
    const a = [rows("a0-", 420_000), rows("a1-", 1_000)];
    const b = [rows("b0-", 450_000), rows("b1-", 2_000)];
    const turns = Array.from({ length: 4 }, latch);
    // Part 3 before 1 and 2: both copies are kept in a file of their own, outside the append lease.
    // a0 b0 a1 (a ends) b1 (b ends); which answer comes last is up to the disk.
    const answered: string[][] = [];
    const send = (chunks: string[], turn: (i: number) => number) =>
      uploadPart(
        owner,
        ...args,
        uploadId,
        3,
        gated(chunks, (i) => turns[turn(i)]!.wait()),
      ).then((answer) => {
        answered.push(chunks);
        return answer;
      });
    const sent = [send(a, (i) => i * 2), send(b, (i) => i * 2 + 1)];
    for (const turn of turns) {
      turn.open();
      await tick(100);
    }
    await Promise.all(sent);
    const last = answered[1]!.join("");
    expect((await listParts(owner, ...args, uploadId)).parts).toEqual([{ partNumber: 3, size: last.length }]);
    expect(fs.readFileSync(path.join(uploadDir(uploadId), "part-00003"), "utf8") === last).toBe(true);
    await uploadPart(owner, ...args, uploadId, 1, body("region,amount\n"));
    await uploadPart(owner, ...args, uploadId, 2, body("c,5\n"));
    const added = last.split("\n").length - 1;
    expect(await completeMultipart(owner, ...args, uploadId)).toMatchObject({ rowsAdded: 1 + added });
  }, 60_000);

  it("a part sent again while complete copies the parts: complete reads the acknowledged copy whole, the late one is refused", async () => {
    const { owner, args, uploadId, datasetId } = await startedUpload();
    // Part 3 first (kept in its own file, so completing copies the pieces), then 1 and 2 (appended in order):
    // the copy of part 2 sent again is not the next in order, so it is written to a file of its own meanwhile.
    await uploadPart(owner, ...args, uploadId, 3, body("up,9\n"));
    await uploadPart(owner, ...args, uploadId, 1, body("region,amount\n"));
    await uploadPart(owner, ...args, uploadId, 2, body("south,2\neast,3\n"));
    const gate = latch();
    const late = settle(uploadPart(owner, ...args, uploadId, 2, heldAfterFirstChunk(["west,4\n", "down,5\n"], gate)));
    await tick(100); // the late copy is streaming in (its temporary file open)
    expect(await completeMultipart(owner, ...args, uploadId)).toMatchObject({ rowsAdded: 3, rowCount: 4 });
    gate.open();
    const answer = await late;
    expect(answer.ok).toBe(false);
    // Told why, as a part sent after completing is: not "the upload does not exist".
    expect(answer.ok ? null : answer.error).toMatchObject({ code: "conflict" });
    const version = await getDb().datasetVersion.findFirstOrThrow({
      where: { datasetId },
      orderBy: { number: "desc" },
    });
    expect(Number(version.addedRows)).toBe(3);
  });

  it("parts sent in parallel cannot together pass CATALOG_MAX_UPLOAD_BYTES: complete refuses the upload (413) and can be retried after a smaller part", async () => {
    const { owner, args, uploadId, datasetId } = await startedUpload();
    const rows = (prefix: string) => Array.from({ length: 6 }, (_, k) => `${prefix}${k},${k}\n`).join(""); // 30 bytes
    process.env.CATALOG_MAX_UPLOAD_BYTES = "100";
    try {
      // Both start before either is stored, so each sees only the other parts already stored (none).
      const gate = latch();
      const parts = [
        ["region,amount\n", rows("a")],
        [rows("b"), rows("c")],
      ].map((chunks, i) => uploadPart(owner, ...args, uploadId, i + 1, heldAfterFirstChunk(chunks, gate)));
      await tick(100);
      gate.open();
      expect(await Promise.all(parts)).toMatchObject([{ size: 44 }, { size: 60 }]);
      expect(await failure(completeMultipart(owner, ...args, uploadId))).toMatchObject({
        code: "too_large",
        message: expect.stringContaining("The parts add up to 104 bytes, more than the 100 bytes"),
      });
      expect(await getDb().datasetVersion.count({ where: { datasetId } })).toBe(1);
      // Refused before the upload was claimed: a smaller part 2 makes it fit.
      await uploadPart(owner, ...args, uploadId, 2, body("b,1\n"));
      expect(await completeMultipart(owner, ...args, uploadId)).toMatchObject({ rowsAdded: 7 });
    } finally {
      delete process.env.CATALOG_MAX_UPLOAD_BYTES;
    }
  });

  it("an abort racing a complete: exactly one of them takes effect, and a complete never loses parts to the abort", async () => {
    const results: string[] = [];
    // Many parts, so deleting them takes a while; the abort starts at a different moment each round.
    for (let round = 0; round < 16; round++) {
      const { owner, args, uploadId, datasetId } = await startedUpload();
      const parts = 200;
      await uploadPart(owner, ...args, uploadId, 1, body("region,amount\n"));
      // The state out-of-order PUTs leave (one file per part), written directly to keep the test short.
      for (let n = 2; n <= parts + 1; n++)
        fs.writeFileSync(path.join(uploadDir(uploadId), `part-${String(n).padStart(5, "0")}`), `r${n},${n}\n`);
      const completing = settle(completeMultipart(owner, ...args, uploadId));
      await tick(round % 8);
      const aborting = settle(abortMultipart(owner, ...args, uploadId));
      const [complete, abort] = await Promise.all([completing, aborting]);
      const versions = await getDb().datasetVersion.count({ where: { datasetId } });
      results.push(
        [
          complete.ok ? `complete ${complete.value.rowsAdded} rows` : `complete ${complete.error.code}`,
          abort.ok ? "abort ok" : `abort ${abort.error.code}`,
          `${versions} versions`,
        ].join(", "),
      );
    }
    // Either the complete claimed the upload first (all rows; the abort is told it is being completed)
    // or the abort did (no new version; the complete finds no upload). Never a server error, never both.
    for (const result of results)
      expect(["complete 200 rows, abort conflict, 2 versions", "complete not_found, abort ok, 1 versions"]).toContain(
        result,
      );
  }, 120_000);

  it("an upload aborted while a part streams in: the part is refused and the upload stays gone", async () => {
    const { owner, args, uploadId } = await startedUpload();
    await uploadPart(owner, ...args, uploadId, 1, body("region,amount\n"));
    const gate = latch();
    const late = settle(uploadPart(owner, ...args, uploadId, 3, heldAfterFirstChunk(["x,1\n", "y,2\n"], gate)));
    await tick(100);
    await abortMultipart(owner, ...args, uploadId);
    gate.open();
    expect((await late).ok).toBe(false);
    expect(await failure(listParts(owner, ...args, uploadId))).toMatchObject({ code: "not_found" });
    expect(fs.readdirSync(path.dirname(uploadDir(uploadId))).filter((n) => n.startsWith(uploadId))).toEqual([]);
  });
});
