// The app's HTTP server (scripts/server.mjs) answers the token API's row reads and the JSON reads of the grid and the
// file browser by calling their route handlers itself, without Next's request pipeline (its router, the route module's
// request and work stores, its response writer): on this 2-core machine that pipeline cost about as much CPU per
// request as everything the read does (token, rate limit, access check, a cached page of rows). The handler is the one
// Next runs: the same function of the same compiled module instance, loaded from the build with Node's require, which
// is how Next loads it, so every module's state (the database client, rate-limit windows, DuckDB's pooled connections
// and their caches) is one and the same whichever way a request comes in. What Next adds to every answer is added here
// too: next.config.js's headers (lib/http/static-headers.mjs) and Next's own response compression (its `compress`, on
// by default), with its release of the zlib stream when a client goes away. Next's `Vary: rsc, next-router-…` is not:
// those headers select a page's RSC payload, and these routes have none.
// Kept apart from the server so tests can load a build's routes as the server does.
import { createRequire } from "node:module";
import path from "node:path";
import { STATIC_HEADERS } from "../lib/http/static-headers.mjs";

const require = createRequire(import.meta.url);

/**
 * The routes answered directly: GETs whose handlers read nothing but the request, nothing of Next's request scope
 * such as `cookies()`, `headers()` or `after()`: the token API's row reads (`apiRoute` in lib/api/route.ts) and the
 * browser's JSON reads: the grid's rows and column statistics, a folder's listing and a file's table preview
 * (`withRequestActor`: the session from the request's own Cookie header, see lib/auth/request-session.ts, or an
 * access link's `?link=`). A path matches without a trailing slash or an empty segment; anything else goes to Next
 * as before.
 */
export const DIRECT_ROUTES = [
  {
    pattern: /^\/api\/v1\/data\/([^/]+)\/([^/]+)\/([^/]+)$/,
    params: ["owner", "namespace", "datasetName"],
    module: "app/api/v1/data/[owner]/[namespace]/[datasetName]/route.js",
  },
  {
    pattern: /^\/api\/v1\/data\/([^/]+)\/([^/]+)$/,
    params: ["owner", "namespace"],
    module: "app/api/v1/data/[owner]/[namespace]/route.js",
  },
  {
    pattern: /^\/api\/datasets\/([^/]+)\/rows$/,
    params: ["id"],
    module: "app/api/datasets/[id]/rows/route.js",
  },
  {
    pattern: /^\/api\/datasets\/([^/]+)\/stats$/,
    params: ["id"],
    module: "app/api/datasets/[id]/stats/route.js",
  },
  {
    pattern: /^\/api\/folders\/([^/]+)\/children$/,
    params: ["id"],
    module: "app/api/folders/[id]/children/route.js",
  },
  {
    pattern: /^\/api\/files\/([^/]+)\/table$/,
    params: ["id"],
    module: "app/api/files/[id]/table/route.js",
  },
];

// As lib/util/result.ts's toFailure answers an unexpected error.
const INTERNAL_ERROR = {
  error: "Something went wrong on our side. Nothing was changed; please try again.",
  code: "internal",
};

/** @typedef {(request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>} RouteGet */

/**
 * @typedef {{
 *   routes: Array<{ pattern: RegExp, params: string[], get: RouteGet }>,
 *   compress: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, next: () => void) => void,
 *   releaseCompression: (res: import("node:http").ServerResponse) => void,
 * }} DirectRoutes
 */

/**
 * The GET handlers of DIRECT_ROUTES from the build in `distDir`, with Next's compression, or null (with the reason
 * logged) when the build or Next does not have them in the shape Next 16 has them: then every request goes to Next,
 * as before.
 * @param {string} distDir
 * @returns {Promise<DirectRoutes | null>}
 */
export async function loadDirectRoutes(distDir) {
  try {
    const routes = [];
    for (const route of DIRECT_ROUTES) {
      const { routeModule } = require(path.join(distDir, "server", route.module));
      await routeModule.ensureUserland();
      const get = routeModule.userland?.GET;
      if (typeof get !== "function") throw new Error(`${route.module} has no GET handler`);
      routes.push({ pattern: route.pattern, params: route.params, get });
    }
    return { routes, ...nextCompression() };
  } catch (error) {
    console.warn(`Row reads go through Next's pipeline: the build's route handlers could not be loaded (${error})`);
    return null;
  }
}

