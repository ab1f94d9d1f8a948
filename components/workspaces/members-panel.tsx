"use client";
import { useActionState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldError, useActionResult } from "@/components/ui/use-action-result";
import { cancelInvitationAction } from "@/lib/actions/workspaces/cancel-invitation";
import { changeMemberRoleAction } from "@/lib/actions/workspaces/change-member-role";
import { inviteMemberAction } from "@/lib/actions/workspaces/invite-member";
import { removeMemberAction } from "@/lib/actions/workspaces/remove-member";
import type { Result } from "@/lib/util/result";
import { useRouter } from "next/navigation";
import { formatDate } from "@/lib/util/format";

type Member = {
  userId: string;
  username: string | null;
  email: string;
  role: "owner" | "admin" | "member";
  /** decided on the server (lib/access memberControls) */
  controls: { changeRole: boolean; remove: boolean };
};
type Invitation = { id: string; email: string; role: string; expiresAt: string };

export function MembersPanel({
  workspaceId,
  members,
  invitations,
  canManage,
  selfId,
}: {
  workspaceId: string;
  members: Member[];
  invitations: Invitation[];
  canManage: boolean;
  selfId: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, inviteAction, inviting] = useActionState(inviteMemberAction.bind(null, workspaceId), null);
  useActionResult(result, result?.ok ? `Invitation sent to ${result.data.invited}` : undefined);

  function run(call: () => Promise<Result<void>>, success: string) {
    startTransition(async () => {
      const r = await call();
      if (r.ok) {
        toast.success(success);
        router.refresh();
      } else toast.error(r.message);
    });
  }

  return (
    <div className="space-y-6">
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Members">
        {members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="text-sm font-medium">
                {m.username ?? m.email}
                {m.userId === selfId ? " (you)" : ""}
              </p>
              <p className="text-xs text-zinc-500">{m.email}</p>
            </div>
            <div className="flex items-center gap-2">
              {!m.controls.changeRole ? (
                <span className="text-sm capitalize text-zinc-600 dark:text-zinc-400">{m.role}</span>
              ) : (
                <select
                  aria-label={`Role of ${m.username ?? m.email}`}
                  defaultValue={m.role}
                  disabled={pending}
                  className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                  onChange={(e) =>
                    run(() => changeMemberRoleAction(workspaceId, m.userId, e.target.value), "Role changed")
                  }
                >
                  <option value="member">Member</option>
                  <option value="admin">Admin</option>
                </select>
              )}
              {m.controls.remove ? (
                <Button
                  variant="ghost"
                  disabled={pending}
                  onClick={() =>
                    run(
                      () => removeMemberAction(workspaceId, m.userId),
                      m.userId === selfId ? "You left the workspace" : "Member removed",
                    )
                  }
                >
                  {m.userId === selfId ? "Leave" : "Remove"}
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {invitations.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold">Pending invitations</h3>
          <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Pending invitations">
            {invitations.map((i) => (
              <li key={i.id} className="flex items-center justify-between py-2 text-sm">
                <span>
                  {i.email} · <span className="capitalize">{i.role}</span> · expires {formatDate(i.expiresAt)}
                </span>
                {canManage ? (
                  <Button
                    variant="ghost"
                    disabled={pending}
                    onClick={() => run(() => cancelInvitationAction(workspaceId, i.id), "Invitation cancelled")}
                  >
                    Cancel
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {canManage ? (
        <form action={inviteAction} className="flex flex-wrap items-end gap-3" aria-label="Invite a member">
          <div className="min-w-64 flex-1">
            <TextField
              label="Invite by e-mail"
              name="email"
              type="email"
              required
              placeholder="colleague@example.com"
              error={fieldError(result, "email")}
            />
          </div>
          <div className="w-36">
            <SelectField label="Role" name="role" defaultValue="member">
              <option value="member">Member</option>
              <option value="admin">Admin</option>
            </SelectField>
          </div>
          <Button type="submit" disabled={inviting}>
            {inviting ? "Inviting…" : "Send invitation"}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
