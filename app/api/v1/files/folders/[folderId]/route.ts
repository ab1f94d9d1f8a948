import { folderQuerySchema } from "@/lib/api/files";
import { apiRoute, readQuery } from "@/lib/api/route";
import { listFolder } from "@/lib/files/list-folder";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of a folder's entries, folders first (the file browser's own listing). */
export const GET = apiRoute<{ folderId: string }>(async ({ actor, request, params }) => ({
  folderId: params.folderId,
  ...(await listFolder(actor, params.folderId, readQuery(request, folderQuerySchema))),
}));
