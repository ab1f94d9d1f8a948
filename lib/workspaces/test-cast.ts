// Shared set-up for integration tests (not a test file itself).
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";

export type WorkspaceCast = {
  owner: Actor;
  editor: Actor;
  admin: Actor;
  stranger: Actor;
  workspace: { id: string; slug: string; ownerId: string; owner: string };
  /** Creates one more user with the cast's unique tag (e.g. a grantee). */
  extraUser: (name: string) => Promise<Actor>;
};

let counter = 0;

/** A workspace with its owner, a member (editor), an admin (manager), and a stranger with a workspace of their own. */
export async function createWorkspaceCast(): Promise<WorkspaceCast> {
  const tag = `${Date.now().toString(36)}${counter++}`;
  const user = (name: string) =>
    createUser({ email: `${name}.${tag}@example.com`, username: `${name}${tag}`.slice(0, 30) });
  const [owner, editor, admin, stranger] = [await user("own"), await user("edi"), await user("adm"), await user("str")];
  const db = getDb();
  const workspace = await db.workspace.create({ data: { ownerId: owner.id, slug: `team-${tag}`, name: "Team" } });
  await db.membership.createMany({
    data: [
      { workspaceId: workspace.id, userId: editor.id, role: "member" },
      { workspaceId: workspace.id, userId: admin.id, role: "admin" },
    ],
  });
  return {
    owner,
    editor,
    admin,
    stranger,
    workspace: { id: workspace.id, slug: workspace.slug, ownerId: owner.id, owner: owner.username! },
    extraUser: user,
  };
}
