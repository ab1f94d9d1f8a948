// File transfer through HTTP against a production build, as users hit it, with the reference in
// the same run (issue 15):
// - a 1 GiB download from GET /api/v1/files/{id}/content (bearer token), one stream, against
//   nginx (Debian package, sendfile on) serving the same blob;
// - 8 parallel downloads of a 100 MiB file, against nginx the same way;
// - a 1 GiB tus upload over HTTP in 8 MiB PATCHes (SHA-256 and commit included), against `dd` of
//   the same bytes to the same disk (conv=fdatasync), and how long the last PATCH takes to answer;
//   beside them, as an extra reference line, the same PATCHes to a bare node:http server that only
//   writes, hashes and fdatasyncs (on BENCH_PORT_BASE + 8, free while this benchmark runs).
// A and B alternate BENCH_ROUNDS times (default 3, the order flips each round); it prints the
// median and range of each, the ratio of the medians, the load average while measuring and the
// app server's peak RSS growth during downloads.
//
// Needs a production build (`npm run build`; NEXT_DIST_DIR as for the build) and nginx
// (`apt-get install -y nginx`; without it the reference figures are left out). Shares
// bench/http-harness.ts with the other HTTP benchmarks: the app runs as `npm start` does
// (scripts/server.mjs) on BENCH_PORT_BASE + 6, nginx on + 7. Settings: BENCH_FILE_MB (1024),
// BENCH_PARALLEL_MB (100), BENCH_PARALLEL (8), BENCH_PATCH_MB (8), BENCH_ROUNDS (3), BENCH_FILES
// (upload,download). Run alone: `BENCH_ONLY=files npm run bench` (then also the in-process file benchmark).
// BENCH_UPLOAD_BASE_DIST_DIR (e.g. .next-base, a build of the code before a change) adds, in the same
// rounds, the same upload to a second app running that build on BENCH_PORT_BASE + 9 (same database
// and data directory, as a second instance): old and new side by side, under the same load.
// BENCH_DOWNLOAD_BASE_DIR (e.g. ../wt-download-base: a checkout of the code before a change, built there
// with `npm run build`) does the same for the downloads: that checkout's own scripts/server.mjs and build
// on BENCH_PORT_BASE + 10, downloading the same files in the same rounds, with its own RSS growth.
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { getRootFolder } from "@/lib/files/root-folder";
import { envNumber, envWords } from "./env";
import {
  type Server,
  benchPort,
  createBenchBase,
  hasBuild,
  loadAverage,
  median,
  processCpuSeconds,
  startApp,
  startNginx,
  treeRss,
} from "./http-harness";

const MiB = 1024 * 1024;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

export const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** GETs `url`, counting the bytes; resolves with the count. */
function download(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (response) => {
        if (response.statusCode !== 200) return reject(new Error(`${url} answered ${response.statusCode}`));
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve(bytes));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** MiB/s of `count` parallel downloads of `size` bytes each; `rss` samples the app's memory meanwhile. */
async function downloads(
  url: string,
  headers: Record<string, string>,
  size: number,
  count: number,
  sample?: () => void,
): Promise<number> {
  const timer = sample ? setInterval(sample, 20) : undefined;
  const start = performance.now();
  try {
    const got = await Promise.all(Array.from({ length: count }, () => download(url, headers)));
    if (got.some((n) => n !== size)) throw new Error(`${url}: got ${got.join(", ")} bytes, expected ${size}`);
  } finally {
    if (timer) clearInterval(timer);
  }
  return (count * size) / MiB / ((performance.now() - start) / 1000);
}

export function request(
  method: string,
  url: string,
  headers: Record<string, string | number>,
  body?: fs.ReadStream,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    req.on("error", reject);
    if (body) body.pipe(req);
    else req.end();
  });
}

