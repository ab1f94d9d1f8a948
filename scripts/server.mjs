// The app's HTTP server (`npm start`; `npm run dev` runs it with --dev). It exists because `next start` gives the app no
// access to the socket: here every request gets the socket's peer address in a header the client
// cannot set (see lib/http/client-address.ts), and the listening interface is chosen safely.
//
// Settings: DATASHELF_HOST / HOSTNAME (see scripts/listen-host.mjs; default 127.0.0.1), PORT
// (default 3000), SHUTDOWN_TIMEOUT_MS (default 10000: how long SIGTERM waits for open requests),
// PAGE_RENDER_CONCURRENCY (default 2: page renders at once) and PAGE_RENDER_HOLD_MS (default 250: the longest
// one render holds its turn); see scripts/render-gate.mjs. PAGE_CACHE_MB (default 64: rendered pages kept, 0 turns
// the page cache off) and PAGE_CACHE_MAX_AGE_S (default 60: the longest a kept page is served); see page-cache.mjs.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { distDirOf, holdBuild } from "./build-lock.mjs";
import { coalesceResponseWrites } from "./coalesce-writes.mjs";
import { directRouteHandler, loadDirectRoutes, nextCompression } from "./direct-routes.mjs";
import { isLoopbackHost, listenHost } from "./listen-host.mjs";
import { pageCache } from "./page-cache.mjs";
import { renderGate } from "./render-gate.mjs";
import { handOverNodeBody } from "./node-body-handover.mjs";
import { handOverNodeFile } from "./node-file-handover.mjs";
import { DOT_SEGMENT_BODY, isDotSegmentApiPath, isMalformedPath, MALFORMED_PATH_BODY } from "./malformed-path.mjs";

// Must equal CLIENT_ADDRESS_HEADER in lib/http/client-address.ts and FORWARDED_MARK_HEADER in
// lib/http/local-request.ts.
const CLIENT_ADDRESS_HEADER = "x-datashelf-client-address";
const FORWARDED_MARK_HEADER = "x-datashelf-forwarded";
const FORWARDING_HEADERS = ["x-forwarded-for", "forwarded", "x-real-ip"];

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const host = listenHost();
const port = Number(process.env.PORT || 3000);
const shutdownMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);

// The app reads this to warn on /signin when the local mailbox is reachable from the network.
process.env.DATASHELF_LISTEN_HOST = host;
const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";

const exposed = !isLoopbackHost(host);
if (exposed && !process.env.RESEND_API_KEY) {
  const line = "!".repeat(78);
  console.warn(
    [
      line,
      `!! WARNING: listening on ${host}, beyond localhost, with e-mail going to the LOCAL MAILBOX.`,
      "!! Sign-in links land in /mailbox. It answers only requests from this machine, but anyone",
      "!! who can reach it through a proxy on this machine (without TRUST_PROXY) could sign in as",
      "!! any user. Set RESEND_API_KEY to send real e-mail, or unset DATASHELF_HOST/HOSTNAME.",
      line,
    ].join("\n"),
  );
}

// The build this server runs from cannot be replaced while it runs (scripts/build-lock.mjs).
if (!dev) await holdBuild({ root: dir });
const app = next({ dev, dir, hostname: host, port });
await app.prepare();
const handle = app.getRequestHandler();
// The token API's row reads and the grid's and file browser's JSON reads are answered without Next's request
// pipeline (see direct-routes.mjs); DIRECT_ROUTES=0 turns it off.
const directRoutes = !dev && process.env.DIRECT_ROUTES !== "0" ? await loadDirectRoutes(distDirOf(dir)) : null;
const serveDirect = directRoutes ? directRouteHandler(directRoutes) : () => false;
// Page renders take turns, a few at a time in order of arrival (see render-gate.mjs); 0 turns it off. Empty means
// the default, as lib/config/number-settings.ts (which checks both before `npm start` serves) reads it.
const admitPage = renderGate({
  limit: Number(process.env.PAGE_RENDER_CONCURRENCY?.trim() || (dev ? 0 : 2)),
  holdMs: Number(process.env.PAGE_RENDER_HOLD_MS || 250),
});

// Rendered pages that allow it are kept and served again while the database says nothing they show has changed
// (see page-cache.mjs); PAGE_CACHE_MB=0 turns it off.
const servePage =
  (!dev &&
    pageCache({
      maxBytes: Number(process.env.PAGE_CACHE_MB?.trim() || 64) * 1024 * 1024,
      maxAgeMs: Number(process.env.PAGE_CACHE_MAX_AGE_S?.trim() || 60) * 1000,
      ...nextCompression(),
    })) ||
  ((_req, _res, render) => render((run) => run()));

const server = http.createServer((req, res) => {
  if (isMalformedPath(req.url ?? "/")) {
    res.writeHead(400, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(MALFORMED_PATH_BODY);
    return;
  }
  if (isDotSegmentApiPath(req.url ?? "/")) {
    res.writeHead(404, { "Content-Type": "application/json", "Cache-Control": "private, no-store" });
    res.end(req.method === "HEAD" ? undefined : DOT_SEGMENT_BODY);
    return;
  }
  // Whatever the client sent under this name is dropped: only the socket says who is calling.
  delete req.headers[CLIENT_ADDRESS_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
  // Whether someone relayed this request (Next adds X-Forwarded-For itself later, so the app cannot tell).
  delete req.headers[FORWARDED_MARK_HEADER];
  if (FORWARDING_HEADERS.some((name) => name in req.headers)) req.headers[FORWARDED_MARK_HEADER] = "1";
  // A tus PATCH's body may be read by the upload code straight from this stream (Next gives route handlers
  // only a web stream that copies every chunk): it finds the stream under a random key in a header.
  handOverNodeBody(req, res);
  // Symmetrically, a file download's route may hand the open file back (after all its checks and headers), so
  // the bytes go from disk to the socket through Node streams instead of Next's web-stream writer.
  handOverNodeFile(req, res);
  // A small answer leaves in one write to the socket, not one per part (see coalesce-writes.mjs).
  coalesceResponseWrites(res);
  if (serveDirect(req, res)) return;
  servePage(req, res, (enter) =>
    admitPage(req, res, () =>
      enter(() =>
        handle(req, res).catch((error) => {
          console.error("Request failed", error);
          if (!res.headersSent) {
            res.statusCode = 500;
            res.end("Internal Server Error");
          } else {
            res.destroy();
          }
        }),
      ),
    ),
  );
});

// Idle keep-alive connections outlive the clients' and proxies' own idle times: Node's 5 s default closes a
// socket a client is about to reuse, and that request fails with ECONNRESET (seen in CI after a 30 s pause).
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS || 65_000);
server.headersTimeout = server.keepAliveTimeout + 1_000;

server.listen(port, host, () => {
  const shown = host.includes(":") ? `[${host}]` : host;
  console.log(`Datashelf listening on http://${shown}:${port}`);
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing open requests, then stopping`);
  // Give open requests SHUTDOWN_TIMEOUT_MS to finish; keep-alive connections that are idle go now.
  const force = setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, shutdownMs);
  force.unref();
  server.closeIdleConnections();
  server.close(async () => {
    await app.close().catch(() => {});
    process.exit(0);
  });
}
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void stop(signal));
