import { folderQuerySchema } from "@/lib/api/files";
import { apiRoute, readQuery } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { listFolder } from "@/lib/files/list-folder";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of a folder's entries, folders first (the file browser's own listing). */
const read = apiRoute<{ folderId: string }>(async ({ actor, request, params }) => ({
  folderId: params.folderId,
  ...(await listFolder(actor, params.folderId, readQuery(request, folderQuerySchema))),
}));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
