import { z } from "zod";
import { handleRoute, readQuery } from "@/lib/api/route";
import { listFileRequests } from "@/lib/file-requests/list-file-requests";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const query = z.object({ folderId: z.string().min(1, "Name the folder (folderId).") });

/** A folder's file requests for the file browser: GET /api/file-requests?folderId=… (those who may write it). */
export function GET(request: Request) {
  return handleRoute(request, "token-or-session", async ({ actor }) => {
    const { folderId } = readQuery(request, query);
    return listFileRequests(actor, folderId);
  });
}
