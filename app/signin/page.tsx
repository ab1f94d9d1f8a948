import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { ExposedMailboxWarning } from "@/components/auth/exposed-mailbox-warning";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth/session";
import { isLocalMail } from "@/lib/email/config";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { isAccessLinkPath } from "@/lib/links/sign-in-return";
import { listensBeyondLocalhost, mayReadLocalMailbox } from "@/lib/http/local-request";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getSessionUser()) redirect(target);
  // The callback URL travels inside the sign-in e-mail: an access link's token must not.
  if (isAccessLinkPath(target)) redirect(`/signin/from-link?to=${encodeURIComponent(target)}`);
  const head = await headers();
  return (
    <AuthCard title="Sign in to Datashelf">
      {isLocalMail() && listensBeyondLocalhost() ? <ExposedMailboxWarning /> : null}
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        We e-mail you a link that signs you in. New here? The same link creates your account.
      </p>
      <SignInForm callbackUrl={target} />
      {mayReadLocalMailbox(head) ? (
        <p className="mt-4 text-xs text-zinc-500">
          E-mail is delivered to the{" "}
          <Link className="underline" href="/mailbox">
            local mailbox
          </Link>{" "}
          on this server.
        </p>
      ) : null}
    </AuthCard>
  );
}
