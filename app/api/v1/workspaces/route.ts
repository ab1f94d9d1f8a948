import { apiRoute, readJson } from "@/lib/api/route";
import { createWorkspace, createWorkspaceInput } from "@/lib/workspaces/create-workspace";
import { listMyWorkspaces } from "@/lib/workspaces/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor }) =>
  (await listMyWorkspaces(actor)).map(({ id, owner, slug, name, personal, role }) => ({
    id,
    owner,
    slug,
    name,
    personal,
    role,
  })),
);

export const POST = apiRoute(async ({ actor, request }) => {
  const w = await createWorkspace(actor, await readJson(request, createWorkspaceInput));
  return Response.json({ id: w.id, owner: actor.username, slug: w.slug, name: w.name }, { status: 201 });
});
