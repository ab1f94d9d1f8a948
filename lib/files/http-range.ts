export type RangeDecision =
  { kind: "full" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

/**
 * Interprets a Range header for a representation of `size` bytes (RFC 9110 §14). One range is
 * served as a 206; a malformed header or several ranges are ignored (a full 200, which the RFC
 * allows); a range that starts at or past the end, or a zero-length suffix, is unsatisfiable (416).
 */
export function decideRange(header: string | null, size: number): RangeDecision {
  if (!header) return { kind: "full" };
  const match = /^bytes\s*=\s*(\d*)\s*-\s*(\d*)$/i.exec(header.trim());
  if (!match) return { kind: "full" };
  const [, first, last] = match as unknown as [string, string, string];
  if (first === "" && last === "") return { kind: "full" };
  if (first === "") {
    // Suffix range: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? Infinity : Number(last);
  if (!Number.isSafeInteger(start) || end < start) return { kind: "full" };
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}

/** Rule for If-Range: the range applies only if the validator still matches (strong ETag or the exact date). */
export function ifRangeMatches(header: string | null, etag: string, lastModified: Date): boolean {
  if (!header) return true;
  const value = header.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return value === etag;
  const date = Date.parse(value);
  return !Number.isNaN(date) && Math.floor(date / 1000) === Math.floor(lastModified.getTime() / 1000);
}

/** If-None-Match: "*" or any listed ETag (weak comparison, as GET/HEAD revalidation uses). */
export function noneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => strip(tag) === strip(etag));
}
