import { handleRoute, readQuery } from "@/lib/api/route";
import { previewAccessAs } from "@/lib/sharing/preview-as";
import { previewAsQuery } from "@/lib/sharing/read-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What one grantee sees: GET /api/sharing/preview-as?type=…&id=…&shareId=… (managers only). */
export function GET(request: Request) {
  return handleRoute(request, "token-or-session", async ({ actor }) => {
    const { type, id, shareId } = readQuery(request, previewAsQuery);
    return previewAccessAs(actor, type, id, shareId);
  });
}
