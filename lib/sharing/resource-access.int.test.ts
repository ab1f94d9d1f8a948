import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { setupTestDatabase } from "@/test/db";
import { getResourceAccess } from "./resource-access";
import { shareResource } from "./share-resource";

setupTestDatabase();

let n = 0;
async function named(name: string, displayName: string) {
  const username = `${name}${++n}`;
  const u = await createUser({ email: `${username}@example.com`, username, name: displayName });
  return { id: u.id, email: u.email, username: u.username };
}

describe("the share dialog's access view", () => {
  it("names people by display name only where their contact details may be shown, and gives the resource's own path for Copy link", async () => {
    const alice = await named("alice", "Alice Anders");
    const bob = await named("bob", "Bob Berg");
    const carol = await named("carol", "Carol Chen");
    const workspace = await createWorkspace(alice, { name: "Sales", slug: `sales-${n}` });
    await getDb().membership.create({ data: { workspaceId: workspace.id, userId: bob.id, role: "member" } });
    // carol is shared with by bare username: nothing more than the username is revealed to alice
    await shareResource(alice, "workspace", workspace.id, { grantees: [carol.username!], role: "viewer" });

    const view = await getResourceAccess(alice, "workspace", workspace.id);
    expect(view.path).toBe(`/w/${alice.username}/${workspace.slug}`);
    const row = (grantee: string) => view.rows.find((r) => r.grantee === grantee);
    expect(row(alice.username!)).toMatchObject({ kind: "owner", name: "Alice Anders", detail: alice.email });
    expect(row(bob.username!)).toMatchObject({ kind: "member", name: "Bob Berg", detail: bob.email });
    expect(row(carol.username!)).toMatchObject({ kind: "grant", name: null, detail: null });
    expect(JSON.stringify(view)).not.toContain("Carol Chen");
  });
});
