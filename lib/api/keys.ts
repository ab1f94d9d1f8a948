import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import {
  createAccessLink,
  listWorkspaceAccessLinks,
  revokeAccessLink,
  revokeAllAccessLinks,
} from "@/lib/links/manage-links";
import { resourceTypeSchema } from "@/lib/sharing/schemas";
import { loadSharedResource } from "@/lib/sharing/shared-resource";
import { invalid, notFound } from "@/lib/util/errors";

/** Veracity-style SAS key request: a resource, an end ("expiresOn"), optional start, mode, password, label. */
export const createKeyBody = z.object({
  resource: z.object({ type: resourceTypeSchema, id: z.string().min(1) }),
  expiresOn: z.coerce.date().optional(),
  startsOn: z.coerce.date().optional(),
  mode: z.enum(["public", "authenticated"]).optional(),
  password: z.string().max(200).optional().describe("at least 8 characters; empty for none"),
  label: z.string().trim().max(100).optional(),
});

export async function createKey(actor: Actor, workspaceId: string, body: z.infer<typeof createKeyBody>) {
  const target = await loadSharedResource(body.resource.type, body.resource.id);
  if (target.workspace.id !== workspaceId) throw notFound("Not found");
  const link = await createAccessLink(actor, {
    resourceType: body.resource.type,
    resourceId: body.resource.id,
    expiresAt: body.expiresOn,
    startsAt: body.startsOn,
    mode: body.mode,
    password: body.password,
    label: body.label,
  });
  return { id: link.id, token: link.token, url: link.url, expiresOn: link.expiresAt.toISOString() };
}

/**
 * Revokes one key of a workspace. Rule: the key must belong to the workspace in the path (a key
 * of another workspace is "Not found" even for its managers), and only managers revoke.
 */
export async function revokeWorkspaceKey(actor: Actor, workspaceId: string, keyId: string): Promise<number> {
  const links = await listWorkspaceAccessLinks(actor, workspaceId); // managers only
  if (!links.some((l) => l.id === keyId)) throw notFound("Key not found");
  await revokeAccessLink(actor, keyId);
  return 1;
}

/** GET and DELETE /workspaces/{workspaceId}/keys: narrow to one resource's keys. */
export const keysQuerySchema = z.object({
  resourceType: resourceTypeSchema.optional(),
  resourceId: z.string().min(1).optional(),
});

/**
 * Revokes every key of one resource (both resourceType and resourceId given) or, with neither,
 * every key of the workspace. Rule: a query naming only one of the two is refused (422), so a
 * typo can never widen "this resource" into "the whole workspace". Managers only.
 */
export async function revokeKeys(
  actor: Actor,
  workspaceId: string,
  query: z.output<typeof keysQuerySchema>,
): Promise<number> {
  const { resourceType, resourceId } = query;
  if (Boolean(resourceType) !== Boolean(resourceId)) {
    throw invalid(
      "Give both resourceType and resourceId to revoke one resource's keys, or neither to revoke every key of the workspace.",
      { [resourceType ? "resourceId" : "resourceType"]: "Required with the other" },
    );
  }
  if (resourceType && resourceId) {
    const target = await loadSharedResource(resourceType, resourceId);
    if (target.workspace.id !== workspaceId) throw notFound("Not found");
    return revokeAllAccessLinks(actor, resourceType, resourceId);
  }
  return revokeAllAccessLinks(actor, "workspace", workspaceId, { wholeWorkspace: true });
}
