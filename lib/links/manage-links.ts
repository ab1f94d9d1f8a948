import "server-only";
import bcrypt from "bcryptjs";
import { type Actor, assertCan, assertCanWorkspace } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { appUrl } from "@/lib/email/config";
import { checkPolicy } from "@/lib/policies/check-policy";
import { loadSharedResource } from "@/lib/sharing/shared-resource";
import type { ResourceType } from "@/lib/sharing/schemas";
import { AppError, notFound } from "@/lib/util/errors";
import { newToken } from "@/lib/util/tokens";
import { datasetColumnCounts, sliceWords, storedGrantScope } from "@/lib/scopes/grant-scope";
import { LINK_MAX_DAYS, type CreateLinkInput, createLinkInput } from "./schemas";

/**
 * Creates a read-only access link (managers only). The token (256 random bits) is returned once
 * in the URL; only its SHA-256 and a short prefix are stored, and a password only as bcrypt.
 * The workspace's sharing policy (mode, password, lifetime) is checked before anything is written.
 */
export async function createAccessLink(actor: Actor, raw: CreateLinkInput) {
  const input = createLinkInput.parse(raw);
  const target = await loadSharedResource(input.resourceType, input.resourceId);
  await assertCan(actor, "manage", target.resource);
  await checkPolicy(target.workspace.id, {
    kind: "link",
    mode: input.mode,
    hasPassword: Boolean(input.password),
    startsAt: input.startsAt,
    expiresAt: input.expiresAt,
  });
  // A view-only link keeps the slice view-only; a downloading one is a "viewer".
  const scope =
    (await storedGrantScope(
      input.resourceType,
      input.resourceId,
      input.allowDownload ? "viewer" : "viewonly",
      input.scope,
    )) ?? null;
  const { token, hash, prefix } = newToken("sl");
  const passwordHash = input.password ? await bcrypt.hash(input.password, 10) : null;
  const link = await getDb().$transaction(async (tx) => {
    const link = await tx.accessLink.create({
      data: {
        workspaceId: target.workspace.id,
        resourceType: input.resourceType,
        resourceId: input.resourceId,
        tokenHash: hash,
        prefix,
        mode: input.mode,
        passwordHash,
        label: input.label || null,
        startsAt: input.startsAt ?? null,
        expiresAt: input.expiresAt,
        allowDownload: input.allowDownload,
        scope,
        createdById: actor.id,
      },
    });
    await recordAudit(tx, {
      workspaceId: target.workspace.id,
      actorId: actor.id,
      action: "link.created",
      resourceType: input.resourceType,
      resourceId: input.resourceId,
      details: {
        linkId: link.id,
        prefix,
        mode: input.mode,
        password: Boolean(passwordHash),
        allowDownload: input.allowDownload,
        expiresAt: input.expiresAt.toISOString(),
      },
    });
    return link;
  });
  return { id: link.id, prefix, url: `${appUrl()}/s/${token}`, token, expiresAt: link.expiresAt };
}

export type LinkRow = {
  id: string;
  label: string | null;
  mode: string;
  prefix: string;
  hasPassword: boolean;
  createdBy: string;
  createdAt: Date;
  startsAt: Date | null;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  useCount: number;
  /** false: a view-only link */
  allowDownload: boolean;
  /** the slice its visitors see, in words (null: all of it); says so when a new version broke it */
  slice: string | null;
  active: boolean;
};

/** A resource's links, newest first (managers only). */
export async function listAccessLinks(actor: Actor, type: ResourceType, id: string): Promise<LinkRow[]> {
  const target = await loadSharedResource(type, id);
  await assertCan(actor, "manage", target.resource);
  // File requests (purpose "upload") are listed, made and revoked in their own dialog and API.
  const links = await getDb().accessLink.findMany({
    where: { resourceType: type, resourceId: id, purpose: "read" },
    orderBy: { createdAt: "desc" },
  });
  const users = new Map(
    (
      await getDb().user.findMany({
        where: { id: { in: links.map((l) => l.createdById) } },
        select: { id: true, username: true, email: true },
      })
    ).map((u) => [u.id, u.username ?? u.email]),
  );
  const now = new Date();
  const totals = await datasetColumnCounts(type === "dataset" ? [id] : []);
  return links.map((l) => ({
    id: l.id,
    label: l.label,
    mode: l.mode,
    prefix: l.prefix,
    hasPassword: Boolean(l.passwordHash),
    createdBy: users.get(l.createdById) ?? "?",
    createdAt: l.createdAt,
    startsAt: l.startsAt,
    expiresAt: l.expiresAt,
    revokedAt: l.revokedAt,
    lastUsedAt: l.lastUsedAt,
    useCount: l.useCount,
    allowDownload: l.allowDownload,
    slice: sliceWords(l.scope, l.scopeBrokenAt, totals.get(l.resourceId)),
    active: !l.revokedAt && l.expiresAt > now && (!l.startsAt || l.startsAt <= now),
  }));
}

