import { AppError } from "@/lib/util/errors";

const NUL = "\u0000";

const nulRefused = () =>
  new AppError("bad_request", "The request contains a NUL character, which no name, id or value can hold.");

/**
 * Rule: no part of a request's URL may carry a NUL character (decoded from `%00`) nor fail to
 * decode. PostgreSQL cannot store or even compare a NUL, and no name or id has one, so the answer
 * is the same 400 on every database instead of a database error.
 */
export function assertCleanUrl(url: URL): void {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new AppError("bad_request", "The URL contains malformed percent-encoding.");
  }
  if (path.includes(NUL) || url.search.includes(NUL) || decodeURIComponent(url.search).includes(NUL))
    throw nulRefused();
}

/** A JSON.parse reviver refusing NUL in any key or string value (the rule of assertCleanUrl, for bodies). */
export function refuseNul(key: string, value: unknown): unknown {
  if (key.includes(NUL) || (typeof value === "string" && value.includes(NUL))) throw nulRefused();
  return value;
}
