import { createKey, createKeyBody, keysQuerySchema, revokeKeys } from "@/lib/api/keys";
import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { listWorkspaceAccessLinks } from "@/lib/links/manage-links";

type Params = { workspaceId: string };
export const dynamic = "force-dynamic";

export const POST = apiRoute<Params>(async ({ actor, request, params }) =>
  Response.json(await createKey(actor, params.workspaceId, await readJson(request, createKeyBody)), { status: 201 }),
);

export const GET = apiRoute<Params>(async ({ actor, request, params }) => {
  const { resourceType, resourceId } = readQuery(request, keysQuerySchema);
  const links = await listWorkspaceAccessLinks(actor, params.workspaceId);
  return links.filter(
    (l) => (!resourceType || l.resource.type === resourceType) && (!resourceId || l.resource.id === resourceId),
  );
});

/** Revokes all keys of one resource (?resourceType=&resourceId=) or, without a query, of the whole workspace. */
export const DELETE = apiRoute<Params>(async ({ actor, request, params }) => ({
  revoked: await revokeKeys(actor, params.workspaceId, readQuery(request, keysQuerySchema)),
}));
