"use server";
import { revalidatePath } from "next/cache";
import { addShareToWorkspace } from "@/lib/sharing/add-to-workspace";
import { changeShareRole, resendShareEmail } from "@/lib/sharing/change-share";
import { suggestCollaborators } from "@/lib/sharing/collaborators";
import { listKnownGranteeWorkspaces, listResourceAccess } from "@/lib/sharing/list-access";
import { revokeShare } from "@/lib/sharing/revoke-share";
import { type ResourceType, type ShareInput, type ShareRole, resourceTypeSchema } from "@/lib/sharing/schemas";
import { shareResource } from "@/lib/sharing/share-resource";
import { setDatasetVisibility } from "@/lib/catalog/set-visibility";
import { getDb } from "@/lib/db";
import { previewAccessAs } from "@/lib/sharing/preview-as";
import { updateShareEmailSettings } from "@/lib/sharing/share-email-settings";
import { getShareAllowAddDefault, setShareAllowAddDefault } from "@/lib/sharing/share-add-default";
import { listResourceHistory } from "@/lib/sharing/resource-history";
import { withUser } from "../with-user";

export async function getAccessAction(type: ResourceType, id: string) {
  return withUser(async (user) => {
    const rows = await listResourceAccess(user, resourceTypeSchema.parse(type), id);
    const workspaces = await listKnownGranteeWorkspaces(user, type, id);
    // listResourceAccess has checked "manage"; the dataset's visibility belongs in the same dialog.
    const visibility =
      type === "dataset"
        ? ((await getDb().dataset.findUnique({ where: { id }, select: { visibility: true } }))?.visibility ?? null)
        : null;
    const allowAddDefault = await getShareAllowAddDefault(user, type, id);
    return {
      visibility,
      allowAddDefault,
      rows: rows.map((r) => ({
        ...r,
        expiresAt: r.expiresAt?.toISOString() ?? null,
        createdAt: r.createdAt?.toISOString() ?? null,
      })),
      workspaces,
    };
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
  return withUser((user) => resendShareEmail(user, shareId));
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

export async function setVisibilityAction(datasetId: string, visibility: string) {
  return withUser(async (user) => {
    const result = await setDatasetVisibility(user, datasetId, visibility);
    revalidatePath("/w", "layout");
    return result;
  });
}

export async function resourceHistoryAction(type: ResourceType, id: string) {
  return withUser((user) => listResourceHistory(user, type, id));
}

export async function previewAsAction(type: ResourceType, id: string, shareId: string) {
  return withUser((user) => previewAccessAs(user, type, id, shareId));
}

export async function updateShareEmailAction(workspaceId: string, _state: unknown, form: FormData) {
  return withUser(async (user) => {
    const saved = await updateShareEmailSettings(user, workspaceId, {
      subject: String(form.get("subject") ?? ""),
      intro: String(form.get("intro") ?? ""),
    });
    revalidatePath("/w", "layout");
    return saved;
  });
}

export async function setShareAllowAddDefaultAction(workspaceId: string, allow: boolean) {
  return withUser(async (user) => {
    const saved = await setShareAllowAddDefault(user, workspaceId, allow);
    revalidatePath("/w", "layout");
    return saved;
  });
}
