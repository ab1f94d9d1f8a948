import { folderQuerySchema, listWorkspaceFiles } from "@/lib/api/files";
import { apiRoute, readQuery } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The workspace's top folder: one page of entries, folders first. */
export const GET = apiRoute<{ workspaceId: string }>(async ({ actor, request, params }) =>
  listWorkspaceFiles(actor, params.workspaceId, readQuery(request, folderQuerySchema)),
);
