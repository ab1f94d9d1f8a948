"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { policyInput } from "@/lib/policies/schemas";
import { updateWorkspacePolicy } from "@/lib/policies/workspace-policy";
import { defineAction } from "../define-action";

const input = policyInput.extend({ workspaceId: z.string().min(1) });

export const updatePolicyAction = defineAction(input, async ({ workspaceId, ...policy }, user) => {
  const saved = await updateWorkspacePolicy(user, workspaceId, policy);
  revalidatePath("/w", "layout");
  return saved;
});
