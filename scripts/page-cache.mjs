// The app's HTTP server (scripts/server.mjs) keeps rendered pages and serves them again while nothing they show can
// have changed. A page costs 11-21 ms of the server's one JavaScript thread on the 2-core benchmark machine (Next's
// renderer alone, on an empty page, 3.6 ms); a kept page costs a read of one row and a copy. What decides "nothing can
// have changed" is the database, not this process: every committed write to a table a page shows moves one data
// version (DataVersion, bumped by triggers inside the writing transaction, prisma/migrations/*_data_version), and a
// kept page is served only while the version is the one its render started from. A revoked grant, a deleted session,
// an edited dataset, made on any instance or by any tool, is seen by the very next request on every instance. Time
// is the other input: a kept page is never served past the first expiry or start time the database holds (sessions,
// grants, links, invitations), nor past a deadline the render noted (lib/page-cache/render-context.ts), nor past
// PAGE_CACHE_MAX_AGE_S (relative times such as "3 minutes ago").
//
// Pages opt in (allowPageCache in lib/page-cache/render-context.ts). Only a browser's plain GET of a page is kept:
// never a router or RSC request, a prefetch, a server action, a HEAD, an answer other than a 200 HTML page, or one
// that sets a cookie. A kept page belongs to exactly the request headers that identify its viewer (cookies, client
// address, the proxy's forwarding headers, host, language, user agent). Served again, it gets a fresh CSP nonce
// (lib/http/security-headers.ts): a nonce is never sent twice.
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomBytes } from "node:crypto";

const CONTEXTS = Symbol.for("datashelf.pageCache.contexts");
const SOURCE = Symbol.for("datashelf.pageCache.source");

/** The response header that says whether a page came from the cache ("hit") or was rendered ("miss"). */
export const PAGE_CACHE_HEADER = "x-datashelf-page-cache";

// Must include CLIENT_ADDRESS_HEADER and FORWARDED_MARK_HEADER of scripts/server.mjs.
const KEY_HEADERS = [
  "host",
  "cookie",
  "user-agent",
  "accept-language",
  "x-datashelf-client-address",
  "x-datashelf-forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
  "forwarded",
];

// Not kept with a page: what the connection, the length or the compression of one answer decides.
const UNKEPT_HEADERS = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "set-cookie",
  PAGE_CACHE_HEADER,
]);

const MAX_PAGE_BYTES = 4 * 1024 * 1024;
const MAX_KNOWN_KEYS = 10_000;

/**
 * Whether `req` may be answered with a kept page: a plain GET of a page, without any of the headers with which Next's
 * router asks for something else (an RSC payload, a prefetch, a server action) and without a conditional or partial
 * request.
 * @param {import("node:http").IncomingMessage} req
 */
export function isKeepablePageRequest(req) {
  if (req.method !== "GET") return false;
  const url = req.url ?? "/";
  if (url.startsWith("/_next/") || url.startsWith("/api/")) return false;
  for (const name of Object.keys(req.headers)) {
    if (
      name === "rsc" ||
      name.startsWith("next-") ||
      name.startsWith("x-nextjs") ||
      name.startsWith("x-middleware") ||
      name === "purpose" ||
      name === "sec-purpose" ||
      name === "range" ||
      name.startsWith("if-")
    )
      return false;
  }
  return true;
}

/**
 * The key of the page `req` asks for: its URL and every header that says who is asking.
 * @param {import("node:http").IncomingMessage} req
 */
export function pageKey(req) {
  const hash = createHash("sha256").update(req.url ?? "/");
  for (const name of KEY_HEADERS) {
    const value = req.headers[name];
    hash.update("\0").update(Array.isArray(value) ? value.join("\n") : (value ?? ""));
  }
  return hash.digest("base64");
}

/**
 * @typedef {{ readDataVersion: () => Promise<string>, nextValidityEnd: (now: Date) => Promise<number>,
 *   transactionMark: () => number }} Source
 */
/**
 * @typedef {{ version: string, validUntil: number, status: number, headers: Array<[string, string | string[]]>,
 *   nonce: string | null, parts: Buffer[], bytes: number }} Kept
 */

/** The longest a request waits for another request's render of the same page before rendering it itself. */
const MAX_WAIT_MS = 2_000;

