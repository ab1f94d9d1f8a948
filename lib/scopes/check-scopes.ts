import "server-only";
import { createElement } from "react";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { appUrl } from "@/lib/email/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import type { Column } from "@/lib/catalog/types";
import { SliceBrokenEmail, sliceBrokenSubject } from "./emails/slice-broken-email";
import { missingColumns } from "./scope-columns";
import { parseStoredScope } from "./scope-schema";

/**
 * Rule: re-validates every slice on a dataset when a version becomes current (an ingest or a
 * restore), in that version's transaction. A slice that uses a column the new schema lacks stops
 * serving (scopeBrokenAt; lib/access then gives its holder nothing, never a wider view), once:
 * each is audited and the dataset's managers get one e-mail per version through the outbox.
 * Returns how many slices stopped.
 */
export async function checkScopesAfterVersion(
  tx: Tx,
  dataset: { id: string; name: string; slug: string; workspaceId: string; path: string },
  version: number,
  columns: Column[],
  actorId: string,
): Promise<number> {
  const live = { resourceType: "dataset" as const, resourceId: dataset.id, scope: { not: null }, scopeBrokenAt: null };
  const [shares, links] = await Promise.all([
    tx.share.findMany({ where: live, select: { id: true, scope: true, granteeKey: true, granteeEmail: true } }),
    tx.accessLink.findMany({
      where: { ...live, revokedAt: null },
      select: { id: true, scope: true, label: true, prefix: true },
    }),
  ]);
  const missingOf = (stored: string | null) => {
    const scope = parseStoredScope(stored);
    return scope === null ? [] : scope === "broken" ? ["(unreadable slice)"] : missingColumns(scope, columns);
  };
  const now = new Date();
  const entries: { holder: string; missing: string[] }[] = [];
  for (const s of shares) {
    const missing = missingOf(s.scope);
    if (missing.length === 0) continue;
    await tx.share.update({ where: { id: s.id }, data: { scopeBrokenAt: now } });
    await recordAudit(tx, {
      workspaceId: dataset.workspaceId,
      actorId,
      action: "share.slice_broken",
      resourceType: "dataset",
      resourceId: dataset.id,
      details: { grantee: s.granteeKey, version, missing },
    });
    entries.push({ holder: s.granteeEmail ?? s.granteeKey.replace(/^[a-z]+:/, ""), missing });
  }
  for (const l of links) {
    const missing = missingOf(l.scope);
    if (missing.length === 0) continue;
    await tx.accessLink.update({ where: { id: l.id }, data: { scopeBrokenAt: now } });
    await recordAudit(tx, {
      workspaceId: dataset.workspaceId,
      actorId,
      action: "link.slice_broken",
      resourceType: "dataset",
      resourceId: dataset.id,
      details: { linkId: l.id, version, missing },
    });
    entries.push({ holder: `access link ${l.label ? `“${l.label}”` : l.prefix}`, missing });
  }
  if (entries.length === 0) return 0;
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: dataset.workspaceId },
    select: {
      owner: { select: { email: true } },
      members: { where: { role: "admin" }, select: { user: { select: { email: true } } } },
    },
  });
  const props = { dataset: dataset.name, version, entries, url: `${appUrl()}${dataset.path}` };
  const rendered = await renderEmail(sliceBrokenSubject(props), createElement(SliceBrokenEmail, props));
  for (const to of new Set([workspace.owner.email, ...workspace.members.map((m) => m.user.email)]))
    await enqueueEmail(tx, { to, kind: "slice-broken", ...rendered });
  return entries.length;
}
