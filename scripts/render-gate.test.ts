import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isPageRender, renderGate } from "./render-gate.mjs";

let server: http.Server | undefined;
afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((r) => server!.close(r));
  server = undefined;
});

/**
 * A server behind the gate whose handler answers only when the test says so: `started` lists the paths the
 * handler was called for, in order, and `finish(path)` answers that request.
 */
async function gated(options: { limit: number; holdMs?: number }) {
  const started: string[] = [];
  const open = new Map<string, http.ServerResponse>();
  const admit = renderGate(options);
  server = http.createServer((req, res) => {
    admit(req, res, () => {
      started.push(req.url!);
      open.set(req.url!, res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    started,
    request: (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, init).then((r) => r.text()),
    finish(path: string) {
      open.get(path)!.end(`done ${path}`);
    },
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};
const settle = () => new Promise((r) => setTimeout(r, 50));

describe("renderGate", () => {
  it("renders at most `limit` pages at once and starts the others in order of arrival", async () => {
    const app = await gated({ limit: 2, holdMs: 60_000 });
    const answers = ["/a", "/b", "/c", "/d"].map((p) => app.request(p));
    await until(() => app.started.length === 2);
    await settle();
    expect(app.started).toEqual(["/a", "/b"]);
    app.finish("/b");
    await until(() => app.started.length === 3);
    expect(app.started[2]).toBe("/c");
    app.finish("/a");
    await until(() => app.started.length === 4);
    for (const p of ["/c", "/d"]) app.finish(p);
    expect(await Promise.all(answers)).toEqual(["done /a", "done /b", "done /c", "done /d"]);
  });

  it("starts a page someone asked for before the prefetches that were waiting", async () => {
    const app = await gated({ limit: 1, holdMs: 60_000 });
    const first = app.request("/first");
    await until(() => app.started.length === 1);
    const prefetch = { headers: { "Next-Router-Prefetch": "1", RSC: "1" } };
    const prefetched = [app.request("/link-1", prefetch), app.request("/link-2", prefetch)];
    await settle();
    const clicked = app.request("/clicked", { headers: { RSC: "1" } });
    await settle();
    app.finish("/first");
    await until(() => app.started.length === 2);
    expect(app.started[1]).toBe("/clicked");
    app.finish("/clicked");
    await until(() => app.started.length === 3);
    app.finish("/link-1");
    await until(() => app.started.length === 4);
    app.finish("/link-2");
    expect(app.started).toEqual(["/first", "/clicked", "/link-1", "/link-2"]);
    await Promise.all([first, clicked, ...prefetched]);
  });

  it("lets API calls, build assets and posts through while every turn is taken", async () => {
    const app = await gated({ limit: 1, holdMs: 60_000 });
    const page = app.request("/page");
    await until(() => app.started.length === 1);
    const others = [
      app.request("/api/v1/data/o/ns/ds"),
      app.request("/_next/static/chunk.js"),
      app.request("/page?form", { method: "POST", body: "x" }),
    ];
    await until(() => app.started.length === 4);
    for (const p of ["/api/v1/data/o/ns/ds", "/_next/static/chunk.js", "/page?form", "/page"]) app.finish(p);
    await Promise.all([page, ...others]);
  });

  it("never renders a waiting page whose client went away", async () => {
    const app = await gated({ limit: 1, holdMs: 60_000 });
    const first = app.request("/first");
    await until(() => app.started.length === 1);
    const abort = new AbortController();
    const gone = app.request("/gone", { signal: abort.signal }).catch(() => "aborted");
    const third = app.request("/third");
    await settle();
    abort.abort();
    expect(await gone).toBe("aborted");
    await settle();
    app.finish("/first");
    await until(() => app.started.length === 2);
    expect(app.started).toEqual(["/first", "/third"]);
    app.finish("/third");
    expect(await Promise.all([first, third])).toEqual(["done /first", "done /third"]);
  });

  it("gives the next page its turn once a render has held it for holdMs, without cutting that render short", async () => {
    const app = await gated({ limit: 1, holdMs: 100 });
    const slow = app.request("/slow");
    const next = app.request("/next");
    await settle();
    expect(app.started).toEqual(["/slow"]);
    await until(() => app.started.length === 2);
    app.finish("/next");
    expect(await next).toBe("done /next");
    app.finish("/slow");
    expect(await slow).toBe("done /slow");
  });

  it("is off at limit 0: every request runs at once", async () => {
    const app = await gated({ limit: 0 });
    const answers = ["/a", "/b", "/c"].map((p) => app.request(p));
    await until(() => app.started.length === 3);
    for (const p of ["/a", "/b", "/c"]) app.finish(p);
    await Promise.all(answers);
  });
});

describe("isPageRender", () => {
  const req = (method: string, url: string) => ({ method, url, headers: {} }) as http.IncomingMessage;
  it("counts GET and HEAD outside /_next/ and /api/, whatever the client accepts", () => {
    expect(isPageRender(req("GET", "/w/alice/sales/catalog"))).toBe(true);
    expect(isPageRender(req("HEAD", "/s/abc"))).toBe(true);
    expect(isPageRender(req("GET", "/api/v1/files/x/content"))).toBe(false);
    expect(isPageRender(req("GET", "/_next/static/chunks/app.js"))).toBe(false);
    expect(isPageRender(req("POST", "/w/alice/sales/catalog"))).toBe(false);
    expect(isPageRender(req("PATCH", "/api/uploads/x"))).toBe(false);
  });
});
