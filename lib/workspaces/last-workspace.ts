import "server-only";
import type { Actor } from "@/lib/access";
import { AppError } from "@/lib/util/errors";
import { type WorkspaceView, getWorkspaceForActor } from "./queries";

/**
 * The browser cookie naming the workspace the user was last in ("owner/slug"), so pages outside a
 * workspace (Shared with me, Shared by me, Account) keep its switcher and sidebar. Not a secret and
 * not trusted: set by the browser, it is checked on every read.
 */
export const LAST_WORKSPACE_COOKIE = "ds_last_workspace";

/** "owner/slug" (each part as in the URL), or null when the value is not of that shape. */
export function parseLastWorkspace(value: string | undefined | null): { owner: string; slug: string } | null {
  if (!value) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  const match = /^([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_-]{1,64})$/.exec(decoded);
  return match ? { owner: match[1]!, slug: match[2]! } : null;
}

/**
 * The workspace named by the cookie, as the actor may see it now. Rule: decided by lib/access
 * through getWorkspaceForActor, so a workspace they left, were removed from or lost the share of is
 * null (as is one that only shows them its public datasets: it has no catalog or files for them).
 */
export async function resolveLastWorkspace(
  actor: Actor,
  value: string | undefined | null,
): Promise<WorkspaceView | null> {
  const named = parseLastWorkspace(value);
  if (!named) return null;
  try {
    return await getWorkspaceForActor(actor, named.owner, named.slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}
