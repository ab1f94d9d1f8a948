import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allowPageCache, noteValidUntil } from "@/lib/page-cache/render-context";
import { nextCompression } from "./direct-routes.mjs";
import { PAGE_CACHE_HEADER, isKeepablePageRequest, pageCache } from "./page-cache.mjs";

const SOURCE = Symbol.for("datashelf.pageCache.source");
const registry = globalThis as unknown as Record<symbol, unknown>;

let server: http.Server | undefined;
let version = 1;
let clock = 1_000_000;
let validityEnd = Infinity;
let transactions = 0;

beforeEach(() => {
  version = 1;
  clock = 1_000_000;
  validityEnd = Infinity;
  transactions = 0;
  registry[SOURCE] = {
    readDataVersion: async () => String(version),
    nextValidityEnd: async () => validityEnd,
    transactionMark: () => transactions,
  };
});
afterEach(async () => {
  delete registry[SOURCE];
  if (!server) return;
  server.closeAllConnections();
  await new Promise((r) => server!.close(r));
  server = undefined;
});

type Page = {
  status?: number;
  cacheable?: boolean;
  cookie?: string;
  until?: number;
  /** runs during the render, after its first chunk (a write the render itself makes) */
  during?: () => void;
  wait?: Promise<void>;
};

/**
 * A server with the page cache in front of a "renderer" that writes an HTML page carrying the nonce of its CSP
 * header, as Next does with proxy.ts's nonce: `renders` counts the renders, `page` says how the next one answers.
 */
