"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchHistory, sharingKeys } from "./api";
import type { ResourceType } from "@/lib/sharing/schemas";
import { formatDateTime } from "@/lib/util/format";

const LABEL: Record<string, string> = {
  "share.created": "shared",
  "share.role_changed": "changed a role",
  "share.revoked": "revoked access",
  "share.invitation_accepted": "accepted an invitation",
  "share.added_to_workspace": "added it to a workspace",
  "share.left": "left",
  "link.created": "created an access link",
  "link.revoked": "revoked an access link",
  "link.extended": "extended an access link",
  "link.used": "access link used",
  "link.download": "downloaded through a link",
  "link.denied": "access link refused",
  "dataset.visibility_changed": "changed visibility",
};

function describe(details: Record<string, unknown>): string {
  const parts = ["grantee", "role", "from", "to", "label", "prefix", "name", "reason"]
    .filter((k) => details[k] !== undefined && details[k] !== null && details[k] !== "")
    .map((k) => (k === "from" || k === "to" ? `${k} ${String(details[k])}` : String(details[k])));
  return parts.join(" · ");
}

/** The resource's sharing history from the audit trail, newest first. */
export function HistoryPanel({ type, id }: { type: ResourceType; id: string }) {
  const history = useQuery({
    queryKey: sharingKeys.history(type, id),
    queryFn: ({ signal }) => fetchHistory(type, id, signal),
  });
  if (history.isPending) return <p className="py-4 text-sm text-zinc-500">Loading…</p>;
  if (history.isError)
    return (
      <p role="alert" className="py-4 text-sm text-red-600">
        {history.error.message}
      </p>
    );
  if (history.data.length === 0) return <p className="py-4 text-sm text-zinc-500">Nothing has happened here yet.</p>;
  return (
    <ol className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label="Sharing history">
      {history.data.map((e) => (
        <li key={e.id} className="py-2" data-testid="history-row">
          <span className="font-medium">{e.actor ?? "Someone with a link"}</span> {LABEL[e.action] ?? e.action}
          {describe(e.details) ? (
            <span className="text-zinc-600 dark:text-zinc-400"> — {describe(e.details)}</span>
          ) : null}
          <time className="block text-xs text-zinc-500" dateTime={e.createdAt}>
            {formatDateTime(e.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
