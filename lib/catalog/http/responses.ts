import "server-only";
import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/files/disposition";
import type { DatasetExport } from "../export-dataset";

/** A streamed download with a Content-Disposition no file name can break out of. */
export function downloadResponse(file: DatasetExport): Response {
  const headers: Record<string, string> = {
    "Content-Type": file.contentType,
    "Content-Disposition": contentDisposition(file.filename),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (file.size !== undefined) headers["Content-Length"] = String(file.size);
  return new Response(Readable.toWeb(file.body) as ReadableStream<Uint8Array>, { headers });
}
