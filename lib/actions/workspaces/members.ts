"use server";
import { revalidatePath } from "next/cache";
import { acceptInvitation, cancelInvitation, inviteMember } from "@/lib/workspaces/invitations";
import { changeMemberRole, removeMember } from "@/lib/workspaces/members";
import { formObject, withUser } from "../with-user";

export async function inviteMemberAction(workspaceId: string, _prev: unknown, form: FormData) {
  return withUser(async (user) => {
    await inviteMember(user, workspaceId, formObject<never>(form));
    revalidatePath("/w", "layout");
    return { invited: formObject(form).email ?? "" };
  });
}

export async function changeMemberRoleAction(workspaceId: string, userId: string, role: string) {
  return withUser(async (user) => {
    await changeMemberRole(user, workspaceId, { userId, role: role as "admin" | "member" });
    revalidatePath("/w", "layout");
  });
}

export async function removeMemberAction(workspaceId: string, userId: string) {
  return withUser(async (user) => {
    await removeMember(user, workspaceId, userId);
    revalidatePath("/w", "layout");
  });
}

export async function cancelInvitationAction(workspaceId: string, invitationId: string) {
  return withUser(async (user) => {
    await cancelInvitation(user, workspaceId, invitationId);
    revalidatePath("/w", "layout");
  });
}

export async function acceptInvitationAction(token: string) {
  return withUser(async (user) => {
    const { owner, slug } = await acceptInvitation(user, token);
    return { url: `/w/${owner}/${slug}` };
  });
}
