import { create } from "content-disposition";

/** A plain-ASCII stand-in for a non-ASCII name: accents dropped, anything else as "_". */
export function asciiFallback(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
}

/**
 * A safe Content-Disposition header (RFC 6266): an ASCII `filename` every client understands,
 * plus the exact name as RFC 5987 `filename*` when it is not plain ASCII. Quotes, backslashes and
 * control characters can never break out of the header.
 */
export function contentDisposition(name: string, type: "attachment" | "inline" = "attachment"): string {
  const fallback = asciiFallback(name);
  return create(name, { type, fallback: fallback === name ? true : fallback });
}
