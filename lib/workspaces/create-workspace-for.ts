import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import { createWorkspace, type createWorkspaceInput } from "./create-workspace";
import type { z } from "zod";

/** For the CLI: create a workspace for a user named by username. */
export async function createWorkspaceFor(ownerUsername: string, input: z.input<typeof createWorkspaceInput>) {
  const owner = await getDb().user.findUnique({ where: { username: ownerUsername.trim().toLowerCase() } });
  if (!owner) throw notFound(`No user with username "${ownerUsername}".`);
  return createWorkspace(owner, input);
}
