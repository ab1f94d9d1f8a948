import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What a page's render tells the app's server about the page it renders (scripts/page-cache.mjs reads it when the
 * response is finished): whether it may be kept, and until when at the latest.
 */
export type RenderContext = { cacheable: boolean; validUntil: number };

// One store per process, found through the global registry: the server (plain .mjs, outside the build) enters it
// around Next's handler, the build's modules read it.
const CONTEXTS = Symbol.for("datashelf.pageCache.contexts");

function contexts(): AsyncLocalStorage<RenderContext> {
  const registry = globalThis as unknown as Record<symbol, AsyncLocalStorage<RenderContext> | undefined>;
  return (registry[CONTEXTS] ??= new AsyncLocalStorage<RenderContext>());
}

/**
 * Marks the page being rendered as one the server may keep and serve again (scripts/page-cache.mjs). Rule: call it
 * only from a page whose whole answer is a function of the request's URL and identifying headers (its cookies, its
 * client address), of rows of the database (every committed write to a table a page shows moves the data version,
 * and a kept page is never served past a move), of files that only a database write replaces (a dataset version's
 * Parquet), and of the clock only through the expiries the database holds (which bound every kept page) or a
 * deadline given to noteValidUntil. Outside a render the server keeps, it does nothing.
 */
export function allowPageCache(): void {
  const context = contexts().getStore();
  if (context) context.cacheable = true;
}

/**
 * Tells the server that the page being rendered must not be served again from `at` on: the render made a decision
 * that changes at that time without a database write (a "once per window" record that is due again, a view that
 * depends on a deadline). Outside a render the server keeps, it does nothing.
 */
export function noteValidUntil(at: Date | number): void {
  const context = contexts().getStore();
  if (!context) return;
  const time = typeof at === "number" ? at : at.getTime();
  if (time < context.validUntil) context.validUntil = time;
}