async function cachedServer(maxBytes = 1024 * 1024) {
  const state = { renders: 0, page: {} as Page };
  const serve = pageCache({ maxBytes, maxAgeMs: 60_000, ...nextCompression(), now: () => clock })!;
  server = http.createServer((req, res) => {
    serve(req, res, (enter) =>
      enter(async () => {
        state.renders++;
        const page = state.page;
        if (page.cacheable !== false) allowPageCache();
        if (page.until !== undefined) noteValidUntil(page.until);
        await page.wait;
        const nonce = Buffer.from(`nonce-${state.renders}-${Math.random()}`).toString("base64");
        res.statusCode = page.status ?? 200;
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
        res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
        if (page.cookie) res.setHeader("Set-Cookie", page.cookie);
        res.write(`<!DOCTYPE html><html><head><script nonce="${nonce}">1</script></head>`);
        page.during?.();
        await new Promise((r) => setTimeout(r, 1));
        res.end(
          `<body>${req.url} for ${req.headers.cookie ?? "nobody"} ${"x".repeat(2000)}<script nonce="${nonce}">2</script></body></html>`,
        );
      }),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { headers: { "user-agent": "test", ...headers } });
    const body = await response.text();
    return { status: response.status, headers: response.headers, body, cache: response.headers.get(PAGE_CACHE_HEADER) };
  };
  return { state, get, base };
}

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("the page cache (scripts/page-cache.mjs)", () => {
  it("serves a page again without rendering it, with a fresh nonce in the policy and every script", async () => {
    const { state, get } = await cachedServer();
    const first = await get("/w/a/b/catalog", { cookie: "s=1" });
    const second = await get("/w/a/b/catalog", { cookie: "s=1" });
    const third = await get("/w/a/b/catalog", { cookie: "s=1" });
    expect(state.renders).toBe(1);
    expect([first.cache, second.cache, third.cache]).toEqual(["miss", "hit", "hit"]);
    const nonces = [first, second, third].map((r) => nonceOf(r.headers.get("content-security-policy")));
    expect(new Set(nonces).size).toBe(3);
    for (const [i, r] of [first, second, third].entries()) {
      expect(r.body.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonces[i]}"`, `nonce="${nonces[i]}"`]);
      expect(r.body.replaceAll(nonces[i]!, "N")).toBe(first.body.replaceAll(nonces[0]!, "N"));
      expect(r.headers.get("cache-control")).toContain("no-store");
    }
  });

  it("renders again once the data version moved, and for anyone else", async () => {
    const { state, get } = await cachedServer();
    await get("/p", { cookie: "s=1" });
    expect((await get("/p", { cookie: "s=1" })).cache).toBe("hit");
    version++;
    expect((await get("/p", { cookie: "s=1" })).cache).toBe("miss");
    expect((await get("/p", { cookie: "s=1" })).cache).toBe("hit");
    const other = await get("/p", { cookie: "s=2" });
    expect(other.cache).toBe("miss");
    expect(other.body).toContain("for s=2");
    expect((await get("/p", { cookie: "s=1", "x-forwarded-for": "10.0.0.1" })).cache).toBe("miss");
    expect((await get("/p?x=1", { cookie: "s=1" })).cache).toBe("miss");
    expect(state.renders).toBe(5);
  });

  it("keeps nothing a write moved during its render", async () => {
    const { state, get } = await cachedServer();
    state.page = { during: () => version++ };
    await get("/p");
    state.page = {};
    expect((await get("/p")).cache).toBe("miss");
    expect((await get("/p")).cache).toBe("hit");
  });

  it("keeps nothing rendered while a transaction began (its rows could be read uncommitted), and drops everything when the version goes back", async () => {
    const { state, get } = await cachedServer();
    state.page = { during: () => transactions++ };
    await get("/p");
    state.page = {};
    expect((await get("/p")).cache).toBe("miss");
    expect((await get("/p")).cache).toBe("hit");

    version = 5;
    await get("/q");
    expect((await get("/q")).cache).toBe("hit");
    version = 2; // a database restored under the running server
    expect((await get("/q")).cache).toBe("miss");
    version = 5; // ... and written to until its version is the one the page was kept under
    expect((await get("/q")).cache).toBe("miss");
  });

  it("serves nothing past the render's deadline, the database's next expiry or the longest age", async () => {
    const { state, get } = await cachedServer();
    state.page = { until: clock + 5_000 };
    await get("/noted");
    clock += 4_999;
    expect((await get("/noted")).cache).toBe("hit");
    clock += 1;
    expect((await get("/noted")).cache).toBe("miss");

    state.page = {};
    validityEnd = clock + 10_000; // a grant or link written with that expiry: a write, so the version moves
    version++;
    await get("/expiry");
    clock += 9_999;
    expect((await get("/expiry")).cache).toBe("hit");
    clock += 1;
    expect((await get("/expiry")).cache).toBe("miss");

    validityEnd = Infinity;
    version++;
    await get("/age");
    clock += 59_999;
    expect((await get("/age")).cache).toBe("hit");
    clock += 1;
    expect((await get("/age")).cache).toBe("miss");
  });

  it("never keeps a page that did not allow it, an error, a redirect or an answer that sets a cookie", async () => {
    const { state, get } = await cachedServer();
    for (const page of [{ cacheable: false }, { status: 404 }, { status: 307 }, { cookie: "unlock=1" }]) {
      state.page = page;
      const path = `/p${JSON.stringify(page).length}`;
      await get(path);
      expect((await get(path)).cache).toBe("miss");
    }
    expect(state.renders).toBe(8);
  });

  it("answers router, prefetch and server-action requests and HEADs by rendering, never from a kept page", async () => {
    const { state, get, base } = await cachedServer();
    await get("/p");
    expect((await get("/p")).cache).toBe("hit");
    for (const headers of <Record<string, string>[]>[
      { rsc: "1" },
      { "next-router-prefetch": "1" },
      { "next-action": "abc" },
      { purpose: "prefetch" },
    ]) {
      expect((await get("/p", headers)).cache).toBeNull();
    }
    expect((await fetch(`${base}/p`, { method: "HEAD" })).headers.get(PAGE_CACHE_HEADER)).toBeNull();
    expect(state.renders).toBe(6);
  });

  it("compresses for a client that accepts it, rendered or kept, and keeps the page uncompressed", async () => {
    const { get, base } = await cachedServer();
    const raw = async () => {
      const response = await new Promise<http.IncomingMessage>((resolve) =>
        http.get(
          `${base}/z`,
          { headers: { "accept-encoding": "gzip", "user-agent": "test", "accept-language": "*" } },
          resolve,
        ),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      return { encoding: response.headers["content-encoding"], body: gunzipSync(Buffer.concat(chunks)).toString() };
    };
    const first = await raw();
    const second = await raw();
    expect([first.encoding, second.encoding]).toEqual(["gzip", "gzip"]);
    expect(second.body).toContain("<body>/z for nobody");
    const plain = await get("/z", { "accept-encoding": "identity" });
    expect(plain.cache).toBe("hit");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.body.length).toBe(second.body.length);
  });

  it("has requests for a page it kept before wait for the one render under way", async () => {
    const { state, get } = await cachedServer();
    await get("/p");
    version++;
    let release = () => {};
    state.page = { wait: new Promise<void>((r) => (release = r)) };
    const waiting = Array.from({ length: 5 }, () => get("/p"));
    await new Promise((r) => setTimeout(r, 50));
    release();
    const answers = await Promise.all(waiting);
    expect(state.renders).toBe(2);
    expect(answers.map((a) => a.cache).sort()).toEqual(["hit", "hit", "hit", "hit", "miss"]);
  });

  it("keeps no more than its size, the least recently used going first", async () => {
    const { state, get } = await cachedServer(3 * 4096);
    for (const path of ["/a", "/b", "/c"]) await get(path);
    expect((await get("/a")).cache).toBe("hit");
    await get("/d");
    expect((await get("/a")).cache).toBe("hit");
    expect((await get("/b")).cache).toBe("miss");
    expect(state.renders).toBe(5);
  });

  it("is off at size 0", () => {
    expect(pageCache({ maxBytes: 0, maxAgeMs: 1, ...nextCompression() })).toBeNull();
  });

  it("tells keepable page requests from the rest", () => {
    const req = (method: string, url: string, headers: Record<string, string> = {}) =>
      ({ method, url, headers }) as unknown as http.IncomingMessage;
    expect(isKeepablePageRequest(req("GET", "/w/a/b/catalog"))).toBe(true);
    expect(isKeepablePageRequest(req("GET", "/api/v1/workspaces"))).toBe(false);
    expect(isKeepablePageRequest(req("GET", "/_next/static/x.js"))).toBe(false);
    expect(isKeepablePageRequest(req("POST", "/w/a/b/catalog"))).toBe(false);
    expect(isKeepablePageRequest(req("GET", "/w/a/b/catalog", { "if-none-match": "x" }))).toBe(false);
    expect(isKeepablePageRequest(req("GET", "/w/a/b/catalog", { "next-router-state-tree": "x" }))).toBe(false);
  });
});
