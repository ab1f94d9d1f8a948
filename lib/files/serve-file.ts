import "server-only";
import fsp from "node:fs/promises";
import { Readable } from "node:stream";
import { errorResponse } from "@/lib/api/responses";
import { getBlobStore } from "@/lib/storage";
import { AppError } from "@/lib/util/errors";
import { contentDisposition } from "./disposition";
import { isInlineSafe } from "./file-types";
import { decideRange, ifRangeMatches, noneMatch } from "./http-range";
import { localFileBody } from "./local-file-body";
import { takeNodeFileClaim } from "./node-file";

export type ServableFile = {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  sha256: string | null;
  blobKey: string;
  modifiedAt: Date;
};

/** Stored files render only in their own sandbox, never as a page of our origin. */
const SANDBOX_CSP =
  "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'";
// Chrome's PDF viewer refuses to run sandboxed; a PDF cannot script our origin anyway.
const PDF_CSP = "default-src 'none'; frame-ancestors 'self'";

export function etagOf(file: Pick<ServableFile, "id" | "sha256" | "size">): string {
  return `"${file.sha256 ? file.sha256.slice(0, 40) : `${file.id}-${file.size}`}"`;
}

/**
 * The HTTP response for a file download: streamed from the blob store, with Range (206/416),
 * If-Range, If-None-Match/If-Modified-Since (304), a strong ETag, Last-Modified, the stored
 * content type and a safe Content-Disposition. Inline display is honoured only for types that
 * cannot run script (images, PDF, plain text, media); everything else is an attachment.
 * `onBody` runs before a body that starts at byte 0 is sent (to record the download once, not
 * for every seek of a video).
 */
export async function serveFile(
  request: Request,
  file: ServableFile,
  { inline = false, onBody }: { inline?: boolean; onBody?: () => Promise<void> } = {},
): Promise<Response> {
  const etag = etagOf(file);
  const lastModified = new Date(Math.floor(file.modifiedAt.getTime() / 1000) * 1000);
  const showInline = inline && isInlineSafe(file.mimeType);
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    ETag: etag,
    "Last-Modified": lastModified.toUTCString(),
    // Revalidate every time: access is checked on each request, so a revoked user gets nothing from a cache.
    // no-transform: Next's own gzip (and proxies) would otherwise re-encode text files chunk by
    // chunk, dropping Content-Length and costing CPU for every byte.
    "Cache-Control": "private, no-cache, no-transform",
    "Content-Type": file.mimeType,
    "Content-Disposition": contentDisposition(file.name, showInline ? "inline" : "attachment"),
    "Content-Security-Policy": showInline && file.mimeType === "application/pdf" ? PDF_CSP : SANDBOX_CSP,
    "X-Content-Type-Options": "nosniff",
  });
  const h = request.headers;
  const ims = h.get("if-modified-since");
  const notModified = h.has("if-none-match")
    ? noneMatch(h.get("if-none-match"), etag)
    : ims !== null && !Number.isNaN(Date.parse(ims)) && lastModified.getTime() <= Date.parse(ims);
  if (notModified) return new Response(null, { status: 304, headers });

  const decision = ifRangeMatches(h.get("if-range"), etag, lastModified)
    ? decideRange(h.get("range"), file.size)
    : ({ kind: "full" } as const);
  if (decision.kind === "unsatisfiable") {
    return errorResponse(new AppError("range_not_satisfiable", "The requested range is outside the file."), {
      "Accept-Ranges": "bytes",
      "Content-Range": `bytes */${file.size}`,
    });
  }
  const range = decision.kind === "partial" ? { start: decision.start, end: decision.end } : undefined;
  const length = range ? range.end - range.start + 1 : file.size;
  headers.set("Content-Length", String(length));
  if (range) headers.set("Content-Range", `bytes ${range.start}-${range.end}/${file.size}`);
  const status = range ? 206 : 200;
  const bytes = range ?? { start: 0, end: file.size - 1 };
  if (request.method === "HEAD") {
    // Behind scripts/server.mjs, the server writes the Content-Length set above (Next drops a route's own): a
    // claim with the byte range only, for any store, no file opened (see node-file.ts).
    takeNodeFileClaim(request)?.({ handle: null, ...bytes, status });
    return new Response(null, { status, headers });
  }
  if (!range || range.start === 0) await onBody?.();
  // An empty range cannot be read (createReadStream would read the whole file for end < start).
  if (length === 0) return new Response(null, { status, headers });
  // Behind scripts/server.mjs, the server itself streams a local blob to the socket (see node-file.ts):
  // the response is complete here (status, headers, file opened), only the pumping moves.
  if (await handedOver(request, file, bytes, status)) return new Response(null, { status, headers });
  return new Response(await bodyOf(file, bytes), { status, headers });
}

/** Whether the app's server took over sending bytes [start, end] of a local blob for this very request. */
async function handedOver(
  request: Request,
  file: ServableFile,
  { start, end }: { start: number; end: number },
  status: number,
): Promise<boolean> {
  const store = getBlobStore();
  if (store.kind !== "local" || request.method !== "GET") return false;
  const claim = takeNodeFileClaim(request);
  if (!claim) return false;
  // Opened here, so a missing blob fails the request before any header is sent, as on the stream path.
  const handle = await fsp.open(store.localPathOf(file.blobKey), "r");
  if (claim({ handle, start, end, status })) return true;
  await handle.close();
  return false;
}

/** The bytes of a blob: read straight from disk for the local store, through the store's stream otherwise (S3). */
async function bodyOf(file: ServableFile, range: { start: number; end: number }): Promise<ReadableStream<Uint8Array>> {
  const store = getBlobStore();
  if (store.kind === "local") return localFileBody(store.localPathOf(file.blobKey), range.start, range.end);
  return Readable.toWeb(await store.get(file.blobKey, range)) as ReadableStream<Uint8Array>;
}
