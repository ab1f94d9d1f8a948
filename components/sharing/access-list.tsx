"use client";
import { Fragment, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { resendInvitationAction } from "@/lib/actions/sharing/resend-invitation";
import { shareRolesFor } from "@/lib/aggregate/share-roles";
import { SHARE_ROLE_LABELS, type ResourceType, type ShareRole } from "@/lib/sharing/schemas";
import type { AccessRowView, useAccess } from "./use-access";
import { formatDate, formatNumber } from "@/lib/util/format";

const KIND_LABEL: Record<AccessRowView["kind"], string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  grant: "",
  inherited: "",
  "workspace-member": "",
};

const smallButton = "px-1.5 py-1 text-xs";

/** Who a row is: the display name where it may be shown, then the username and e-mail address. */
function Who({ row }: { row: AccessRowView }) {
  const details = [
    row.pending ? "invitation pending" : null,
    row.name ? row.grantee : null,
    row.detail && !row.pending ? row.detail : null,
    row.from ? `${row.kind === "workspace-member" ? "through" : "inherited from"} ${row.from}` : null,
    row.expiresAt && !row.expired ? `until ${formatDate(row.expiresAt)}` : null,
    row.note ? `“${row.note}”` : null,
    row.allowAddToWorkspace ? "may add to their workspaces" : null,
    row.slice ? `only ${row.slice}` : null,
    row.minGroupSize ? `Totals only, groups of at least ${formatNumber(row.minGroupSize)} rows` : null,
  ].filter(Boolean);
  return (
    <div className="min-w-0 flex-1 basis-48">
      <p className="truncate text-sm font-medium">
        {row.granteeType === "workspace" ? "Workspace " : ""}
        {row.name || row.grantee}
        {row.expired ? (
          <span className="ml-2 rounded bg-zinc-200 px-1.5 py-0.5 text-xs dark:bg-zinc-700">expired</span>
        ) : null}
      </p>
      {details.length ? (
        <p className="truncate text-xs text-zinc-500">
          {details.map((d, i) => (
            <Fragment key={i}>
              {i ? " · " : null}
              <span className={row.pending && i === 0 ? "text-amber-700 dark:text-amber-300" : undefined}>{d}</span>
            </Fragment>
          ))}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Who has access, one compact row each: name, username and e-mail, end date, and for direct grants
 * the role inline with resend, preview and revoke.
 */
export function AccessList({
  type,
  rows,
  access,
  onPreview,
}: {
  type: ResourceType;
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
          className="flex flex-wrap items-center justify-between gap-x-2 py-0.5 sm:flex-nowrap"
          data-testid="access-row"
        >
          <Who row={r} />
          <div className="flex flex-wrap items-center gap-0.5 sm:shrink-0 sm:flex-nowrap">
            {r.kind === "grant" && r.shareId ? (
              <>
                <select
                  aria-label={`Role of ${r.grantee}`}
                  value={r.role}
                  onChange={(e) => access.changeRole.mutate({ shareId: r.shareId!, role: e.target.value as ShareRole })}
                  className="max-w-44 rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
                >
                  {shareRolesFor(type).map((role) => (
                    <option key={role} value={role}>
                      {SHARE_ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
                <Button
                  variant="ghost"
                  className={smallButton}
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
                  <Button
                    variant="ghost"
                    className={smallButton}
                    aria-label={`Preview as ${r.grantee}`}
                    onClick={() => onPreview(r.shareId!)}
                  >
                    Preview
                  </Button>
                ) : null}
                <Button
                  variant="ghost"
                  className={`${smallButton} text-red-700 dark:text-red-400`}
                  aria-label={`Revoke access of ${r.grantee}`}
                  onClick={() => access.revoke.mutate(r.shareId!)}
                >
                  Revoke
                </Button>
              </>
            ) : (
              <span className="text-xs capitalize text-zinc-600 dark:text-zinc-400">
                {KIND_LABEL[r.kind] || ((SHARE_ROLE_LABELS as Record<string, string>)[r.role] ?? r.role)}
              </span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
