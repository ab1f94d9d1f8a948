import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClass } from "@/components/ui/button";

export const metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, { title: string; body: string }> = {
  Verification: {
    title: "This sign-in link has expired or was already used",
    body: "Sign-in links work once and only for a short time. Ask for a new one and use the newest e-mail.",
  },
  EmailSignin: { title: "We could not send the sign-in e-mail", body: "Check the address and try again." },
  RateLimited: {
    title: "Too many sign-in links were asked for",
    body: "Wait 15 minutes, then ask for a new link. The links already sent still work.",
  },
  AccessDenied: { title: "Access denied", body: "This account cannot sign in." },
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const message = MESSAGES[error ?? ""] ?? {
    title: "Something went wrong while signing in",
    body: "Please try again.",
  };
  return (
    <AuthCard title={message.title}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{message.body}</p>
      <Link href="/signin" className={buttonClass("primary", "mt-6 w-full")}>
        Get a new sign-in link
      </Link>
    </AuthCard>
  );
}
