import { AuthCard } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";
import { describeShareInvitation } from "@/lib/sharing/share-invitations";

export const metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

/** Shows the invitation; accepting is a POST so that link scanners opening the e-mail cannot use it up. */
export default async function ShareInvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const { token } = await params;
  const { error } = await searchParams;
  const invitation = await describeShareInvitation(token);
  if (!invitation) {
    return (
      <AuthCard title="Invitation not available">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This invitation has expired, was revoked, or was already used. Ask the person who shared it for a new one.
        </p>
      </AuthCard>
    );
  }
  const user = await getSessionUser();
  return (
    <AuthCard title={`${invitation.sharer} shared ${invitation.what} with you`}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        As {invitation.role === "editor" ? "an editor" : "a viewer"}, for <strong>{invitation.email}</strong>.
        {user
          ? ` You are signed in as ${user.email}.`
          : " Accepting creates your account with that address, or asks you to sign in if you already have one."}
      </p>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <form method="post" action={`/invite/share/${token}/accept`} className="mt-6">
        <Button type="submit" className="w-full">
          Accept and open
        </Button>
      </form>
    </AuthCard>
  );
}
