import { z } from "zod";
import { AppError, type ErrorCode, HTTP_STATUS, insufficientStorage, unavailable } from "./errors";
import { infrastructureFault } from "./infrastructure-errors";
import { isUniqueViolation, isUnstorableText } from "./prisma-errors";

export type Result<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode | "internal";
      message: string;
      fieldErrors?: Record<string, string>;
      retryAfterSeconds?: number;
    };

export type Failure = Extract<Result<never>, { ok: false }>;

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Turns any thrown value into a client-safe failure; the one error mapping of route handlers and
 * server actions. Rule: unknown errors never leak their text; a full disk is 507, an
 * unreachable database 503 (with Retry-After) and text the database cannot store (a NUL) 400,
 * whatever service they surfaced in.
 */
export function toFailure(error: unknown): Failure {
  if (error instanceof AppError) {
    const failure: Failure = { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    if (error.retryAfterSeconds !== undefined) failure.retryAfterSeconds = error.retryAfterSeconds;
    return failure;
  }
  if (error instanceof z.ZodError) {
    const fieldErrors = zodFieldErrors(error);
    return { ok: false, code: "invalid", message: Object.values(fieldErrors)[0] ?? "Invalid input", fieldErrors };
  }
  if (isUniqueViolation(error)) {
    return { ok: false, code: "conflict", message: "That already exists." };
  }
  if (isUnstorableText(error)) {
    return { ok: false, code: "bad_request", message: "The request contains a character that cannot be stored (NUL)." };
  }
  const fault = infrastructureFault(error);
  if (fault) {
    console.error(error);
    return toFailure(fault === "disk_full" ? insufficientStorage() : unavailable());
  }
  console.error(error);
  return {
    ok: false,
    code: "internal",
    message: "Something went wrong on our side. Nothing was changed; please try again.",
  };
}

export function statusOf(failure: Failure): number {
  return failure.code === "internal" ? 500 : HTTP_STATUS[failure.code];
}

/** Runs a service call and returns a Result instead of throwing. */
export async function attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    return toFailure(error);
  }
}
