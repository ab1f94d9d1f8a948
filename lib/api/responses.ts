import { AppError, type ErrorCode, HTTP_STATUS } from "@/lib/util/errors";
import { statusOf, toFailure } from "@/lib/util/result";

/** The one error shape of every answer under /api (and of the tus endpoint). */
export type ApiError = { error: string; code: string; fieldErrors?: Record<string, string> };

/**
 * The most bytes of JSON sent uncompressed: well inside TCP's initial congestion window (ten segments, about 14 KB),
 * so compressing it would not save a round trip on any link, while on every request it costs the server a gzip
 * stream (two trips through libuv's thread pool, the flush and the end, plus the CPU, and three more writes to the
 * socket) and the client the gunzip.
 */
export const UNCOMPRESSED_MAX_BYTES = 12 * 1024;

/**
 * JSON that is never cached by anyone (`private, no-store`): listings, rows and grants change with
 * every write and every revocation, and a shared cache must never hold one user's answer. At most
 * UNCOMPRESSED_MAX_BYTES of it also carry `no-transform`, so the server's response compression (Next's
 * `compress`) leaves them as they are; larger answers (wide rows, long lists) are compressed as before.
 */
export function noStoreJson(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  const body = JSON.stringify(data);
  const small = Buffer.byteLength(body) <= UNCOMPRESSED_MAX_BYTES;
  return new Response(body, {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": small ? "private, no-store, no-transform" : "private, no-store",
      ...init.headers,
    },
  });
}

/**
 * The one error mapping of route handlers: any thrown value becomes the `{ error, code }` shape
 * with its status (toFailure: never an exception's own text), Retry-After for 429/503.
 */
export function errorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  const failure = toFailure(error);
  const body: ApiError = {
    error: failure.message,
    code: failure.code,
    ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}),
  };
  const extra: Record<string, string> = { ...headers };
  if (failure.retryAfterSeconds !== undefined) extra["Retry-After"] = String(failure.retryAfterSeconds);
  return noStoreJson(body, { status: statusOf(failure), headers: extra });
}

const GENERIC_500 = "Something went wrong on our side. Nothing was changed; please try again.";
const CODE_OF_STATUS = new Map(Object.entries(HTTP_STATUS).map(([code, status]) => [status, code as ErrorCode]));

/**
 * An error answer made by a library (the tus server) in our shape: a JSON body that already has
 * `{ error, code }` stays; any other body (plain text, `{ error }` alone) becomes its message
 * under the status's code. Successful answers pass unchanged.
 */
export async function inErrorShape(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const body = (parsed ?? {}) as Partial<ApiError>;
  const headers = Object.fromEntries(response.headers);
  delete headers["content-length"];
  delete headers["content-type"];
  if (typeof body.error === "string" && typeof body.code === "string")
    return noStoreJson(body, { status: response.status, headers });
  const code = CODE_OF_STATUS.get(response.status) ?? (response.status >= 500 ? "internal" : "bad_request");
  const message = typeof body.error === "string" ? body.error : text.trim() || "The request was refused.";
  const shaped: ApiError = { error: response.status >= 500 && code === "internal" ? GENERIC_500 : message, code };
  return noStoreJson(shaped, { status: response.status, headers });
}

/** 405 for a method a route does not serve, naming the ones it does in `Allow`. */
export function methodNotAllowed(allowed: readonly string[]): Response {
  return errorResponse(new AppError("method_not_allowed", "This endpoint does not support that method."), {
    Allow: [...allowed].sort().join(", "),
  });
}
