import "server-only";
import { z } from "zod";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";

export const shareEmailSettingsInput = z.object({
  subject: z.string().trim().max(200, "The subject can have at most 200 characters").default(""),
  intro: z.string().trim().max(2000, "The introduction can have at most 2,000 characters").default(""),
});

/**
 * Sets the workspace's share e-mail subject ({sharer} and {resource} are filled in) and intro
 * paragraph; empty restores the default. Managers only, recorded in the activity.
 */
export async function updateShareEmailSettings(
  actor: Actor,
  workspaceId: string,
  input: z.input<typeof shareEmailSettingsInput>,
) {
  const { subject, intro } = shareEmailSettingsInput.parse(input);
  const db = getDb();
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, ownerId: true } });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "manage");
  await db.$transaction(async (tx) => {
    await tx.workspace.update({
      where: { id: workspace.id },
      data: { shareEmailSubject: subject || null, shareEmailIntro: intro || null },
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: actor.id,
      action: "workspace.share_email_changed",
      resourceType: "workspace",
      resourceId: workspace.id,
      details: { subject: subject || null },
    });
  });
  return { subject, intro };
}

/** The workspace's share e-mail settings as the form edits them (managers only). */
export async function getShareEmailSettings(
  actor: Actor,
  workspaceId: string,
): Promise<{ subject: string; intro: string }> {
  const w = await getDb().workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, ownerId: true, shareEmailSubject: true, shareEmailIntro: true },
  });
  if (!w) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, w, "manage");
  return { subject: w.shareEmailSubject ?? "", intro: w.shareEmailIntro ?? "" };
}
