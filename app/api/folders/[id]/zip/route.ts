import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/files/disposition";
import { withRequestActor } from "@/lib/api/route";
import { zipFolder } from "@/lib/files/zip-folder";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A folder with everything in it as a ZIP, streamed while it is built. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withRequestActor(request, async (actor) => {
    const { filename, stream } = await zipFolder(actor, id);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": contentDisposition(filename),
        "Cache-Control": "private, no-store",
      },
    });
  });
}
