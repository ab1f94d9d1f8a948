import "server-only";
import { z } from "zod";
import { type Actor, assertCan } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { loadSharedResource } from "@/lib/sharing/shared-resource";
import { notFound } from "@/lib/util/errors";

export const firstOpenNoticeSchema = z.object({
  target: z.enum(["link", "share"]),
  id: z.string().min(1).max(100),
  notify: z.boolean(),
});

export type FirstOpenNotice = { notifyFirstOpen: boolean; firstOpenedAt: string | null };

/**
 * Turns the "e-mail me on first open" notice of an access link or a grant on or off. Rule: only
 * managers of the resource's workspace may (assertCan "manage"); the e-mail goes to whoever
 * created the link or grant, once, so a notice whose first open already happened stays spent.
 */
export async function setFirstOpenNotice(
  actor: Actor,
  input: z.input<typeof firstOpenNoticeSchema>,
): Promise<FirstOpenNotice> {
  const { target, id, notify } = firstOpenNoticeSchema.parse(input);
  const db = getDb();
  const row =
    target === "link"
      ? await db.accessLink.findUnique({ where: { id }, select: { resourceType: true, resourceId: true } })
      : await db.share.findUnique({ where: { id }, select: { resourceType: true, resourceId: true } });
  if (!row) throw notFound(target === "link" ? "Access link not found" : "Grant not found");
  const resource = await loadSharedResource(row.resourceType, row.resourceId);
  await assertCan(actor, "manage", resource.resource);
  const select = { notifyFirstOpen: true, firstOpenedAt: true } as const;
  const updated = await db.$transaction(async (tx) => {
    const saved =
      target === "link"
        ? await tx.accessLink.update({ where: { id }, data: { notifyFirstOpen: notify }, select })
        : await tx.share.update({ where: { id }, data: { notifyFirstOpen: notify }, select });
    await recordAudit(tx, {
      workspaceId: resource.workspace.id,
      actor,
      action: notify ? "insights.first_open_on" : "insights.first_open_off",
      resourceType: row.resourceType,
      resourceId: row.resourceId,
      details: target === "link" ? { linkId: id } : { shareId: id },
    });
    return saved;
  });
  return { notifyFirstOpen: updated.notifyFirstOpen, firstOpenedAt: updated.firstOpenedAt?.toISOString() ?? null };
}
