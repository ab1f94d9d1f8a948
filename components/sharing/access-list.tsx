"use client";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { resendInvitationAction } from "@/lib/actions/sharing/resend-invitation";
import { SHARE_ROLES, SHARE_ROLE_LABELS, type ShareRole } from "@/lib/sharing/schemas";
import type { AccessRowView, useAccess } from "./use-access";
import { formatDate } from "@/lib/util/format";

const KIND_LABEL: Record<AccessRowView["kind"], string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  grant: "",
  inherited: "",
  "workspace-member": "",
};

export function AccessList({
  rows,
  access,
  onPreview,
}: {
  rows: AccessRowView[];
  access: ReturnType<typeof useAccess>;
  onPreview?: (shareId: string) => void;
}) {
  const [resending, startResend] = useTransition();
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Who has access">
      {rows.map((r, i) => (
        <li
          key={r.shareId ?? `${r.kind}-${i}`}
          className="flex flex-wrap items-center justify-between gap-2 py-2.5"
          data-testid="access-row"
        >
          <div className="min-w-0">
            <p className="truncate text-sm font-medium">
              {r.granteeType === "workspace" ? "Workspace " : ""}
              {r.grantee}
              {r.pending ? (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800 dark:bg-amber-900 dark:text-amber-100">
                  invitation pending
                </span>
              ) : null}
              {r.expired ? (
                <span className="ml-2 rounded bg-zinc-200 px-1.5 py-0.5 text-xs dark:bg-zinc-700">expired</span>
              ) : null}
            </p>
            <p className="truncate text-xs text-zinc-500">
              {r.detail && !r.pending ? r.detail : null}
              {r.from ? (r.kind === "workspace-member" ? ` · through ${r.from}` : ` · inherited from ${r.from}`) : null}
              {r.expiresAt && !r.expired ? ` · until ${formatDate(r.expiresAt)}` : null}
              {r.note ? ` · “${r.note}”` : null}
              {r.allowAddToWorkspace ? " · may add to their workspaces" : null}
            </p>
          </div>
          <div className="flex items-center gap-1">
            {r.kind === "grant" && r.shareId ? (
              <>
                <select
                  aria-label={`Role of ${r.grantee}`}
                  value={r.role}
                  onChange={(e) => access.changeRole.mutate({ shareId: r.shareId!, role: e.target.value as ShareRole })}
                  className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                >
                  {SHARE_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {SHARE_ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
                <Button
                  variant="ghost"
                  aria-label={`Resend the e-mail to ${r.grantee}`}
                  disabled={resending}
                  onClick={() =>
                    startResend(async () => {
                      const res = await resendInvitationAction({ shareId: r.shareId! });
                      if (res.ok) toast.success(`E-mail sent again to ${r.grantee}`);
                      else toast.error(res.message);
                    })
                  }
                >
                  Resend
                </Button>
                {onPreview ? (
                  <Button variant="ghost" aria-label={`Preview as ${r.grantee}`} onClick={() => onPreview(r.shareId!)}>
                    Preview
                  </Button>
                ) : null}
                <Button
                  variant="ghost"
                  aria-label={`Revoke access of ${r.grantee}`}
                  onClick={() => access.revoke.mutate(r.shareId!)}
                >
                  Revoke
                </Button>
              </>
            ) : (
              <span className="text-sm capitalize text-zinc-600 dark:text-zinc-400">
                {KIND_LABEL[r.kind] || ((SHARE_ROLE_LABELS as Record<string, string>)[r.role] ?? r.role)}
              </span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
