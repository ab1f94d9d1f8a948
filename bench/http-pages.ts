// Server-rendered pages through the production server against a static asset: the catalog page and
// a dataset page (the signed-in owner's session cookie) and the access-link page of a dataset (a
// public link, no account), each beside a `/_next/static` asset served by the same server, at 10
// and 50 connections, alternating for BENCH_PAGES_ROUNDS rounds (default 3) of BENCH_PAGES_DURATION_S
// seconds (default 5): medians, ranges, ratios to the static asset, p99, HTML size and the inline RSC payload's, load
// average; then the two requests a dataset page's grid and statistics panel make from the browser when
// the page does not bring their data (10 connections), so an older build's cost per view can be added up.
// The workspace holds BENCH_PAGES_DATASETS datasets (default 30; the catalog lists them) besides
// the BENCH_PAGES_ROWS-row dataset the pages show (default 100,000). The server runs on
// BENCH_PORT_BASE + 4 (default 3214). BENCH_PAGES_COMPARE_ENV="NAME=value,..." runs a second server with those
// settings beside it in the same rounds (an A/B of a setting, e.g. PAGE_RENDER_CONCURRENCY=0); BENCH_PAGES_PROFILE
// runs one page alone (see below). Run alone: `BENCH_ONLY=http-pages npm run bench`.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { prepareIngest } from "@/lib/catalog/ingest/prepare-ingest";
import { createAccessLink } from "@/lib/links/manage-links";
import {
  type Server,
  type Target,
  alternate,
  cannon,
  createBenchWorld,
  hasBuild,
  loadAverage,
  startApp,
  staticAssetPath,
} from "./http-harness";
import { envNumber, envPairs } from "./env";

const ROWS = envNumber("BENCH_PAGES_ROWS", 100_000);
const DATASETS = envNumber("BENCH_PAGES_DATASETS", 30);
const SECONDS = envNumber(["BENCH_PAGES_DURATION_S", "BENCH_HTTP_DURATION_S"], 5);
const ROUNDS = envNumber(["BENCH_PAGES_ROUNDS", "BENCH_HTTP_ROUNDS"], 3);

