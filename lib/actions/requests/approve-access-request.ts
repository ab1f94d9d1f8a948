"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { approveAccessRequest } from "@/lib/requests/decide-request";
import { approveRequestInput } from "@/lib/requests/schemas";
import { defineAction } from "../define-action";

const input = z.object({ requestId: z.string().min(1) }).and(approveRequestInput);

export const approveAccessRequestAction = defineAction(input, async ({ requestId, ...decision }, user) => {
  const approved = await approveAccessRequest(user, requestId, decision);
  revalidatePath("/w", "layout");
  return approved;
});
