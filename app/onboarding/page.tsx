import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { OnboardingForm } from "@/components/auth/onboarding-form";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { suggestUsername } from "@/lib/users/username";

export const metadata = { title: "Choose a username" };

export default async function OnboardingPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  if (user.username) redirect("/");
  return (
    <AuthCard title="Choose your username">
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        Signed in as {user.email}. Pick the name people will share with.
      </p>
      <OnboardingForm
        suggestion={await suggestUsername(user.email)}
        name={user.name ?? ""}
        next={safeCallbackUrl(callbackUrl)}
      />
    </AuthCard>
  );
}
