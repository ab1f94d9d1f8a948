import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { headers } from "next/headers";
import { mayReadLocalMailbox } from "@/lib/http/local-request";

export const metadata = { title: "Check your e-mail" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const showMailbox = mayReadLocalMailbox(await headers());
  return (
    <AuthCard title="Check your e-mail">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        We sent a sign-in link to{" "}
        <strong className="text-zinc-900 dark:text-zinc-100">{email ?? "your address"}</strong>. It works once and
        expires soon.
      </p>
      {showMailbox ? (
        <Link
          href={email ? `/mailbox?to=${encodeURIComponent(email)}` : "/mailbox"}
          className="mt-4 inline-block text-sm font-medium text-brand-700 underline dark:text-brand-500"
        >
          Open the local mailbox
        </Link>
      ) : null}
      <p className="mt-6 text-xs text-zinc-500">
        <Link className="underline" href="/signin">
          Use another address
        </Link>
      </p>
    </AuthCard>
  );
}