/**
 * The page cache: `(req, res, render)`, where `render(enter)` renders the page as before and must run Next's handler
 * inside `enter(() => ...)` (after any wait of its own: the render's context is entered there). `null` when
 * `maxBytes` is 0 or less (turned off). `compress` and `releaseCompression` are Next's response compression (see
 * direct-routes.mjs), applied here to the pages it sees, rendered or kept, so a kept page is the page before
 * compression.
 * Rule: a page is kept only when its render allowed it (allowPageCache), answered 200 with HTML and set no cookie,
 * and the data version read before the render started equals the one read after it ended, with no transaction begun
 * meanwhile on the app's SQLite connection (whose rows it could have seen uncommitted). A kept page is served only
 * while the data version read for the request is the one it was kept under and the time is before its validUntil
 * (the earliest of: the database's next expiry or start time after the render started, the render's noted
 * deadlines, its start plus `maxAgeMs`). When the version is seen to go back (a database restored under a running
 * server), every kept page is dropped.
 * @param {{ maxBytes: number, maxAgeMs: number,
 *   compress: (req: any, res: import("node:http").ServerResponse, next: () => void) => void,
 *   releaseCompression: (res: import("node:http").ServerResponse) => void, now?: () => number }} options
 * @returns {((req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse,
 *   render: (enter: (run: () => unknown) => unknown) => unknown) => void) | null}
 */
export function pageCache({ maxBytes, maxAgeMs, compress, releaseCompression, now = Date.now }) {
  if (!(maxBytes > 0)) return null;
  /** @type {AsyncLocalStorage<{ cacheable: boolean, validUntil: number }>} */
  const contexts = (globalThis[CONTEXTS] ??= new AsyncLocalStorage());
  /** @type {Map<string, Kept>} in order of last use */
  const kept = new Map();
  let keptBytes = 0;
  /** Renders under way, by key: requests for a page that was kept before wait for its render instead of repeating it. */
  const rendering = new Map();
  /** Keys whose render was kept at least once. */
  const known = new Set();
  /** The highest data version seen, and the database's next expiry while it holds (one query per version). */
  let highest = -1n;
  /** @type {{ version: string, from: number, end: number } | null} */
  let validity = null;

  const drop = (key) => {
    const page = kept.get(key);
    if (!page) return;
    kept.delete(key);
    keptBytes -= page.bytes;
  };
  const keep = (key, page) => {
    drop(key);
    if (page.bytes > maxBytes) return;
    kept.set(key, page);
    keptBytes += page.bytes;
    for (const oldest of kept.keys()) {
      if (keptBytes <= maxBytes) break;
      drop(oldest);
    }
    if (known.size >= MAX_KNOWN_KEYS) known.clear();
    known.add(key);
  };

  /** The data version now; every kept page goes when it is lower than one seen before. */
  const versionNow = async (source) => {
    const version = await source.readDataVersion();
    const value = BigInt(version);
    if (value < highest) {
      for (const key of [...kept.keys()]) drop(key);
      validity = null;
    }
    highest = value;
    return version;
  };

  /** The database's next expiry or start time after `from`, read once per version (and again once it has passed). */
  const nextEnd = async (source, version, from) => {
    if (validity && validity.version === version && validity.from <= from && from < validity.end) return validity.end;
    const end = await source.nextValidityEnd(new Date(from));
    validity = { version, from, end };
    return end;
  };

  /** The kept page for `key` if it may be served now. */
  const fresh = async (source, key) => {
    const page = kept.get(key);
    if (!page) return null;
    if (now() >= page.validUntil) {
      drop(key);
      return null;
    }
    const version = await versionNow(source);
    if (version !== page.version) {
      // Versions only grow: every page kept under another one is dead.
      for (const [k, p] of kept) if (p.version !== version) drop(k);
      return null;
    }
    kept.delete(key);
    kept.set(key, page);
    return page;
  };

  const startCompression = (negotiation, res) => {
    compress(negotiation, res, () => {});
    res.once("close", () => {
      if (!res.writableFinished) releaseCompression(res);
    });
  };

  const send = (negotiation, res, page) => {
    const nonce = page.nonce ? randomBytes(16).toString("base64") : null;
    const swap = (text) => (nonce ? text.split(page.nonce).join(nonce) : text);
    const nonceBytes = nonce ? Buffer.from(nonce) : null;
    const pieces = [];
    page.parts.forEach((part, i) => {
      if (i > 0) pieces.push(nonceBytes);
      pieces.push(part);
    });
    const body = Buffer.concat(pieces);
    startCompression(negotiation, res);
    res.statusCode = page.status;
    for (const [name, value] of page.headers) res.setHeader(name, Array.isArray(value) ? value.map(swap) : swap(value));
    res.setHeader(PAGE_CACHE_HEADER, "hit");
    res.setHeader("content-length", body.length);
    res.end(body);
  };

  /** Until the render under way for `key` settles (at most MAX_WAIT_MS). */
  const waitForRender = (key) =>
    Promise.race([rendering.get(key), new Promise((resolve) => setTimeout(resolve, MAX_WAIT_MS).unref())]);

  const renderAndKeep = async (source, key, negotiation, res, render) => {
    // Registered at once, so a request arriving while this one reads the version waits for it too.
    /** @type {() => void} */
    let settle = () => {};
    if (!rendering.has(key)) {
      rendering.set(
        key,
        new Promise((resolve) => {
          settle = () => {
            if (rendering.get(key) === current) rendering.delete(key);
            resolve(undefined);
          };
        }),
      );
    }
    const current = rendering.get(key);
    const started = now();
    const context = { cacheable: false, validUntil: started + maxAgeMs };
    /** @type {string | null} */
    let version = null;
    let mark = 0;
    if (source) {
      try {
        mark = source.transactionMark();
        version = await versionNow(source);
      } catch {
        version = null; // a transaction open on the connection, or the version unreadable: rendered, not kept
      }
    }
    startCompression(negotiation, res);
    res.setHeader(PAGE_CACHE_HEADER, "miss");
    const capture = captureResponse(res, () => version !== null && context.cacheable);
    const finished = () => {
      const page = version !== null && context.cacheable ? capture.page() : null;
      if (!page) return settle();
      Promise.resolve()
        .then(async () => {
          const validUntil = Math.min(context.validUntil, await nextEnd(source, version, started));
          const after = await source.readDataVersion();
          if (after === version && source.transactionMark() === mark && now() < validUntil)
            keep(key, { ...page, version, validUntil });
        })
        .catch(() => {}) // a transaction open now, or the version unreadable: not kept
        .finally(settle);
    };
    res.once("finish", finished);
    res.once("close", () => {
      if (!res.writableFinished) settle();
    });
    render((run) => contexts.run(context, run));
  };

  return (req, res, render) => {
    if (!isKeepablePageRequest(req)) return render((run) => run());
    /** @type {Source | undefined} */
    const source = globalThis[SOURCE];
    const key = pageKey(req);
    // Compression is negotiated here, on the client's Accept-Encoding; Next renders the page uncompressed.
    const negotiation = { method: req.method, url: req.url, headers: { ...req.headers } };
    delete req.headers["accept-encoding"];
    void (async () => {
      if (source) {
        try {
          let page = await fresh(source, key);
          if (!page && known.has(key) && rendering.has(key)) {
            await waitForRender(key);
            page = await fresh(source, key);
          }
          if (res.destroyed) return;
          if (page) return send(negotiation, res, page);
        } catch (error) {
          if (res.headersSent) throw error;
          // A transaction open on the connection, or the version unreadable: rendered, not kept.
        }
      }
      await renderAndKeep(source, key, negotiation, res, render);
    })().catch((error) => {
      console.error("Page cache: a page could not be answered", error);
      res.destroy();
    });
  };
}

