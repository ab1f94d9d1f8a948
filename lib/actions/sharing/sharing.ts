"use server";
import { revalidatePath } from "next/cache";
import { addShareToWorkspace } from "@/lib/sharing/add-to-workspace";
import { changeShareRole, resendShareInvitation } from "@/lib/sharing/change-share";
import { suggestCollaborators } from "@/lib/sharing/collaborators";
import { listKnownGranteeWorkspaces, listResourceAccess } from "@/lib/sharing/list-access";
import { revokeShare } from "@/lib/sharing/revoke-share";
import { type ResourceType, type ShareInput, type ShareRole, resourceTypeSchema } from "@/lib/sharing/schemas";
import { shareResource } from "@/lib/sharing/share-resource";
import { withUser } from "../with-user";

export async function getAccessAction(type: ResourceType, id: string) {
  return withUser(async (user) => {
    const rows = await listResourceAccess(user, resourceTypeSchema.parse(type), id);
    const workspaces = await listKnownGranteeWorkspaces(user, type, id);
    return { rows: rows.map((r) => ({ ...r, expiresAt: r.expiresAt?.toISOString() ?? null, createdAt: r.createdAt?.toISOString() ?? null })), workspaces };
  });
}

export async function shareAction(type: ResourceType, id: string, input: ShareInput) {
  return withUser(async (user) => {
    const outcomes = await shareResource(user, resourceTypeSchema.parse(type), id, input);
    revalidatePath("/shared", "layout");
    return outcomes;
  });
}

export async function changeShareRoleAction(shareId: string, role: ShareRole) {
  return withUser((user) => changeShareRole(user, shareId, role));
}

export async function revokeShareAction(shareId: string) {
  return withUser(async (user) => {
    await revokeShare(user, shareId);
    revalidatePath("/shared", "layout");
  });
}

export async function revokeSharesAction(shareIds: string[]) {
  return withUser(async (user) => {
    for (const id of shareIds.slice(0, 500)) await revokeShare(user, id);
    revalidatePath("/shared", "layout");
    return { revoked: Math.min(shareIds.length, 500) };
  });
}

export async function resendInvitationAction(shareId: string) {
  return withUser((user) => resendShareInvitation(user, shareId));
}

export async function suggestCollaboratorsAction(query: string) {
  return withUser((user) => suggestCollaborators(user, query));
}

export async function addToWorkspaceAction(shareId: string, workspaceId: string) {
  return withUser(async (user) => {
    const result = await addShareToWorkspace(user, shareId, workspaceId);
    revalidatePath("/shared", "layout");
    return result;
  });
}
