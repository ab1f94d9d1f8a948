import { methodNotAllowed } from "./responses";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response;

/** Marks the handlers routeMethods made up, so tests (and the OpenAPI check) can tell served methods apart. */
const GENERATED = Symbol("generated");

/**
 * Every HTTP method of one route file. Rule: a method the route does not serve is a JSON 405 in
 * the error shape with `Allow` (Next's own is an empty 405); HEAD runs GET when the route has no
 * HEAD of its own, and OPTIONS answers 204 with `Allow`, as Next would.
 * Use: `export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET, POST })`.
 */
export function routeMethods<C>(served: Partial<Record<HttpMethod, Handler<C>>>): Record<HttpMethod, Handler<C>> {
  const allowed = new Set(HTTP_METHODS.filter((m) => served[m]));
  const out = {} as Record<HttpMethod, Handler<C>>;
  if (!served.HEAD && served.GET) out.HEAD = generated(served.GET);
  if (served.GET) allowed.add("HEAD");
  allowed.add("OPTIONS");
  const allow = [...allowed];
  if (!served.OPTIONS)
    out.OPTIONS = generated(
      () => new Response(null, { status: 204, headers: { Allow: [...allow].sort().join(", ") } }),
    );
  for (const method of HTTP_METHODS) out[method] ??= served[method] ?? generated(() => methodNotAllowed(allow));
  return out;
}

function generated<C>(handler: Handler<C>): Handler<C> {
  const wrapped: Handler<C> = (request, context) => handler(request, context);
  return Object.assign(wrapped, { [GENERATED]: true });
}

/** The methods a route module serves itself (not the 405s, nor the HEAD and OPTIONS routeMethods added). */
export function servedMethods(module: Partial<Record<string, unknown>>): HttpMethod[] {
  return HTTP_METHODS.filter((m) => typeof module[m] === "function" && !(GENERATED in (module[m] as object)));
}
