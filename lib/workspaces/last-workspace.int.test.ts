import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createUser } from "@/lib/users/create-user";
import { addMemberFor } from "./add-member-for";
import { createWorkspace } from "./create-workspace";
import { parseLastWorkspace, resolveLastWorkspace } from "./last-workspace";
import { removeMember } from "./members";

setupTestDatabase();

describe("the last workspace a user was in", () => {
  it("is shown while they may see it and no longer once they lost access", async () => {
    const alice = await createUser({ email: "alice@example.com", username: "alice" });
    const bob = await createUser({ email: "bob@example.com", username: "bob" });
    const sales = await createWorkspace(alice, { name: "Sales", slug: "sales" });
    await addMemberFor("alice/sales", "bob", "member");

    expect(await resolveLastWorkspace(bob, "alice%2Fsales")).toMatchObject({
      owner: "alice",
      slug: "sales",
      name: "Sales",
      isMember: true,
    });

    await removeMember(alice, sales.id, bob.id);
    expect(await resolveLastWorkspace(bob, "alice%2Fsales")).toBeNull();
    // The owner still sees it.
    expect(await resolveLastWorkspace(alice, "alice/sales")).toMatchObject({ slug: "sales" });
  });

  it("never shows a workspace someone else was in on this browser, nor one that does not exist", async () => {
    const carol = await createUser({ email: "carol@example.com", username: "carol" });
    expect(await resolveLastWorkspace(carol, "alice/sales")).toBeNull();
    expect(await resolveLastWorkspace(carol, "alice/nothing-here")).toBeNull();
    expect(await resolveLastWorkspace(carol, "carol/personal")).toMatchObject({ owner: "carol", personal: true });
  });

  it.each(["", "alice", "alice/sales/files", "../x/y", "%E0%A4%A", "alice/sa les"])(
    "ignores a malformed cookie %j",
    (value) => {
      expect(parseLastWorkspace(value)).toBeNull();
    },
  );
});
