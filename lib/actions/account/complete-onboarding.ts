"use server";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { completeOnboarding } from "@/lib/users/complete-onboarding";
import { formObject, withUser } from "../with-user";

export async function completeOnboardingAction(_prev: unknown, form: FormData) {
  return withUser(async (user) => {
    const { next, ...input } = formObject<{ next?: string; username: string; name?: string }>(form);
    const { username, workspaceSlug } = await completeOnboarding(user.id, input);
    const target = safeCallbackUrl(next);
    return { url: target === "/" ? `/w/${username}/${workspaceSlug}` : target };
  });
}
