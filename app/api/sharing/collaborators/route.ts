import { handleRoute, readQuery } from "@/lib/api/route";
import { suggestCollaborators } from "@/lib/sharing/collaborators";
import { collaboratorsQuery } from "@/lib/sharing/read-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The share dialog's autocomplete: GET /api/sharing/collaborators?q=… (people the caller works with). */
export function GET(request: Request) {
  return handleRoute(request, "token-or-session", async ({ actor }) => {
    const { q } = readQuery(request, collaboratorsQuery);
    return suggestCollaborators(actor, q);
  });
}
