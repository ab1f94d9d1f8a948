import { apiRoute, noStoreJson, readJson, readQuery } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { createFileRequestBody, fileRequestsQuery } from "@/lib/file-requests/api";
import { createFileRequest } from "@/lib/file-requests/create-file-request";
import { listFileRequests } from "@/lib/file-requests/list-file-requests";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A folder's file requests (?folderId=), newest first. */
const read = apiRoute(async ({ actor, request }) => {
  const { folderId } = readQuery(request, fileRequestsQuery);
  return listFileRequests(actor, folderId);
});

/** Creates a file request; its URL (with the token) is in this answer only. */
const write = apiRoute(async ({ actor, request }) => {
  const { id, url, expiresAt, targetFolderId } = await createFileRequest(
    actor,
    await readJson(request, createFileRequestBody),
  );
  return noStoreJson({ id, url, expiresAt, targetFolderId }, { status: 201 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read, POST: write });
