import { apiRoute, noStoreJson, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { createWorkspace, createWorkspaceInput } from "@/lib/workspaces/create-workspace";
import { listMyWorkspaces } from "@/lib/workspaces/queries";

export const dynamic = "force-dynamic";

const read = apiRoute(async ({ actor }) =>
  (await listMyWorkspaces(actor)).map(({ id, owner, slug, name, personal, role }) => ({
    id,
    owner,
    slug,
    name,
    personal,
    role,
  })),
);

const write = apiRoute(async ({ actor, request }) => {
  const w = await createWorkspace(actor, await readJson(request, createWorkspaceInput));
  return noStoreJson({ id: w.id, owner: actor.username, slug: w.slug, name: w.name }, { status: 201 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read, POST: write });