/**
 * Next's response compression, as its router server applies it to every request (next.config.js leaves `compress`
 * on): the middleware, and what releases its zlib stream when a client goes away mid-answer.
 */
export function nextCompression() {
  return {
    compress: require("next/dist/compiled/compression")(),
    releaseCompression: require("next/dist/server/lib/release-compression-stream").releaseCompressionStream,
  };
}

/**
 * The request handler for `routes`: answers a GET of one of them and returns true, or returns false and leaves
 * `req` and `res` untouched for Next.
 * Rule: a request answered here gets what Next would have sent: the handler's status, headers and body, the
 * headers next.config.js sets on every path, and compression when the client accepts it and the handler did not
 * forbid it (`no-transform`). A path segment that does not decode goes to Next (which refuses it).
 * @param {DirectRoutes} direct
 */
export function directRouteHandler({ routes, compress, releaseCompression }) {
  return (req, res) => {
    if (req.method !== "GET") return false;
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const pathname = query === -1 ? url : url.slice(0, query);
    for (const route of routes) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const params = decodeParams(route.params, match);
      if (!params) return false;
      compress(req, res, () => {});
      res.once("close", () => {
        if (!res.writableFinished) releaseCompression(res);
      });
      void answer(route.get, params, req, res);
      return true;
    }
    return false;
  };
}

/** @returns {Record<string, string> | null} */
function decodeParams(names, match) {
  const params = {};
  try {
    names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
  } catch {
    return null;
  }
  return params;
}

/**
 * Runs the handler and sends its answer. Never rejects: whatever fails (the handler, an answer that is not a Response,
 * a header Node refuses) is logged and answered with the API's 500, or ends the connection when the head is already
 * out, so one request can never take the server down with an unhandled rejection.
 */
async function answer(get, params, req, res) {
  try {
    const abort = new AbortController();
    // As Next does: the request's signal aborts when the client goes away before the answer is complete.
    res.once("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    let response;
    try {
      response = await get(toRequest(req, abort.signal), { params: Promise.resolve(params) });
      if (!(response instanceof Response)) throw new TypeError("The route handler did not answer with a Response.");
    } catch (error) {
      // The route's own wrapper turns every error into an answer, so this is a defect; it still leaves in the API's
      // one error shape, without the exception's text.
      console.error("Request failed", error);
      response = internalError();
    }
    if (res.destroyed) {
      await response.body?.cancel().catch(() => {});
      return;
    }
    setHead(res, response);
    await sendBody(response.body, res);
  } catch (error) {
    console.error("Request failed", error);
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    setHead(res, internalError());
    res.end(JSON.stringify(INTERNAL_ERROR));
  }
}

/** The answer's status and headers on `res`, after the headers every response carries. */
function setHead(res, response) {
  res.statusCode = response.status;
  for (const { key, value } of STATIC_HEADERS) res.setHeader(key, value);
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
}

const internalError = () =>
  Response.json(INTERNAL_ERROR, { status: 500, headers: { "Cache-Control": "private, no-store" } });

/** A web Request for the handler, with the headers as Node parsed them and the server's own client address. */
function toRequest(req, signal) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(`http://${hostOf(req)}${req.url}`, { method: "GET", headers, signal });
}

function hostOf(req) {
  const host = req.headers.host;
  return host && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : "localhost";
}

/**
 * Writes a web body to `res`, waiting for the socket to drain; a body ready at once leaves in one write. A client
 * that goes away cancels the body (the handler's stream stops reading).
 */
async function sendBody(body, res) {
  if (!body) {
    res.end();
    return;
  }
  const reader = body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  res.once("close", cancel);
  try {
    const first = await reader.read();
    const second = first.done ? first : await reader.read();
    if (res.destroyed) return;
    if (second.done) {
      // The whole body at once (a JSON answer): one write, with its Content-Length (which the compression replaces
      // when it compresses).
      if (first.value && !res.hasHeader("content-length")) res.setHeader("content-length", first.value.byteLength);
      res.end(first.value);
      return;
    }
    res.write(first.value);
    for (let next = second; !next.done; next = await reader.read()) {
      if (res.destroyed) return;
      if (!res.write(next.value)) await drained(res);
    }
    res.end();
  } catch (error) {
    console.error("Response body failed", error);
    res.destroy();
  } finally {
    res.off("close", cancel);
  }
}

function drained(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
