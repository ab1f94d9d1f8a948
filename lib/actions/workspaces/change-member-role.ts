"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeMemberRole, changeRoleInput } from "@/lib/workspaces/members";
import { defineAction } from "../define-action";

const input = changeRoleInput.extend({ workspaceId: z.string().min(1) });

const change = defineAction(input, async ({ workspaceId, ...member }, user) => {
  await changeMemberRole(user, workspaceId, member);
  revalidatePath("/w", "layout");
});

export async function changeMemberRoleAction(workspaceId: string, userId: string, role: string) {
  return change({ workspaceId, userId, role: role as "admin" | "member" });
}
