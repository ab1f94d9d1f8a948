"use client";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/util/format";
import type { ResourceType } from "@/lib/sharing/schemas";
import type { AccessLinks } from "./use-access-links";

/** A resource's links with their usage; extend or revoke one, or revoke them all. */
export function LinkList({ type, access }: { type: ResourceType; access: AccessLinks }) {
  const { links, revoke, revokeAll, extend } = access;
  if (!links.data?.length) return null;
  return (
    <>
      <ul className="mt-3 divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Links">
        {links.data.map((l) => (
          <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="link-row">
            <div className="min-w-0 text-sm">
              <p className="font-medium">
                {l.label || <span className="font-mono">{l.prefix}…</span>}{" "}
                <span className="text-xs font-normal text-zinc-500">
                  {l.mode}
                  {l.hasPassword ? " · password" : ""}
                  {l.allowDownload ? "" : " · view only"}
                  {l.active ? "" : l.revokedAt ? " · revoked" : " · not active"}
                </span>
              </p>
              {l.slice ? <p className="text-xs text-zinc-600 dark:text-zinc-400">only {l.slice}</p> : null}
              <p className="text-xs text-zinc-500">
                by {l.createdBy} {formatDateTime(l.createdAt)} · ends {formatDateTime(l.expiresAt)} · used {l.useCount}×
                · last {formatDateTime(l.lastUsedAt)} ·{" "}
                <a href={l.insightsPath} className="text-brand-700 underline dark:text-brand-500">
                  insights
                </a>
              </p>
            </div>
            {l.revokedAt ? null : (
              <div className="flex gap-1">
                <Button variant="ghost" onClick={() => extend.mutate(l.id)}>
                  Extend
                </Button>
                <Button
                  variant="ghost"
                  aria-label={`Revoke link ${l.label || l.prefix}`}
                  onClick={() => revoke.mutate(l.id)}
                >
                  Revoke
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <Button variant="ghost" className="mt-1 text-red-700 dark:text-red-400" onClick={() => revokeAll.mutate()}>
        {type === "workspace" ? "Revoke every link in this workspace" : "Revoke all links"}
      </Button>
    </>
  );
}
