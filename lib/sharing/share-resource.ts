import "server-only";
import { type Scope, describeScope, parseStoredScope } from "@/lib/scopes";
import { storedGrantScope } from "@/lib/scopes/grant-scope";
import { type Actor, assertCan, getWorkspaceRole, allows } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { displayNameOf } from "@/lib/users/display-name";
import { enqueueEmail } from "@/lib/email/outbox";
import { kickOutbox } from "@/lib/email/sender";
import { AppError } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { newToken } from "@/lib/util/tokens";
import { checkPolicy, isWorkspacePerson } from "@/lib/policies/check-policy";
import { loadPolicy } from "@/lib/policies/load-policy";
import type { PolicySubject } from "@/lib/policies/rules";
import { DEFAULT_MIN_GROUP_SIZE, assertAggregateTarget } from "@/lib/aggregate/grant-rules";
import { capDerivedGrants } from "./derived-grants";
import { renderShareEmail } from "./notify";
import { createShareInvitation } from "./share-invitation-record";
import { assertShareMailAllowed, logShareMail } from "./share-mail-limit";
import { type Grantee, resolveGrantee } from "./resolve-grantee";
import { type ResourceType, type ShareInput, shareInput } from "./schemas";
import { loadSharedResource, type SharedResource } from "./shared-resource";

export type ShareOutcome = {
  shareId: string;
  grantee: string;
  granteeType: Grantee["type"];
  role: string;
  change: "created" | "updated";
};

async function refuseNonsense(actor: Actor, grantee: Grantee, target: SharedResource) {
  const { workspace } = target;
  if (grantee.type === "user" && grantee.userId === actor.id)
    throw new AppError("invalid", "You cannot share with yourself.");
  if (grantee.type === "email" && grantee.email === actor.email.toLowerCase())
    throw new AppError("invalid", "You cannot share with yourself.");
  // Only the resource's own managers can trip this, and the sharer works with them already.
  const person =
    grantee.type === "user"
      ? { id: grantee.userId }
      : grantee.type === "email"
        ? await getDb().user.findUnique({ where: { email: grantee.email }, select: { id: true } })
        : null;
  if (person) {
    const role = await getWorkspaceRole(
      { id: person.id, email: "", username: null },
      { id: workspace.id, ownerId: target.resource.workspaceOwnerId },
    );
    if (role && allows(role, "manage"))
      throw new AppError("invalid", `${grantee.label} already manages this workspace.`);
  }
  if (grantee.type === "workspace" && grantee.workspaceId === workspace.id) {
    throw new AppError("invalid", "That is the workspace this belongs to; add people as members instead.");
  }
}

/** A grant as the workspace's sharing policy judges it (lib/policies): who, until when, addable. */
async function grantPolicySubject(
  target: SharedResource,
  grantee: Grantee,
  input: { expiresAt?: Date; allowAddToWorkspace?: boolean },
): Promise<PolicySubject> {
  const workspace = { id: target.workspace.id, ownerId: target.resource.workspaceOwnerId };
  return {
    kind: "grant",
    label: grantee.label,
    email: grantee.type === "workspace" ? null : grantee.email,
    member:
      grantee.type === "workspace"
        ? false
        : await isWorkspacePerson(workspace, grantee.type === "user" ? { userId: grantee.userId } : grantee),
    expiresAt: input.expiresAt ?? null,
    allowAddToWorkspace: input.allowAddToWorkspace,
  };
}

/**
 * Shares a resource with people, e-mail addresses or workspaces. Rule: only managers share
 * (others get the owner-only 403); sharing again with the same grantee changes the role (one
 * row per grantee and resource, also under concurrent requests) and sends no e-mail (the access
 * list's "Resend" does); every new grant is audited and notified through the outbox in the same
 * transaction, within the per-sender limits on e-mail to external addresses (429 beyond them).
 * The workspace's sharing policy (domains, lifetime for outsiders, adding to workspaces) is checked
 * for every grantee before anything is written: one refusal names every broken rule.
 */
