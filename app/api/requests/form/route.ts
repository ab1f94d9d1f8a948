import { z } from "zod";
import { handleRoute, readQuery } from "@/lib/api/route";
import { getRequestForm } from "@/lib/requests/request-form";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const query = z.object({ datasetId: z.string().min(1) });

/** A dataset's access request form (questions, terms) for the share dialog: GET /api/requests/form?datasetId=… (managers). */
export function GET(request: Request) {
  return handleRoute(request, "token-or-session", async ({ actor }) =>
    getRequestForm(actor, readQuery(request, query).datasetId),
  );
}
