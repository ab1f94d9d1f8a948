import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { AppError } from "@/lib/util/errors";
import { statusOf, toFailure } from "@/lib/util/result";
import { RateLimited, authenticateRequest } from "./authenticate";
import { MAX_JSON_DEPTH, textDepth } from "./json-depth";
import { searchParamsObject } from "./row-params";

/** The one error shape of the REST API. */
export type ApiError = { error: string; code: string; fieldErrors?: Record<string, string> };

export function errorResponse(error: unknown): Response {
  const failure = toFailure(error);
  const body: ApiError = { error: failure.message, code: failure.code, ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}) };
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (error instanceof RateLimited) headers["Retry-After"] = String(error.retryAfterSeconds);
  return Response.json(body, { status: statusOf(failure), headers });
}

type Context<P> = { params: Promise<P> };
type Handler<P> = (input: { actor: Actor; request: Request; params: P }) => Promise<Response | unknown>;

/**
 * A REST route: authenticates the bearer token, runs the handler (which calls the same lib
 * services as the UI) and maps every error to the one JSON error shape and its status code.
 * A handler returning `undefined` answers 200 with an empty body (DataLinks semantics).
 */
export function apiRoute<P = Record<string, string>>(handler: Handler<P>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      const actor = await authenticateRequest(request);
      const result = await handler({ actor, request, params: await context.params });
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 200 });
      return Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The largest JSON request body (bigger data goes through the multipart upload or tus). */
export const MAX_JSON_BYTES = Number(process.env.API_MAX_JSON_BYTES || 64 * 1024 * 1024);

/** The body as text, refusing more than `limit` bytes before reading them all into memory (413). */
async function readText(request: Request, limit: number): Promise<string> {
  const tooLarge = () => new AppError("too_large", `A JSON body can have at most ${limit} bytes; send larger data with the multipart upload.`);
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
 * Parses a JSON body with a zod schema (400 for malformed JSON, 413 beyond MAX_JSON_BYTES, 422
 * for invalid UTF-8, nesting beyond MAX_JSON_DEPTH or invalid fields).
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await readText(request, MAX_JSON_BYTES);
  if (textDepth(text) > MAX_JSON_DEPTH) throw new AppError("invalid", `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  return schema.parse(body);
}

/** Parses the query string with a zod schema (422 naming the parameter); a repeated `filter` becomes a list. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return schema.parse(searchParamsObject(new URL(request.url).searchParams));
}
