import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { requestSessionUser } from "@/lib/auth/request-session";
import { clientAddress } from "@/lib/http/client-address";
import { isSameOrigin } from "@/lib/http/same-origin";
import { resolveRequestActor } from "@/lib/links/request-actor";
import { AppError, forbidden } from "@/lib/util/errors";
import { assertWithinRateLimit, authenticateRequest } from "./authenticate";
import { MAX_JSON_DEPTH, textDepth } from "./json-depth";
import { assertCleanUrl, refuseNul } from "./nul-guard";
import { errorResponse, noStoreJson } from "./responses";
import { searchParamsObject } from "./row-params";
import { numberSetting } from "@/lib/config/number-settings";

export { type ApiError, errorResponse, noStoreJson } from "./responses";

/** Methods that never change state; every other one is a write. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * How a route's caller proves who they are: a bearer token; the session cookie or an access
 * link (`?link=`); or a bearer token when the request carries one and the session cookie otherwise.
 */
export type Auth = "token" | "session-or-link" | "token-or-session";
export type Caller = { actor: Actor; via: "token" | "session" | "link" };

/**
 * The one way into every route handler. Rules: a URL with a NUL character is refused (400,
 * assertCleanUrl); a request without a bearer token that writes (any
 * method but GET/HEAD/OPTIONS) must come from one of our own pages (isSameOrigin), else 403
 * before the session is read or anything runs, since cookies alone never authorise a foreign
 * page; the caller is authenticated (a bearer token, or the session cookie / an access link);
 * the caller's per-user budget applies (429); every error, expected or not, leaves as the
 * one JSON shape (toFailure: 507 for a full disk, 503 with Retry-After for a lost database, a
 * generic 500 that never carries exception text). Permissions are checked by the services.
 */
export async function handleRoute(
  request: Request,
  auth: Auth,
  run: (caller: Caller) => Promise<Response | unknown>,
): Promise<Response> {
  try {
    assertCleanUrl(new URL(request.url));
    const bearer = auth === "token" || (auth === "token-or-session" && request.headers.has("authorization"));
    const caller = bearer
      ? { actor: await authenticateRequest(request), via: "token" as const }
      : await cookieCaller(request, auth === "session-or-link");
    if (caller instanceof Response) return caller;
    const result = await run(caller);
    if (result instanceof Response) return result;
    if (result === undefined) return new Response(null, { status: 200 });
    return noStoreJson(result);
  } catch (error) {
    return errorResponse(error);
  }
}

/** The signed-in user or access-link visitor of a browser request; see handleRoute for the rules. */
async function cookieCaller(request: Request, links: boolean): Promise<Caller | Response> {
  if (!SAFE_METHODS.has(request.method.toUpperCase()) && !isSameOrigin(request.headers)) {
    throw forbidden("This request came from another site and was refused. Use the app's own pages or an API token.");
  }
  const resolved = links ? await resolveRequestActor(request) : await sessionActor(request);
  if (resolved instanceof Response) return resolved;
  assertWithinRateLimit(resolved.viaLink ? { client: clientAddress(request.headers) } : { userId: resolved.actor.id });
  return { actor: resolved.actor, via: resolved.viaLink ? "link" : "session" };
}

/** The signed-in user from the request's own session cookie (read from the database on every request). */
async function sessionActor(request: Request): Promise<{ actor: Actor; viaLink: false }> {
  const user = await requestSessionUser(request);
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  return { actor: user, viaLink: false };
}

type Context<P> = { params: Promise<P> };
type Handler<P> = (input: { actor: Actor; request: Request; params: P }) => Promise<Response | unknown>;

/**
 * A REST route (/api/v1) for a bearer token, through handleRoute. A handler returning
 * `undefined` answers 200 with an empty body (DataLinks semantics). The routes listed in
 * scripts/direct-routes.mjs are also called by the app's server without Next's request scope, so
 * nothing under them may use `cookies()`, `headers()` or `after()` from Next (the request is all).
 */
export function apiRoute<P = Record<string, string>>(handler: Handler<P>) {
  return async (request: Request, context: Context<P>): Promise<Response> =>
    handleRoute(request, "token", async ({ actor }) => handler({ actor, request, params: await context.params }));
}

/**
 * A browser route handler for the signed-in user, or for an access link's visitor with
 * `?link=<token>` (resolveRequestActor), through handleRoute.
 */
export function withRequestActor(
  request: Request,
  handler: (actor: Actor, viaLink: boolean) => Promise<Response>,
): Promise<Response> {
  return handleRoute(request, "session-or-link", ({ actor, via }) => handler(actor, via === "link"));
}

/** The largest JSON request body (bigger data goes through the multipart upload or tus). */
export const MAX_JSON_BYTES = numberSetting("API_MAX_JSON_BYTES");

/** The body as text, refusing more than `limit` bytes before reading them all into memory (413). */
async function readText(request: Request, limit: number): Promise<string> {
  const tooLarge = () =>
    new AppError(
      "too_large",
      `A JSON body can have at most ${limit} bytes; send larger data with the multipart upload.`,
    );
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("invalid", "The request body is not valid UTF-8 text.");
  }
}

/**
 * Parses a JSON body with a zod schema (400 for malformed JSON or a NUL in a string, 413 beyond MAX_JSON_BYTES, 422
 * for invalid UTF-8, nesting beyond MAX_JSON_DEPTH or invalid fields).
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await readText(request, MAX_JSON_BYTES);
  if (textDepth(text) > MAX_JSON_DEPTH)
    throw new AppError("invalid", `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  let body: unknown;
  try {
    body = JSON.parse(text, refuseNul);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  return schema.parse(body);
}

/** Parses the query string with a zod schema (422 naming the parameter); a repeated `filter` becomes a list. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return schema.parse(searchParamsObject(new URL(request.url).searchParams));
}