export async function runHttpPagesBench(): Promise<void> {
  if (!hasBuild("http-pages")) return;
  const world = await createBenchWorld(ROWS);
  let app: Server | undefined;
  let compare: Server | undefined;
  try {
    // More datasets for the catalog to list: small CSVs through the same ingest service.
    for (let i = 1; i < DATASETS; i++) {
      const source = path.join(world.dir, `extra-${i}.csv`);
      fs.writeFileSync(
        source,
        `city,reading,measured_on\nOslo,${i},2026-01-0${(i % 9) + 1}\nBergen,${i * 2},2026-02-01\n`,
      );
      const ingest = await prepareIngest(world.owner, {
        workspaceId: world.workspace.id,
        mode: "create",
        sourcePath: source,
        sourceName: `extra-${i}.csv`,
        format: "csv",
      });
      await commitIngest(world.owner, ingest.id, { name: `Station log ${i}`, slug: `station-log-${i}` });
    }
    const link = await createAccessLink(world.owner, { resourceType: "dataset", resourceId: world.datasetId });
    const cookie = { Cookie: world.sessionCookie };
    const catalog = "/w/bench/bench/catalog";
    app = await startApp(world, 4, { path: catalog, headers: cookie });
    const pages: Target[] = [
      { label: "catalog page", url: `${app.url}${catalog}`, headers: cookie, serverPid: app.pid },
      { label: "dataset page", url: `${app.url}${catalog}/readings`, headers: cookie, serverPid: app.pid },
      { label: "access-link page", url: `${app.url}${new URL(link.url).pathname}`, serverPid: app.pid },
    ];
    const asset: Target = { label: "static asset", url: `${app.url}${staticAssetPath()}`, serverPid: app.pid };
    // BENCH_PAGES_COMPARE_ENV="NAME=value,...": a second server of the same build with those settings (e.g.
    // PAGE_RENDER_CONCURRENCY=0) on BENCH_PORT_BASE + 5, its pages run in the same rounds, labelled "[compare]".
    const compareEnv = envPairs("BENCH_PAGES_COMPARE_ENV");
    if (Object.keys(compareEnv).length)
      compare = await startApp(world, 5, { path: catalog, headers: cookie }, compareEnv);
    const comparePage = (page: Target): Target[] =>
      compare
        ? [
            {
              ...page,
              label: `${page.label} [compare]`,
              url: page.url.replace(app!.url, compare.url),
              serverPid: compare.pid,
            },
          ]
        : [];
    // What a dataset page's grid and statistics panel ask for from the browser when the page did not
    // bring them (before 2026-12-01: on every view); a view costs the page plus these two then.
    const firstRows = new URLSearchParams({ query: JSON.stringify({ limit: 50, offset: 0 }) });
    const browserReads: Target[] = [
      {
        label: "grid's first rows request",
        url: `${app.url}/api/datasets/${world.datasetId}/rows?${firstRows}`,
        headers: cookie,
        serverPid: app.pid,
      },
      {
        label: "column statistics request",
        url: `${app.url}/api/datasets/${world.datasetId}/stats`,
        headers: cookie,
        serverPid: app.pid,
      },
    ];
    console.log(
      `http-pages: ${DATASETS} datasets, the shown one ${ROWS.toLocaleString("en-US")} rows; ${ROUNDS} rounds of ${SECONDS} s per figure; load before ${loadAverage()}`,
    );
    for (const page of pages) {
      const answer = await fetch(page.url, { headers: page.headers, redirect: "manual" });
      const html = await answer.text();
      if (answer.status !== 200) throw new Error(`${page.label}: ${page.url} answered ${answer.status}`);
      // BENCH_PAGES_HTML_DIR: keep each page's HTML there, to see what makes it large.
      const keep = process.env.BENCH_PAGES_HTML_DIR;
      if (keep) fs.writeFileSync(path.join(keep, `${page.label.replaceAll(" ", "-")}.html`), html);
      // The RSC payload: the HTML carries it inline (self.__next_f.push scripts) to hydrate from.
      const rsc = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs)];
      const rscBytes = rsc.reduce((sum, m) => sum + Buffer.byteLength(m[1]!), 0);
      console.log(
        `  ${page.label}: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB of HTML, of which ${(rscBytes / 1024).toFixed(0)} KiB the inline RSC payload`,
      );
      for (const warm of [page, ...comparePage(page)]) await cannon(warm.url, 10, 2, warm.headers); // warm-up
    }
    // BENCH_PAGES_PROFILE=<label>: that page alone at 10 connections, nothing else, for a CPU profile of the
    // page's own work (with BENCH_HTTP_NODE_ARGS="--cpu-prof ..."): the static asset's thousands of requests
    // would otherwise fill most of the profile.
    const profiled = process.env.BENCH_PAGES_PROFILE;
    if (profiled) {
      const page = pages.find((p) => p.label.startsWith(profiled));
      if (!page) throw new Error(`BENCH_PAGES_PROFILE: no page labelled ${profiled}`);
      const result = await cannon(page.url, 10, SECONDS * ROUNDS, page.headers, page.serverPid);
      console.log(`${page.label} alone, 10 conn: ${JSON.stringify(result)}`);
      return;
    }
    await cannon(asset.url, 10, 2);
    for (const page of pages) {
      for (const connections of [10, 50]) {
        await alternate([asset, page, ...comparePage(page)], { connections, rounds: ROUNDS, seconds: SECONDS });
      }
    }
    await alternate([asset, ...browserReads], { connections: 10, rounds: ROUNDS, seconds: SECONDS });
  } finally {
    await app?.stop();
    await compare?.stop();
    await world.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runHttpPagesBench();
}
