import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitation } from "@/components/workspaces/accept-invitation";
import { requireUser } from "@/lib/auth/session";
import { describeInvitation } from "@/lib/workspaces/invitations";

export const metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requireUser(`/invite/${token}`);
  const invitation = await describeInvitation(token);
  if (!invitation) {
    return (
      <AuthCard title="Invitation not available">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This invitation link has expired, was cancelled, or was already used. Ask for a new one.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Join ${invitation.workspaceName}`}>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        You were invited as {invitation.role === "admin" ? "an admin" : "a member"}, at {invitation.email}. You are
        signed in as {user.email}.
      </p>
      <AcceptInvitation token={token} />
    </AuthCard>
  );
}
