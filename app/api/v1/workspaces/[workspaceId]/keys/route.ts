import { createKey, createKeyBody } from "@/lib/api/keys";
import { apiRoute, readJson } from "@/lib/api/route";
import { listWorkspaceAccessLinks, revokeAllAccessLinks } from "@/lib/links/manage-links";
import { resourceTypeSchema } from "@/lib/sharing/schemas";

type Params = { workspaceId: string };
export const dynamic = "force-dynamic";

export const POST = apiRoute<Params>(async ({ actor, request, params }) =>
  Response.json(await createKey(actor, params.workspaceId, await readJson(request, createKeyBody)), { status: 201 }),
);

export const GET = apiRoute<Params>(async ({ actor, request, params }) => {
  const search = new URL(request.url).searchParams;
  const links = await listWorkspaceAccessLinks(actor, params.workspaceId);
  const type = search.get("resourceType");
  const id = search.get("resourceId");
  return links.filter((l) => (!type || l.resource.type === type) && (!id || l.resource.id === id));
});

/** Revokes all keys of one resource (?resourceType=&resourceId=) or, without a query, of the whole workspace. */
export const DELETE = apiRoute<Params>(async ({ actor, request, params }) => {
  const search = new URL(request.url).searchParams;
  const type = search.get("resourceType");
  const id = search.get("resourceId");
  const revoked = type && id
    ? await revokeAllAccessLinks(actor, resourceTypeSchema.parse(type), id)
    : await revokeAllAccessLinks(actor, "workspace", params.workspaceId, { wholeWorkspace: true });
  return { revoked };
});
