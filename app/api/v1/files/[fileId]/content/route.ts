import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { openFileDownload } from "@/lib/files/open-download";
import { serveFile } from "@/lib/files/serve-file";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A file's bytes, streamed with Range (206/416), ETag and If-None-Match (304): the same service as the file browser. */
const download = apiRoute<{ fileId: string }>(async ({ actor, request, params }) => {
  const { file, recordDownload } = await openFileDownload(actor, params.fileId);
  return serveFile(request, file, { onBody: recordDownload });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: download, HEAD: download });
