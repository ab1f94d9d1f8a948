// File storage in process: upload through the tus endpoint's handler (chunked PATCHes streamed
// from disk), a full download and Range reads through the download service, and the first page
// of a folder with 10,000 files. Prints throughput, latency and the process's peak RSS growth.
// The figures users see, through HTTP with nginx and dd beside them, are in http-files.ts.
// BENCH_FILE_MB (default 1024, the 1 GiB) sets the file size; BENCH_LIST_ENTRIES (default 10000) the folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { Actor } from "@/lib/access";
import { createDb, setDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { listFolder } from "@/lib/files/list-folder";
import { openFileDownload } from "@/lib/files/open-download";
import { getRootFolder } from "@/lib/files/root-folder";
import { serveFile } from "@/lib/files/serve-file";
import { createBlobStore, setBlobStore } from "@/lib/storage";
import { measure, ms } from "./stats";

const FILE_MB = Number(process.env.BENCH_FILE_MB || 1024);
const LIST_ENTRIES = Number(process.env.BENCH_LIST_ENTRIES || 10_000);
const CHUNK = 32 * 1024 * 1024;
const MiB = 1024 * 1024;

/** Runs `fn` while sampling RSS every 10 ms; returns its result, seconds taken and the peak RSS growth in MiB. */
async function withRss<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; peakGrowthMiB: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds: (performance.now() - start) / 1000, peakGrowthMiB: (peak - base) / MiB };
  } finally {
    clearInterval(timer);
  }
}

async function makeSourceFile(file: string, mb: number) {
  const block = Buffer.alloc(MiB);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i); // not all zeros
  const out = fs.createWriteStream(file);
  for (let i = 0; i < mb; i++) if (!out.write(block)) await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** One upload through the tus handler, as tus-js-client sends it: POST, then PATCHes of CHUNK bytes. */
async function tusUpload(actor: Actor, folderId: string, file: string, size: number): Promise<string> {
  const { handleTusRequest } = await import("@/lib/uploads/tus-server");
  const { tusCreate, tusLocation, tusPatch } = await import("@/lib/uploads/tus-requests");
  const origin = "http://bench.local";
  const created = await handleTusRequest(actor, tusCreate(origin, size, { kind: "file", folderId, name: "bench.bin" }));
  if (created.status !== 201) throw new Error(`tus create answered ${created.status}: ${await created.text()}`);
  const location = tusLocation(origin, created);
  let body = "";
  for (let offset = 0; offset < size; offset += CHUNK) {
    const end = Math.min(size, offset + CHUNK);
    const stream = Readable.toWeb(
      fs.createReadStream(file, { start: offset, end: end - 1 }),
    ) as ReadableStream<Uint8Array>;
    const response = await handleTusRequest(actor, tusPatch(location, offset, stream, end - offset));
    if (response.status !== 204 && response.status !== 200)
      throw new Error(`tus PATCH answered ${response.status}: ${await response.text()}`);
    body = await response.text();
  }
  const outcome = JSON.parse(body) as { id?: string };
  if (!outcome.id) throw new Error(`the upload did not become a file: ${body}`);
  return outcome.id;
}

async function drain(response: Response): Promise<number> {
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return bytes;
}

export async function runFilesBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ds-bench-files-"));
  fs.chmodSync(dir, 0o755); // nginx's workers run as another user and must read the blobs
  const previousDataDir = process.env.DATA_DIR;
  process.env.DATA_DIR = dir;
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    await applyMigrations(url);
    const db = createDb(url);
    setDb(db);
    setBlobStore(createBlobStore(`file:${path.join(dir, "blobs")}`));
    const user = await db.user.create({ data: { email: "bench@bench.test", username: "bench" } });
    const actor: Actor = { id: user.id, email: user.email, username: user.username };
    const workspace = await db.workspace.create({ data: { ownerId: user.id, slug: "bench", name: "Bench" } });
    const root = await getRootFolder(workspace.id);

    const source = path.join(dir, "source.bin");
    await makeSourceFile(source, FILE_MB);
    const size = FILE_MB * MiB;

    const up = await withRss(() => tusUpload(actor, root.id, source, size));
    console.log(
      `upload ${FILE_MB} MiB through tus (${CHUNK / MiB} MiB PATCHes, SHA-256, commit): ${(FILE_MB / up.seconds).toFixed(0)} MiB/s, ${up.seconds.toFixed(2)} s, peak RSS growth ${up.peakGrowthMiB.toFixed(0)} MiB`,
    );

    const fileId = up.result;
    const open = async () => (await openFileDownload(actor, fileId)).file;
    const down = await withRss(async () => drain(await serveFile(new Request("http://bench.local/x"), await open())));
    if (down.result !== size) throw new Error(`downloaded ${down.result} bytes, expected ${size}`);
    console.log(
      `download ${FILE_MB} MiB (streamed): ${(FILE_MB / down.seconds).toFixed(0)} MiB/s, ${down.seconds.toFixed(2)} s, peak RSS growth ${down.peakGrowthMiB.toFixed(0)} MiB`,
    );

    const ranges = await measure(200, async (i) => {
      const start = (i * 7_919_993) % (size - 65_536);
      const response = await serveFile(
        new Request("http://bench.local/x", { headers: { Range: `bytes=${start}-${start + 65_535}` } }),
        await open(),
      );
      if (response.status !== 206 || (await drain(response)) !== 65_536)
        throw new Error("a Range read did not return 64 KiB with 206");
    });
    console.log(
      `Range read of 64 KiB at random offsets (access check + open + read): median ${ms(ranges.median)}, p99 ${ms(ranges.p99)}`,
    );

    const folder = await db.fileEntry.create({
      data: {
        workspaceId: workspace.id,
        kind: "folder",
        parentId: root.id,
        slot: root.id,
        name: "many",
        nameLower: "many",
        ancestry: `/${root.id}/`,
        createdById: user.id,
        modifiedById: user.id,
      },
    });
    for (let startAt = 0; startAt < LIST_ENTRIES; startAt += 2_000) {
      const rows = [];
      for (let i = startAt; i < Math.min(LIST_ENTRIES, startAt + 2_000); i++) {
        const name = `file-${String(i).padStart(6, "0")}.csv`;
        rows.push({
          workspaceId: workspace.id,
          kind: "file" as const,
          parentId: folder.id,
          slot: folder.id,
          name,
          nameLower: name,
          ancestry: `/${root.id}/${folder.id}/`,
          size: BigInt(1000 + i),
          mimeType: "text/csv",
          blobKey: `bench/${i}`,
          sha256: "0",
          createdById: user.id,
          modifiedById: user.id,
        });
      }
      await db.fileEntry.createMany({ data: rows });
    }
    const byName = await measure(30, () => listFolder(actor, folder.id));
    const bySize = await measure(30, () => listFolder(actor, folder.id, { sort: "size", dir: "desc" }));
    const last = await measure(30, () => listFolder(actor, folder.id, { offset: LIST_ENTRIES - 200 }));
    console.log(
      `folder of ${LIST_ENTRIES} files, first page (200 rows + count): by name median ${ms(byName.median)} (p99 ${ms(byName.p99)}), by size median ${ms(bySize.median)}, last page median ${ms(last.median)}`,
    );
  } finally {
    setDb(undefined);
    setBlobStore(undefined);
    if (previousDataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previousDataDir;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
