import "server-only";
import { z } from "zod";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";

export const workspaceSharesQuery = z.object({
  resourceType: z.enum(["workspace", "dataset", "folder", "file"]).optional(),
  granteeType: z.enum(["user", "email", "workspace"]).optional(),
  creator: z.string().trim().toLowerCase().optional(),
  status: z.enum(["active", "expired", "pending"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type ShareView = {
  id: string;
  resourceType: string;
  resourceId: string;
  granteeType: string;
  grantee: string;
  role: string;
  status: "active" | "expired" | "pending";
  note: string | null;
  expiresOn: string | null;
  createdBy: string;
  createdOn: string;
};

async function managedWorkspace(actor: Actor, workspaceId: string) {
  const workspace = await getDb().workspace.findUnique({ where: { id: workspaceId } });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "manage");
  return workspace;
}

async function toViews(rows: Awaited<ReturnType<ReturnType<typeof getDb>["share"]["findMany"]>>): Promise<ShareView[]> {
  const db = getDb();
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: rows.flatMap((r) => [r.createdById, ...(r.granteeUserId ? [r.granteeUserId] : [])]) } },
        select: { id: true, username: true, email: true },
      })
    ).map((u) => [u.id, u.username ?? u.email]),
  );
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    granteeType: r.granteeType,
    grantee: r.granteeUserId ? (users.get(r.granteeUserId) ?? "?") : (r.granteeEmail ?? r.granteeWorkspaceId ?? "?"),
    role: r.role,
    status: r.granteeType === "email" ? "pending" : r.expiresAt && r.expiresAt <= now ? "expired" : "active",
    note: r.note,
    expiresOn: r.expiresAt?.toISOString() ?? null,
    createdBy: users.get(r.createdById) ?? "?",
    createdOn: r.createdAt.toISOString(),
  }));
}

/** Veracity-style share query over a workspace (managers only): filters and pages. */
export async function listWorkspaceShares(
  actor: Actor,
  workspaceId: string,
  raw: z.input<typeof workspaceSharesQuery>,
) {
  const q = workspaceSharesQuery.parse(raw);
  await managedWorkspace(actor, workspaceId);
  const db = getDb();
  const now = new Date();
  const creator = q.creator
    ? await db.user.findFirst({ where: { OR: [{ username: q.creator }, { email: q.creator }] }, select: { id: true } })
    : null;
  // Each filter is its own AND term: a status must narrow a grantee-type filter, never replace it.
  const where = {
    workspaceId,
    AND: [
      ...(q.resourceType ? [{ resourceType: q.resourceType }] : []),
      ...(q.granteeType ? [{ granteeType: q.granteeType }] : []),
      ...(q.creator ? [{ createdById: creator?.id ?? "-" }] : []),
      ...(q.status === "pending" ? [{ granteeType: "email" as const }] : []),
      ...(q.status === "expired" ? [{ expiresAt: { lte: now } }] : []),
      ...(q.status === "active"
        ? [{ granteeType: { not: "email" as const } }, { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }]
        : []),
    ],
  };
  const [total, rows] = await Promise.all([
    db.share.count({ where }),
    db.share.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  return { items: await toViews(rows), page: q.page, pageSize: q.pageSize, total };
}

export async function getWorkspaceShare(actor: Actor, workspaceId: string, shareId: string): Promise<ShareView> {
  await managedWorkspace(actor, workspaceId);
  const row = await getDb().share.findFirst({ where: { id: shareId, workspaceId } });
  if (!row) throw notFound("Share not found");
  return (await toViews([row]))[0]!;
}
