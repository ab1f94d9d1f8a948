import { openFileDownload } from "@/lib/files/open-download";
import { withRequestActor } from "@/lib/api/route";
import { serveFile } from "@/lib/files/serve-file";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** A file's content, streamed with Range support. `?inline=1` shows safe types in the browser. */
async function download(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return withRequestActor(request, async (actor) => {
    const inline = new URL(request.url).searchParams.get("inline") === "1";
    const { file, recordDownload } = await openFileDownload(actor, id, { inline });
    return serveFile(request, file, { inline, onBody: recordDownload });
  });
}

export { download as GET, download as HEAD };
