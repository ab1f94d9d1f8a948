"use server";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { completeOnboarding, onboardingInput } from "@/lib/users/complete-onboarding";
import { defineFormAction } from "../define-action";

const input = onboardingInput.extend({ next: z.string().optional() });

export const completeOnboardingAction = defineFormAction(input, async ({ next, ...profile }, user) => {
  const { username, workspaceSlug } = await completeOnboarding(user.id, profile);
  const target = safeCallbackUrl(next);
  return { url: target === "/" ? `/w/${username}/${workspaceSlug}` : target };
});
