import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/util/errors";
import { getWorkspaceForActor, listMyWorkspaces } from "@/lib/workspaces/queries";

type Params = Promise<{ owner: string; workspace: string }>;

// One lookup per request for the layout and the page, keyed by the URL's names (React's cache lives
// for one request only, so a revoked membership or grant shows on the next one). The layout's
// workspace switcher needs the user's workspaces on every page: read beside the workspace, not after.
const lookUp = cache(async (owner: string, slug: string) => {
  const user = await requireUser(`/w/${owner}/${slug}`);
  const [workspace, myWorkspaces] = await Promise.all([
    orNotFound(getWorkspaceForActor(user, decodeURIComponent(owner), decodeURIComponent(slug), { allowPublic: true })),
    listMyWorkspaces(user),
  ]);
  return { user, workspace, myWorkspaces };
});

/**
 * The signed-in user and the workspace in the URL, as far as they may see it (lib/access
 * workspaceVisibility): a passer-by who sees only its public datasets gets scope "public". For the
 * layout and the pages of single datasets; a workspace they cannot see at all is a 404.
 */
export async function loadWorkspaceView(params: Params) {
  const { owner, workspace } = await params;
  return lookUp(owner, workspace);
}

/** The same for every other workspace page (catalog list, files, settings, activity): scope "public" is a 404. */
export async function loadWorkspace(params: Params) {
  const loaded = await loadWorkspaceView(params);
  if (loaded.workspace.scope === "public") notFound();
  return loaded as typeof loaded & { workspace: { scope: "workspace" | "shared" } };
}

/** Turns a service's "not found" into the 404 page (for pages a grantee may not see, like settings). */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
