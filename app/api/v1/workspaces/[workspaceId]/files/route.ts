import { folderQuerySchema, listWorkspaceFiles } from "@/lib/api/files";
import { apiRoute, readQuery } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The workspace's top folder: one page of entries, folders first. */
const read = apiRoute<{ workspaceId: string }>(async ({ actor, request, params }) =>
  listWorkspaceFiles(actor, params.workspaceId, readQuery(request, folderQuerySchema)),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