/** A tus upload over HTTP as tus-js-client sends it; returns the file id, seconds and the last PATCH's seconds. */
async function tusUpload(
  base: string,
  token: string,
  folderId: string,
  file: string,
  name: string,
  patchBytes: number,
) {
  const size = fs.statSync(file).size;
  const b64 = (v: string) => Buffer.from(v).toString("base64");
  const auth = { Authorization: `Bearer ${token}`, "Tus-Resumable": "1.0.0" };
  const start = performance.now();
  const created = await request("POST", `${base}/api/uploads`, {
    ...auth,
    "Upload-Length": size,
    "Upload-Metadata": `kind ${b64("file")},folderId ${b64(folderId)},name ${b64(name)}`,
    "Content-Length": 0,
  });
  if (created.status !== 201) throw new Error(`tus create answered ${created.status}: ${created.text}`);
  const location = new URL(created.headers.location!, `${base}/api/uploads/`).toString();
  let last = { status: 0, text: "" };
  let lastSeconds = 0;
  for (let offset = 0; offset < size; offset += patchBytes) {
    const end = Math.min(size, offset + patchBytes);
    const sent = performance.now();
    last = await request(
      "PATCH",
      location,
      {
        ...auth,
        "Upload-Offset": offset,
        "Content-Type": "application/offset+octet-stream",
        "Content-Length": end - offset,
      },
      fs.createReadStream(file, { start: offset, end: end - 1, highWaterMark: MiB }),
    );
    lastSeconds = (performance.now() - sent) / 1000;
    if (last.status !== 204 && last.status !== 200) throw new Error(`tus PATCH answered ${last.status}: ${last.text}`);
  }
  const id = (JSON.parse(last.text) as { id?: string }).id;
  if (!id) throw new Error(`the upload did not become a file: ${last.text}`);
  return { id, seconds: (performance.now() - start) / 1000, lastSeconds };
}

async function makeSourceFile(file: string, mb: number) {
  const block = Buffer.alloc(MiB);
  const out = fs.createWriteStream(file);
  for (let i = 0; i < mb; i++) {
    randomBytes(64).copy(block, (i * 64) % (MiB - 64));
    if (!out.write(Buffer.from(block))) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * `dd` of `file` to the same disk, flushed: MiB/s. Run asynchronously: a blocked event loop
 * would miss the app closing idle keep-alive sockets, and the next request would reuse a dead one.
 */
async function ddRate(file: string, target: string, patchMb: number): Promise<number> {
  const start = performance.now();
  await promisify(execFile)("dd", [`if=${file}`, `of=${target}`, `bs=${patchMb}M`, "conv=fdatasync"]);
  const seconds = (performance.now() - start) / 1000;
  const rate = fs.statSync(target).size / MiB / seconds;
  fs.rmSync(target, { force: true });
  return rate;
}

// The floor for any Node server on this machine: node:http alone doing what a PATCH must (write at the
// offset in 4 MiB writes, SHA-256 of the bytes, fdatasync before answering), no framework, no database.
const BARE_SERVER = `
const http = require("node:http"), fsp = require("node:fs/promises"), { createHash } = require("node:crypto");
const [file, port] = process.argv.slice(1);
(async () => {
  const handle = await fsp.open(file, "w+");
  const hash = createHash("sha256");
  http.createServer(async (req, res) => {
    let position = Number(req.headers["upload-offset"]), batch = [], bytes = 0;
    const write = async () => {
      await handle.writev(batch, position);
      for (const piece of batch) hash.update(piece);
      position += bytes; batch = []; bytes = 0;
    };
    for await (const chunk of req) {
      batch.push(chunk); bytes += chunk.length;
      if (bytes >= 4 * 1024 * 1024) await write();
    }
    if (bytes) await write();
    await handle.datasync();
    res.writeHead(204, { "Upload-Offset": String(position) }).end();
  }).listen(Number(port), "127.0.0.1", () => console.log("listening"));
})();
`;

/** MiB/s of the same PATCHes sent to BARE_SERVER (started on BENCH_PORT_BASE + 8, free while this bench runs). */
async function bareServerRate(file: string, target: string, patchBytes: number): Promise<number> {
  const port = benchPort(8);
  const child = spawn(process.execPath, ["-e", BARE_SERVER, target, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => d.toString().includes("listening") && resolve());
      child.once("exit", (code) => reject(new Error(`the bare server exited (${code})`)));
    });
    const size = fs.statSync(file).size;
    const start = performance.now();
    for (let offset = 0; offset < size; offset += patchBytes) {
      const end = Math.min(size, offset + patchBytes);
      const answer = await request(
        "PATCH",
        `http://127.0.0.1:${port}/`,
        { "Upload-Offset": offset, "Content-Length": end - offset },
        fs.createReadStream(file, { start: offset, end: end - 1, highWaterMark: MiB }),
      );
      if (answer.status !== 204) throw new Error(`the bare server answered ${answer.status}`);
    }
    return size / MiB / ((performance.now() - start) / 1000);
  } finally {
    child.kill();
    fs.rmSync(target, { force: true });
  }
}

