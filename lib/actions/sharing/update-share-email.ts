"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { shareEmailSettingsInput, updateShareEmailSettings } from "@/lib/sharing/share-email-settings";
import { defineAction } from "../define-action";
import { formObject } from "../with-user";

const input = shareEmailSettingsInput.extend({ workspaceId: z.string().min(1) });

const update = defineAction(input, async ({ workspaceId, ...settings }, user) => {
  const saved = await updateShareEmailSettings(user, workspaceId, settings);
  revalidatePath("/w", "layout");
  return saved;
});

/** The share e-mail form (useActionState, bound to its workspace). */
export async function updateShareEmailAction(workspaceId: string, _previous: unknown, form: FormData) {
  const { subject = "", intro = "" } = formObject(form);
  return update({ workspaceId, subject, intro });
}