async function managedLink(actor: Actor, linkId: string) {
  const link = await getDb().accessLink.findUnique({ where: { id: linkId } });
  if (!link) throw notFound("Link not found");
  const target = await loadSharedResource(link.resourceType, link.resourceId);
  await assertCan(actor, "manage", target.resource);
  return link;
}

/** Revokes one link; the very next request through it gets "link not available". */
export async function revokeAccessLink(actor: Actor, linkId: string): Promise<void> {
  const link = await managedLink(actor, linkId);
  await getDb().$transaction(async (tx) => {
    await tx.accessLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: link.workspaceId,
      actorId: actor.id,
      action: "link.revoked",
      resourceType: link.resourceType,
      resourceId: link.resourceId,
      details: { linkId: link.id, prefix: link.prefix },
    });
  });
}

/**
 * Moves a link's end date (within the maximum lifetime). Rule: an extension is checked against
 * the workspace's sharing policy like a new link, so it cannot keep alive a link the policy forbids;
 * shortening never is (it only reduces exposure).
 */
export async function extendAccessLink(actor: Actor, linkId: string, expiresAt: Date): Promise<void> {
  const link = await managedLink(actor, linkId);
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime()) || expiresAt <= new Date())
    throw new AppError("invalid", "The end date must be in the future.");
  if (expiresAt.getTime() > Date.now() + LINK_MAX_DAYS * 86_400_000 + 60_000)
    throw new AppError("invalid", `A link can last at most ${LINK_MAX_DAYS} days.`);
  if (expiresAt > link.expiresAt)
    await checkPolicy(link.workspaceId, {
      kind: "link",
      mode: link.mode,
      hasPassword: Boolean(link.passwordHash),
      startsAt: link.startsAt,
      expiresAt,
    });
  await getDb().$transaction(async (tx) => {
    await tx.accessLink.update({ where: { id: link.id }, data: { expiresAt } });
    await recordAudit(tx, {
      workspaceId: link.workspaceId,
      actorId: actor.id,
      action: expiresAt < link.expiresAt ? "link.shortened" : "link.extended",
      resourceType: link.resourceType,
      resourceId: link.resourceId,
      details: { linkId: link.id, expiresAt: expiresAt.toISOString() },
    });
  });
}

/** Revokes every live link of a resource, or (type "workspace") every link anywhere in that workspace. */
export async function revokeAllAccessLinks(
  actor: Actor,
  type: ResourceType,
  id: string,
  { wholeWorkspace = false } = {},
): Promise<number> {
  const db = getDb();
  let where: { workspaceId: string } | { resourceType: ResourceType; resourceId: string };
  let workspaceId: string;
  if (wholeWorkspace) {
    const workspace = await db.workspace.findUnique({ where: { id } });
    if (!workspace) throw notFound("Workspace not found");
    await assertCanWorkspace(actor, workspace, "manage");
    where = { workspaceId: id };
    workspaceId = id;
  } else {
    const target = await loadSharedResource(type, id);
    await assertCan(actor, "manage", target.resource);
    where = { resourceType: type, resourceId: id };
    workspaceId = target.workspace.id;
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.accessLink.updateMany({
      where: { ...where, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: "link.revoked_all",
      resourceType: wholeWorkspace ? "workspace" : type,
      resourceId: id,
      details: { count },
    });
    return count;
  });
}

/** Every link of a workspace (managers only), newest first. */
export async function listWorkspaceAccessLinks(actor: Actor, workspaceId: string) {
  const workspace = await getDb().workspace.findUnique({ where: { id: workspaceId } });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "manage");
  const links = await getDb().accessLink.findMany({
    where: { workspaceId, purpose: "read" },
    orderBy: { createdAt: "desc" },
  });
  const now = new Date();
  const totals = await datasetColumnCounts(links.flatMap((l) => (l.scope !== null ? [l.resourceId] : [])));
  return links.map((l) => ({
    id: l.id,
    resource: { type: l.resourceType, id: l.resourceId },
    label: l.label,
    mode: l.mode,
    prefix: l.prefix,
    hasPassword: Boolean(l.passwordHash),
    startsOn: l.startsAt?.toISOString() ?? null,
    expiresOn: l.expiresAt.toISOString(),
    revokedOn: l.revokedAt?.toISOString() ?? null,
    lastUsedOn: l.lastUsedAt?.toISOString() ?? null,
    useCount: l.useCount,
    allowDownload: l.allowDownload,
    slice: sliceWords(l.scope, l.scopeBrokenAt, totals.get(l.resourceId)),
    active: !l.revokedAt && l.expiresAt > now && (!l.startsAt || l.startsAt <= now),
  }));
}
