import { getDb } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { createUser } from "@/lib/users/create-user";
import { seedCatalogDemo } from "@/lib/catalog/seed";
import { seedFilesDemo } from "@/lib/files/seed";

export const DEMO_USERS = [
  { email: "alice@example.com", username: "alice", name: "Alice Anders" },
  { email: "bob@example.com", username: "bob", name: "Bob Berg" },
] as const;

export type DemoUser = { email: string; username: string; name: string };

/**
 * The demo: alice and bob with their personal workspaces, alice's team workspace "sales" with
 * bob as a member, and bob's "research", with sample datasets and a small folder tree.
 */
export async function seedDemo(): Promise<{ seeded: boolean }> {
  if ((await getDb().user.count()) > 0) return { seeded: false };
  await seedDemoFor(DEMO_USERS);
  return { seeded: true };
}

/** The same demo for any two new users (the end-to-end suite seeds one such world per spec file). */
export async function seedDemoFor(users: readonly [DemoUser, DemoUser]) {
  const db = getDb();
  const [alice, bob] = [await createUser(users[0]), await createUser(users[1])];
  const sales = await db.$transaction(async (tx) => {
    const sales = await tx.workspace.create({
      data: {
        ownerId: alice.id,
        slug: "sales",
        name: "Sales analytics",
        description: "Quarterly sales, customers and pipeline data.",
      },
    });
    await tx.membership.create({ data: { workspaceId: sales.id, userId: bob.id, role: "member" } });
    await recordAudit(tx, {
      workspaceId: sales.id,
      actorId: alice.id,
      action: "workspace.created",
      resourceType: "workspace",
      resourceId: sales.id,
      details: { slug: "sales" },
    });
    await recordAudit(tx, {
      workspaceId: sales.id,
      actorId: alice.id,
      action: "member.added",
      resourceType: "workspace",
      resourceId: sales.id,
      details: { username: bob.username, role: "member" },
    });
    const research = await tx.workspace.create({
      data: { ownerId: bob.id, slug: "research", name: "Research", description: "Experiments and survey results." },
    });
    await recordAudit(tx, {
      workspaceId: research.id,
      actorId: bob.id,
      action: "workspace.created",
      resourceType: "workspace",
      resourceId: research.id,
      details: { slug: "research" },
    });
    return sales;
  });
  const alicePersonal = await db.workspace.findUniqueOrThrow({
    where: { ownerId_slug: { ownerId: alice.id, slug: "personal" } },
  });
  await seedCatalogDemo({ owner: alice, workspace: sales });
  await seedFilesDemo({ owner: alice, workspace: alicePersonal });
}