/**
 * Records what is written to `res` while passing it on: its status and headers, and its body up to MAX_PAGE_BYTES;
 * nothing of the body when `wanted()` is false once the head is written (a page that did not allow keeping).
 * @param {import("node:http").ServerResponse} res
 * @param {() => boolean} wanted
 */
function captureResponse(res, wanted) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  let over = false;
  /** @type {{ status: number, headers: Record<string, unknown> } | null} */
  let head = null;
  const { writeHead, write, end } = res;
  res.writeHead = function (status, ...rest) {
    const given = rest.find((arg) => arg && typeof arg === "object");
    if (Array.isArray(given) || !wanted()) over = true;
    const headers = { ...res.getHeaders() };
    if (given && !Array.isArray(given))
      for (const [name, value] of Object.entries(given)) headers[name.toLowerCase()] = value;
    head = { status, headers };
    return writeHead.call(this, status, ...rest);
  };
  const record = (chunk, encoding) => {
    if (over || chunk == null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8")
        : Buffer.from(chunk);
    size += buffer.length;
    if (size > MAX_PAGE_BYTES) {
      over = true;
      chunks.length = 0;
    } else chunks.push(buffer);
  };
  res.write = function (chunk, encoding, callback) {
    record(chunk, encoding);
    return write.call(this, chunk, encoding, callback);
  };
  res.end = function (chunk, encoding, callback) {
    record(chunk, encoding);
    return end.call(this, chunk, encoding, callback);
  };
  return {
    /** The page as it may be kept, or null (not a 200 HTML page, a cookie set, too large, not wanted). */
    page() {
      if (over || !head || head.status !== 200) return null;
      const type = String(head.headers["content-type"] ?? "");
      if (!type.startsWith("text/html") || head.headers["set-cookie"] !== undefined) return null;
      /** @type {Array<[string, string | string[]]>} */
      const headers = [];
      for (const [name, value] of Object.entries(head.headers)) {
        if (value === undefined || UNKEPT_HEADERS.has(name)) continue;
        headers.push([name, Array.isArray(value) ? value.map(String) : String(value)]);
      }
      const policy = String(head.headers["content-security-policy"] ?? "");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] ?? null;
      const body = Buffer.concat(chunks);
      // The body cut at each occurrence of the nonce (views into one buffer: the page costs its own bytes).
      const parts = [];
      if (nonce) {
        const needle = Buffer.from(nonce);
        let from = 0;
        for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
          parts.push(body.subarray(from, at));
          from = at + needle.length;
        }
        parts.push(body.subarray(from));
      } else parts.push(body);
      return { status: head.status, headers, nonce, parts, bytes: body.length + 1024 };
    },
  };
}
