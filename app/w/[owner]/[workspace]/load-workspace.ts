import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/util/errors";
import { getWorkspaceForActor } from "@/lib/workspaces/queries";

type Params = Promise<{ owner: string; workspace: string }>;

/** The signed-in user and the workspace in the URL; a workspace they cannot read is a 404. */
export const loadWorkspace = cache(async (params: Params) => {
  const { owner, workspace: slug } = await params;
  const user = await requireUser(`/w/${owner}/${slug}`);
  try {
    const workspace = await getWorkspaceForActor(user, decodeURIComponent(owner), decodeURIComponent(slug));
    return { user, workspace };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

/** Turns a service's "not found" into the 404 page (for pages a grantee may not see, like settings). */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
