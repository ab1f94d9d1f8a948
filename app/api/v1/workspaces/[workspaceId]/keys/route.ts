import { createKey, createKeyBody, keysQuerySchema, revokeKeys } from "@/lib/api/keys";
import { apiRoute, noStoreJson, readJson, readQuery } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { listWorkspaceAccessLinks } from "@/lib/links/manage-links";

type Params = { workspaceId: string };
export const dynamic = "force-dynamic";

const write = apiRoute<Params>(async ({ actor, request, params }) =>
  noStoreJson(await createKey(actor, params.workspaceId, await readJson(request, createKeyBody)), { status: 201 }),
);

const read = apiRoute<Params>(async ({ actor, request, params }) => {
  const { resourceType, resourceId } = readQuery(request, keysQuerySchema);
  const links = await listWorkspaceAccessLinks(actor, params.workspaceId);
  return links.filter(
    (l) => (!resourceType || l.resource.type === resourceType) && (!resourceId || l.resource.id === resourceId),
  );
});

/** Revokes all keys of one resource (?resourceType=&resourceId=) or, without a query, of the whole workspace. */
const remove = apiRoute<Params>(async ({ actor, request, params }) => ({
  revoked: await revokeKeys(actor, params.workspaceId, readQuery(request, keysQuerySchema)),
}));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: read,
  POST: write,
  DELETE: remove,
});