export async function shareResource(
  actor: Actor,
  type: ResourceType,
  id: string,
  raw: ShareInput,
): Promise<ShareOutcome[]> {
  const target = await loadSharedResource(type, id);
  await assertCan(actor, "manage", target.resource);
  const input = shareInput.parse(raw);
  assertAggregateTarget(input.role, type);
  const scope = await storedGrantScope(type, id, input.role, input.scope);
  const grantees: Grantee[] = [];
  for (const text of input.grantees) {
    const grantee = await resolveGrantee(text);
    await refuseNonsense(actor, grantee, target);
    if (!grantees.some((g) => g.key === grantee.key)) grantees.push(grantee);
  }
  await checkPolicy(target.workspace.id, await Promise.all(grantees.map((g) => grantPolicySubject(target, g, input))));
  const db = getDb();
  const settings = await db.workspace.findUniqueOrThrow({
    where: { id: target.workspace.id },
    select: { shareEmailSubject: true, shareEmailIntro: true, shareAllowAddDefault: true },
  });
  // the workspace's default never offers what its sharing policy forbids
  const allowAddDefault =
    settings.shareAllowAddDefault && (await loadPolicy(target.workspace.id)).addToWorkspaceAllowed;
  const sharer = await displayNameOf(actor);
  const outcomes: ShareOutcome[] = [];
  const recipients = new Map<string, string>();
  for (const grantee of grantees) {
    recipients.set(
      grantee.key,
      grantee.type === "workspace"
        ? (await db.user.findUniqueOrThrow({ where: { id: grantee.ownerId }, select: { email: true } })).email
        : grantee.email,
    );
  }
  const existingKeys = new Set(
    (
      await db.share.findMany({
        where: { resourceType: type, resourceId: id, granteeKey: { in: [...recipients.keys()] } },
        select: { granteeKey: true },
      })
    ).map((s) => s.granteeKey),
  );
  await assertShareMailAllowed(
    actor,
    [...recipients].filter(([key]) => !existingKeys.has(key)).map(([, email]) => email),
  );

  for (const grantee of grantees) {
    const invitation = grantee.type === "email" ? newToken("inv") : null;
    const recipient = recipients.get(grantee.key)!;
    const message = await renderShareEmail({
      sharer,
      what: target.label,
      role: input.role,
      note: input.note,
      expiresAt: input.expiresAt,
      settings,
      link: invitation ? `/invite/share/${invitation.token}` : target.path,
      invitation: Boolean(invitation),
    });
    const data = {
      role: input.role,
      note: input.note ?? null,
      expiresAt: input.expiresAt ?? null,
      createdById: actor.id,
      // a manager sharing with a workspace directly makes that grant their own, no longer derived from a recipient's
      sourceShareId: null,
      ...(input.role === "aggregate" ? { minGroupSize: input.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE } : {}),
      ...(input.allowAddToWorkspace === undefined ? {} : { allowAddToWorkspace: input.allowAddToWorkspace }),
      // A slice cannot be passed on whole: its recipient never adds it to a workspace of theirs.
      ...(scope === undefined ? {} : { scope, scopeBrokenAt: null }),
      ...(scope ? { allowAddToWorkspace: false } : {}),
    };
    const write = () =>
      db.$transaction(async (tx) => {
        const existing = await tx.share.findUnique({
          where: {
            resourceType_resourceId_granteeKey: { resourceType: type, resourceId: id, granteeKey: grantee.key },
          },
        });
        const share = existing
          ? await tx.share.update({ where: { id: existing.id }, data })
          : await tx.share.create({
              data: {
                allowAddToWorkspace: allowAddDefault,
                ...data,
                workspaceId: target.workspace.id,
                resourceType: type,
                resourceId: id,
                granteeType: grantee.type,
                granteeKey: grantee.key,
                granteeUserId: grantee.type === "user" ? grantee.userId : null,
                granteeEmail: grantee.type === "email" ? grantee.email : null,
                granteeWorkspaceId: grantee.type === "workspace" ? grantee.workspaceId : null,
                datasetId: type === "dataset" ? id : null,
                fileEntryId: type === "folder" || type === "file" ? id : null,
              },
            });
        if (existing) {
          await capDerivedGrants(tx, share);
        } else {
          if (invitation) {
            await createShareInvitation(tx, { shareId: share.id, email: recipient, token: invitation.token });
          }
          await enqueueEmail(tx, { to: recipient, kind: invitation ? "share-invitation" : "share", ...message });
          await logShareMail(tx, actor.id, recipient);
        }
        const change = existing ? "updated" : "created";
        await recordAudit(tx, {
          workspaceId: target.workspace.id,
          actorId: actor.id,
          action: existing ? "share.role_changed" : "share.created",
          resourceType: type,
          resourceId: id,
          details: {
            grantee: grantee.label,
            granteeType: grantee.type,
            role: input.role,
            ...(existing ? { from: existing.role } : {}),
            ...(scope ? { scope: describeScope(parseStoredScope(scope) as Scope) } : {}),
            ...(input.expiresAt ? { expiresAt: input.expiresAt.toISOString() } : {}),
          },
        });
        return {
          shareId: share.id,
          grantee: grantee.label,
          granteeType: grantee.type,
          role: input.role,
          change,
        } satisfies ShareOutcome;
      });
    try {
      outcomes.push(await write());
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      outcomes.push(await write()); // a concurrent share created the row first: this becomes a role change
    }
  }
  kickOutbox();
  return outcomes;
}
