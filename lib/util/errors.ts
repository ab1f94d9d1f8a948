/**
 * The one error type services throw for expected failures. Route handlers and server actions
 * map it to HTTP statuses and `Result`s in one place (lib/util/result.ts); anything else is a
 * bug and is reported as a generic 500 without its message.
 */
export type ErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "invalid"
  | "rate_limited"
  | "storage_full";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
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
  conflict: 409,
  too_large: 413,
  invalid: 422,
  rate_limited: 429,
  storage_full: 507,
};

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (message: string) => new AppError("forbidden", message);
export const conflict = (message: string, fieldErrors?: Record<string, string>) => new AppError("conflict", message, fieldErrors);
export const invalid = (message: string, fieldErrors?: Record<string, string>) => new AppError("invalid", message, fieldErrors);
