import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { DIRECT_ROUTES, directRouteHandler, nextCompression } from "./direct-routes.mjs";

type Get = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Seen = { request: Request; params: Record<string, string> };

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

/**
 * A server as scripts/server.mjs runs it: the direct routes first (every DIRECT_ROUTES pattern answered by `get`),
 * anything they leave answered "next" as Next would.
 */
async function serve(get: Get) {
  const seen: Seen[] = [];
  const routes = DIRECT_ROUTES.map((route) => ({
    pattern: route.pattern,
    params: route.params,
    get: async (request: Request, context: { params: Promise<Record<string, string>> }) => {
      seen.push({ request, params: await context.params });
      return get(request, context);
    },
  }));
  const direct = directRouteHandler({ routes, ...nextCompression() });
  server = http.createServer((req, res) => {
    if (direct(req, res)) return;
    res.writeHead(299, { "Content-Type": "text/plain" });
    res.end("next");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const json = (data: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json", ...headers } });

/** A GET as raw HTTP/1.1, so nothing (fetch's own decompression, its path normalisation) stands between. */
function rawGet(base: string, path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("token API reads answered without Next's pipeline (scripts/direct-routes.mjs)", () => {
  it("answers a row read with the handler's status, headers and body, and the headers of every response", async () => {
    const { base, seen } = await serve(async () => json({ rows: [1] }, { "Cache-Control": "private, no-store" }));
    const res = await rawGet(base, "/api/v1/data/ann/sales%20team/orders?limit=50&filter=a", {
      Authorization: "Bearer t0k",
      "X-Datashelf-Client-Address": "10.0.0.9",
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({ rows: [1] });
    expect(res.headers["content-type"]).toBe("application/json");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["content-length"]).toBe(String(res.body.length));
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["permissions-policy"]).toContain("camera=()");
    expect(seen).toHaveLength(1);
    expect(seen[0]!.params).toEqual({ owner: "ann", namespace: "sales team", datasetName: "orders" });
    const request = seen[0]!.request;
    expect(request.method).toBe("GET");
    expect(new URL(request.url).search).toBe("?limit=50&filter=a");
    expect(request.headers.get("authorization")).toBe("Bearer t0k");
    expect(request.headers.get("x-datashelf-client-address")).toBe("10.0.0.9");
  });

  it("answers a namespace listing, and an error answer as the handler made it", async () => {
    const { base, seen } = await serve(async () => json({ error: "No such namespace.", code: "not_found" }));
    const res = await rawGet(base, "/api/v1/data/ann/sales");
    expect(res.status).toBe(200);
    expect(seen[0]!.params).toEqual({ owner: "ann", namespace: "sales" });
  });

  it("leaves every other request to Next: other methods, paths, a trailing slash, a segment that does not decode", async () => {
    const { base, seen } = await serve(async () => json({}));
    for (const [path, method] of [
      ["/api/v1/data/ann/sales/orders", "HEAD"],
      ["/api/v1/data/ann/sales/orders", "POST"],
      ["/api/v1/data/ann/sales/orders", "DELETE"],
      ["/api/v1/data/ann/sales/orders/", "GET"],
      ["/api/v1/data/ann/sales/orders/extra", "GET"],
      ["/api/v1/data//sales/orders", "GET"],
      ["/api/v1/data/ann", "GET"],
      ["/api/v1/data/ann/sales/orders%ZZ", "GET"],
      ["/api/v1/workspaces", "GET"],
      ["/datasets/ann/sales/orders", "GET"],
    ] as const) {
      const res = await rawGet(base, path, {}, method);
      expect(res.status, `${method} ${path}`).toBe(299);
    }
    expect(seen).toHaveLength(0);
  });

  it("compresses a large answer for a client that accepts it, as Next does, and never one marked no-transform", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `row ${i}` }));
    const { base } = await serve(async (request) =>
      json({ rows }, new URL(request.url).searchParams.has("small") ? { "Cache-Control": "no-transform" } : {}),
    );
    const gzipped = await rawGet(base, "/api/v1/data/ann/sales/orders", { "Accept-Encoding": "gzip" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers.vary).toBe("Accept-Encoding");
    expect(JSON.parse(gunzipSync(gzipped.body).toString())).toEqual({ rows });
    const plain = await rawGet(base, "/api/v1/data/ann/sales/orders");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toEqual({ rows });
    const untouched = await rawGet(base, "/api/v1/data/ann/sales/orders?small", { "Accept-Encoding": "gzip" });
    expect(untouched.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(untouched.body.toString())).toEqual({ rows });
  });

  it("streams a body of many chunks in order", async () => {
    const { base } = await serve(async () => {
      let i = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (i === 500) controller.close();
          else controller.enqueue(new TextEncoder().encode(`${i++},${"x".repeat(1000)}\n`));
        },
      });
      return new Response(body, { headers: { "Content-Type": "text/csv" } });
    });
    const res = await rawGet(base, "/api/v1/data/ann/sales/orders?format=csv");
    const lines = res.body.toString().trim().split("\n");
    expect(lines).toHaveLength(500);
    expect(lines.map((l) => Number(l.split(",")[0]))).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it("cancels the body and aborts the request's signal when the client goes away mid-answer", async () => {
    let cancelled: () => void = () => {};
    const cancel = new Promise<void>((resolve) => (cancelled = resolve));
    let aborted: () => void = () => {};
    const abort = new Promise<void>((resolve) => (aborted = resolve));
    const { base } = await serve(async (request) => {
      request.signal.addEventListener("abort", () => aborted());
      const body = new ReadableStream<Uint8Array>({
        pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024)),
        cancel: () => cancelled(),
      });
      return new Response(body, { headers: { "Content-Type": "application/octet-stream" } });
    });
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${base}/api/v1/data/ann/sales/orders?format=parquet`, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", () => {});
      setTimeout(() => reject(new Error("no body")), 5000);
    });
    await Promise.all([cancel, abort]);
  });

  it("answers in the API's one error shape, without the exception's text, when a handler throws", async () => {
    const { base } = await serve(async () => {
      throw new Error("secret detail");
    });
    const res = await rawGet(base, "/api/v1/data/ann/sales/orders");
    expect(res.status).toBe(500);
    const body = JSON.parse(res.body.toString());
    expect(body.code).toBe("internal");
    expect(res.body.toString()).not.toContain("secret");
    expect(res.headers["cache-control"]).toBe("private, no-store");
  });

  it("answers 500 when a handler answers with something that is not a Response, and goes on serving", async () => {
    let calls = 0;
    const { base } = await serve(async () => (calls++ === 0 ? (undefined as unknown as Response) : json({ ok: true })));
    const broken = await rawGet(base, "/api/v1/data/ann/sales/orders");
    expect(broken.status).toBe(500);
    expect(JSON.parse(broken.body.toString()).code).toBe("internal");
    const next = await rawGet(base, "/api/v1/data/ann/sales/orders");
    expect(JSON.parse(next.body.toString())).toEqual({ ok: true });
  });
});
