// Page renders take turns (scripts/server.mjs). A page costs 12-15 ms of the server's one JavaScript thread on the
// 2-core benchmark machine; rendered all at once, 50 pages arriving together interleave their work, and some are
// overtaken again and again (measured at 50 connections, bench/http-pages.ts: medians of 0.49-0.60 s, p99s of
// 2.8-3.5 s). Admitted two at a time in order of arrival, each page waits for the ones before it and then
// renders in about its own time: p99s of 0.68-0.79 s at the same medians, and slightly less CPU per page (fewer
// renders alive at once, less garbage collection). Two, not one: a render waiting on DuckDB or the database
// leaves the thread to the other (one gave about the same figures, with the thread idle during such waits).

/**
 * Whether `req` is for a page (or another answer of Next's app router outside the API): a GET or HEAD outside
 * `/_next/` (build assets) and `/api/` (route handlers: downloads, uploads and exports stream for as long as they
 * take). Not the Accept header: only browsers send text/html, and a script's GET renders the same page.
 * @param {import("node:http").IncomingMessage} req
 */
export function isPageRender(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "/";
  return !url.startsWith("/_next/") && !url.startsWith("/api/");
}

/**
 * Whether `req` is a router prefetch: Next's <Link> asks for the pages its links lead to while they are in view (a
 * catalog page's view sent 26), before anyone clicks.
 * @param {import("node:http").IncomingMessage} req
 */
export function isPrefetch(req) {
  return req.headers["next-router-prefetch"] === "1" || req.headers.purpose === "prefetch";
}

/**
 * Rule: at most `limit` page renders hold a turn at once; the others wait in order of arrival and start as turns
 * end, except that a prefetch (see isPrefetch) waits until no page anyone asked for is waiting: a click is never
 * queued behind the prefetches of the page it was made on. A turn ends when its response is finished or its
 * connection closed, or after `holdMs` at the latest: a render that long is waiting on something (a large
 * dataset's first read, a slow blob store), and the pages behind it must not wait for that too. A request whose
 * client goes away while it waits is dropped without being rendered. Anything that is not a page render (see
 * isPageRender) runs at once, so assets, API calls, uploads and server actions never wait behind pages. `limit` 0
 * (or less) turns the gate off.
 * @param {{ limit: number, holdMs?: number }} options
 * @returns {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, run: () => void) => void}
 */
export function renderGate({ limit, holdMs = 250 }) {
  if (!(limit > 0)) return (_req, _res, run) => run();
  let running = 0;
  /** @typedef {{ res: import("node:http").ServerResponse, run: () => void, gone: boolean }} Waiting */
  /** @type {Waiting[]} */
  const waiting = [];
  /** @type {Waiting[]} */
  const prefetches = [];

  const start = (res, run) => {
    running++;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      running--;
      next();
    };
    const timer = setTimeout(end, holdMs);
    timer.unref();
    // "close" comes once the response is finished or its connection is gone, whichever is first.
    res.once("close", end);
    run();
  };
  const next = () => {
    while (running < limit && (waiting.length > 0 || prefetches.length > 0)) {
      const { res, run, gone } = waiting.length > 0 ? waiting.shift() : prefetches.shift();
      if (!gone) start(res, run);
    }
  };

  return (req, res, run) => {
    if (!isPageRender(req)) return run();
    if (running < limit) return start(res, run);
    const entry = { res, run, gone: false };
    res.once("close", () => (entry.gone = true));
    (isPrefetch(req) ? prefetches : waiting).push(entry);
  };
}