function line(label: string, ours: number[], reference: number[] | null, refName: string, loads: string[]) {
  const ratio = reference
    ? ` | ${refName} median ${median(reference).toFixed(0)} MiB/s (${range(reference)}) | ratio ${(median(ours) / median(reference)).toFixed(2)}`
    : ` | ${refName}: not measured`;
  console.log(
    `${label}: ours median ${median(ours).toFixed(0)} MiB/s (${range(ours)})${ratio} | load ${loads.join(" / ")}`,
  );
}

export async function runHttpFilesBench(): Promise<void> {
  if (!hasBuild("files over HTTP")) return;
  const fileMb = envNumber("BENCH_FILE_MB", 1024);
  const parallelMb = envNumber("BENCH_PARALLEL_MB", 100);
  const parallel = envNumber("BENCH_PARALLEL", 8);
  const patchMb = envNumber("BENCH_PATCH_MB", 8);
  const rounds = Math.max(1, envNumber("BENCH_ROUNDS", 3));

  const world = await createBenchBase();
  const { dir, db, token } = world;
  const servers: Server[] = [];
  try {
    const root = await getRootFolder(world.workspace.id);
    const app = await startApp(world, 6, { path: "/api/v1/openapi.json" }, { FILES_QUOTA_BYTES: String(1024 ** 4) });
    servers.push(app);
    const nginx = await startNginx(dir, 7, path.join(dir, "blobs"));
    if (nginx) servers.push(nginx);
    const base = app.url;

    const big = path.join(dir, "big.bin");
    const small = path.join(dir, "small.bin");
    await makeSourceFile(big, fileMb);
    await makeSourceFile(small, parallelMb);

    // Uploads: ours (tus over HTTP) against dd, alternating.
    const parts = envWords("BENCH_FILES", ["upload", "download"]);
    const ups: number[] = [];
    const lasts: number[] = [];
    const cpus: number[] = [];
    const dds: number[] = [];
    const bares: number[] = [];
    const upLoads: string[] = [];
    const baseDist = process.env.BENCH_UPLOAD_BASE_DIST_DIR;
    const baseApp =
      baseDist && parts.includes("upload")
        ? await startApp(
            world,
            9,
            { path: "/api/v1/openapi.json" },
            {
              FILES_QUOTA_BYTES: String(1024 ** 4),
              NEXT_DIST_DIR: baseDist,
            },
          )
        : null;
    if (baseApp) servers.push(baseApp);
    const baseRun = { ups: [] as number[], lasts: [] as number[], cpus: [] as number[] };
    let bigId = "";

    for (let round = 0; parts.includes("upload") && round < rounds; round++) {
      const steps = [
        async () => {
          const cpuBefore = processCpuSeconds(app.pid);
          const up = await tusUpload(base, token, root.id, big, `big-${round}.bin`, patchMb * MiB);
          cpus.push((processCpuSeconds(app.pid) - cpuBefore) / (fileMb / 1024));
          ups.push(fileMb / up.seconds);
          lasts.push(up.lastSeconds);
          bigId ||= up.id;
        },
        async () => dds.push(await ddRate(big, path.join(dir, "dd.bin"), patchMb)),
        async () => bares.push(await bareServerRate(big, path.join(dir, "bare.bin"), patchMb * MiB)),
        ...(baseApp
          ? [
              async () => {
                const cpuBefore = processCpuSeconds(baseApp.pid);
                const up = await tusUpload(baseApp.url, token, root.id, big, `base-${round}.bin`, patchMb * MiB);
                baseRun.cpus.push((processCpuSeconds(baseApp.pid) - cpuBefore) / (fileMb / 1024));
                baseRun.ups.push(fileMb / up.seconds);
                baseRun.lasts.push(up.lastSeconds);
              },
            ]
          : []),
      ];
      for (const step of round % 2 ? steps.reverse() : steps) await step();
      upLoads.push(loadAverage());
    }
    if (parts.includes("upload")) {
      line(`upload ${fileMb} MiB, tus over HTTP, ${patchMb} MiB PATCHes`, ups, dds, "dd (fdatasync)", upLoads);
      console.log(
        `  last PATCH answered in: median ${median(lasts).toFixed(2)} s (${Math.min(...lasts).toFixed(2)}–${Math.max(...lasts).toFixed(2)} s)`,
      );
      // What the app server spends per GiB whatever the load (the rate above depends on how much CPU it gets).
      console.log(
        `  app server CPU per GiB uploaded: median ${median(cpus).toFixed(2)} s (${Math.min(...cpus).toFixed(2)}–${Math.max(...cpus).toFixed(2)} s)`,
      );
      // Extra line, in the same rounds: how close to dd any Node server gets here (the floor of our own figure).
      console.log(
        `  reference: bare node:http server (write, SHA-256, fdatasync per PATCH) median ${median(bares).toFixed(0)} MiB/s (${range(bares)}), ratio to dd ${(median(bares) / median(dds)).toFixed(2)}; ours / bare ${(median(ups) / median(bares)).toFixed(2)}`,
      );
      if (baseApp)
        console.log(
          `  base build (${baseDist}), same rounds: median ${median(baseRun.ups).toFixed(0)} MiB/s (${range(baseRun.ups)}), ratio to dd ${(median(baseRun.ups) / median(dds)).toFixed(2)}; CPU per GiB ${median(baseRun.cpus).toFixed(2)} s (${Math.min(...baseRun.cpus).toFixed(2)}–${Math.max(...baseRun.cpus).toFixed(2)} s); last PATCH ${median(baseRun.lasts).toFixed(2)} s; ours / base ${(median(ups) / median(baseRun.ups)).toFixed(2)}`,
        );
    }
    if (!parts.includes("download")) return;
    bigId ||= (await tusUpload(base, token, root.id, big, "big.bin", patchMb * MiB)).id;

    const smallUp = await tusUpload(base, token, root.id, small, "small.bin", patchMb * MiB);
    const downloadBaseDir = process.env.BENCH_DOWNLOAD_BASE_DIR;
    const downloadBase = downloadBaseDir
      ? await startApp(
          world,
          10,
          { path: "/api/v1/openapi.json" },
          { FILES_QUOTA_BYTES: String(1024 ** 4) },
          path.resolve(downloadBaseDir),
        )
      : null;
    if (downloadBase) servers.push(downloadBase);
    const keyOf = async (id: string) => (await db.fileEntry.findUniqueOrThrow({ where: { id } })).blobKey!;
    const auth = { Authorization: `Bearer ${token}` };
    const cases = [
      { label: `download ${fileMb} MiB, one stream`, id: bigId, size: fileMb * MiB, count: 1 },
      {
        label: `download ${parallelMb} MiB × ${parallel} in parallel`,
        id: smallUp.id,
        size: parallelMb * MiB,
        count: parallel,
      },
    ];
    for (const c of cases) {
      const ours: number[] = [];
      const refs: number[] = [];
      const olds: number[] = [];
      const ourCpu: number[] = [];
      const oldCpu: number[] = [];
      const loads: string[] = [];
      const ourUrl = `${base}/api/v1/files/${c.id}/content`;
      const refUrl = nginx ? `${nginx.url}/${await keyOf(c.id)}` : null;
      const oldUrl = downloadBase ? `${downloadBase.url}/api/v1/files/${c.id}/content` : null;
      await downloads(ourUrl, auth, c.size, 1); // warm-up: route compiled, page cache filled
      if (oldUrl) await downloads(oldUrl, auth, c.size, 1);
      global.gc?.();
      const rssOf = (pid: number) => {
        const start = treeRss(pid);
        const peak = { start, max: start };
        return { peak, sample: () => (peak.max = Math.max(peak.max, treeRss(pid))) };
      };
      const ourRss = rssOf(app.pid);
      const oldRss = downloadBase ? rssOf(downloadBase.pid) : null;
      for (let round = 0; round < rounds; round++) {
        // The app's CPU time per GiB sent: unlike MiB/s, barely moved by how much CPU the others leave it.
        const cpuPerGiB = async (pid: number, into: number[], run: () => Promise<number>) => {
          const before = processCpuSeconds(pid);
          const rate = await run();
          into.push((processCpuSeconds(pid) - before) / ((c.size * c.count) / 1024 ** 3));
          return rate;
        };
        const steps = [
          async () =>
            ours.push(await cpuPerGiB(app.pid, ourCpu, () => downloads(ourUrl, auth, c.size, c.count, ourRss.sample))),
          async () => refUrl && refs.push(await downloads(refUrl, {}, c.size, c.count)),
          ...(oldUrl
            ? [
                async () =>
                  olds.push(
                    await cpuPerGiB(downloadBase!.pid, oldCpu, () =>
                      downloads(oldUrl, auth, c.size, c.count, oldRss!.sample),
                    ),
                  ),
              ]
            : []),
        ];
        for (const step of round % 2 ? steps.reverse() : steps) await step();
        loads.push(loadAverage());
        console.log(
          `  round ${round + 1}: ours ${ours.at(-1)!.toFixed(0)} MiB/s${refUrl ? `, nginx ${refs.at(-1)!.toFixed(0)} MiB/s` : ""}${oldUrl ? `, base ${olds.at(-1)!.toFixed(0)} MiB/s` : ""}; load ${loads.at(-1)}`,
        );
      }
      line(c.label, ours, refUrl ? refs : null, "nginx", loads);
      const growth = (p: { start: number; max: number }) => ((p.max - p.start) / MiB).toFixed(0);
      const cpu = (xs: number[]) =>
        `${median(xs).toFixed(2)} s (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)} s)`;
      console.log(
        `  app server RSS growth while downloading: peak ${growth(ourRss.peak)} MiB; CPU per GiB sent: ${cpu(ourCpu)}`,
      );
      if (oldUrl) {
        const ratio = refUrl ? `, ratio to nginx ${(median(olds) / median(refs)).toFixed(2)}` : "";
        console.log(
          `  base build (${downloadBaseDir}), same rounds: median ${median(olds).toFixed(0)} MiB/s (${range(olds)})${ratio}; RSS growth peak ${growth(oldRss!.peak)} MiB; CPU per GiB ${cpu(oldCpu)}; ours / base ${(median(ours) / median(olds)).toFixed(2)}`,
        );
      }
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    agent.destroy();
    await world.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runHttpFilesBench();
}
