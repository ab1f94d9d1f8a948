import { numberSetting } from "@/lib/config/number-settings";

/**
 * The one error type services throw for expected failures. Route handlers and server actions
 * map it to HTTP statuses and `Result`s in one place (lib/util/result.ts); anything else is a
 * bug and is reported as a generic 500 without its message.
 */
export const ERROR_CODES = [
  "bad_request",
  "unauthenticated",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "gone",
  "precondition_failed",
  "too_large",
  "unsupported_media_type",
  "range_not_satisfiable",
  "invalid",
  "rate_limited",
  "unavailable",
  "insufficient_storage",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
    /** Sent as `Retry-After` (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  invalid: 422,
  rate_limited: 429,
  unavailable: 503,
  insufficient_storage: 507,
};

/** Seconds a client is told to wait when the database is unreachable (UNAVAILABLE_RETRY_AFTER_SECONDS, default 10). */
export function unavailableRetryAfter(): number {
  return numberSetting("UNAVAILABLE_RETRY_AFTER_SECONDS");
}

/** The database cannot be reached: 503 with Retry-After, never a "not found" a sync client would read as "deleted". */
export const unavailable = () =>
  new AppError(
    "unavailable",
    "The service is temporarily unavailable. Nothing was changed; please try again shortly.",
    undefined,
    unavailableRetryAfter(),
  );

/** The server's disk (or the database's) is full: 507 with a plain message, never the file's or the database's details. */
export const insufficientStorage = () =>
  new AppError(
    "insufficient_storage",
    "The server is out of storage space. Nothing was saved; please try again later or contact the administrator.",
  );

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (message: string) => new AppError("forbidden", message);
export const conflict = (message: string, fieldErrors?: Record<string, string>) =>
  new AppError("conflict", message, fieldErrors);
export const invalid = (message: string, fieldErrors?: Record<string, string>) =>
  new AppError("invalid", message, fieldErrors);

/** Destructive actions ask the user to type the thing's URL name; anything else is a 422 on the `confirm` field. */
export function assertTypedConfirmation(typed: string, slug: string): void {
  if (typed.trim().toLowerCase() === slug) return;
  const message = `Type "${slug}" to confirm.`;
  throw invalid(message, { confirm: message });
}
