import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createUser } from "@/lib/users/create-user";
import { completeOnboarding } from "@/lib/users/complete-onboarding";
import { createWorkspace } from "./create-workspace";
import { deleteWorkspace } from "./delete-workspace";
import { updateWorkspace } from "./update-workspace";
import { getWorkspaceForActor, listMyWorkspaces } from "./queries";
import { acceptInvitation, inviteMember } from "./invitations";
import { changeMemberRole, removeMember } from "./members";
import { listMailbox } from "@/lib/email/mailbox";
import { toFailure } from "@/lib/util/result";

const { db } = setupTestDatabase();

/** The failure a client would see (the same mapping server actions and the API use). */
async function rejects(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toFailure(error);
  }
  throw new Error("expected a rejection");
}

describe("accounts", () => {
  it("stores e-mail and username lowercase and gives a personal workspace", async () => {
    const user = await createUser({ email: "  Carol@Example.COM ", username: "Carol" });
    expect(user).toMatchObject({ email: "carol@example.com", username: "carol" });
    const workspaces = await listMyWorkspaces(user);
    expect(workspaces).toEqual([
      expect.objectContaining({ owner: "carol", slug: "personal", personal: true, role: "owner" }),
    ]);
  });

  it("rejects an invalid e-mail and a taken username or e-mail, leaving nothing behind", async () => {
    expect(await rejects(createUser({ email: "not-an-email", username: "dave" }))).toMatchObject({
      message: expect.stringMatching(/valid e-mail/),
    });
    expect(await rejects(createUser({ email: "dave@example.com", username: "CAROL" }))).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/taken/),
    });
    expect(await rejects(createUser({ email: "CAROL@example.com", username: "carol2" }))).toMatchObject({
      code: "conflict",
    });
    expect(await db().user.count({ where: { OR: [{ email: "dave@example.com" }, { username: "carol2" }] } })).toBe(0);
  });

  it("onboarding sets the username once, creates the personal workspace and binds invitations to that address", async () => {
    const owner = await createUser({ email: "olga@example.com", username: "olga" });
    const team = await createWorkspace(owner, { name: "Team", slug: "team" });
    await inviteMember(owner, team.id, { email: "New.Person@example.com", role: "admin" });
    const fresh = await db().user.create({ data: { email: "new.person@example.com", emailVerified: new Date() } });
    expect(await rejects(completeOnboarding(fresh.id, { username: "olga" }))).toMatchObject({
      code: "conflict",
      fieldErrors: { username: "That username is taken." },
    });
    const done = await completeOnboarding(fresh.id, { username: "newbie" });
    expect(done).toEqual({ username: "newbie", workspaceSlug: "personal" });
    const actor = { id: fresh.id, email: fresh.email, username: "newbie" };
    expect((await getWorkspaceForActor(actor, "olga", "team")).role).toBe("manager");
    expect(await rejects(completeOnboarding(fresh.id, { username: "other" }))).toMatchObject({ code: "conflict" });
  });
});

describe("workspaces", () => {
  it("creates, refuses a duplicate slug (any case) and renames", async () => {
    const erin = await createUser({ email: "erin@example.com", username: "erin" });
    const ws = await createWorkspace(erin, { name: "Sales Data", slug: "sales" });
    expect(await rejects(createWorkspace(erin, { name: "Other", slug: "SALES" }))).toMatchObject({
      code: "conflict",
      fieldErrors: { slug: expect.any(String) },
    });
    expect(await rejects(createWorkspace(erin, { name: "", slug: "x y" }))).toMatchObject({
      fieldErrors: { name: expect.any(String), slug: expect.any(String) },
    });
    expect(await db().workspace.count({ where: { ownerId: erin.id } })).toBe(2);
    const renamed = await updateWorkspace(erin, ws.id, { name: "Sales 2026", slug: "sales-2026" });
    expect(renamed.slug).toBe("sales-2026");
    expect((await getWorkspaceForActor(erin, "ERIN", "Sales-2026")).name).toBe("Sales 2026");
    const other = await createUser({ email: "frank@example.com", username: "frank" });
    await createWorkspace(other, { name: "Sales", slug: "sales-2026" }); // slugs are unique per owner only
  });

  it("hides unknown and foreign workspaces behind the same 404", async () => {
    const gina = await createUser({ email: "gina@example.com", username: "gina" });
    const hank = await createUser({ email: "hank@example.com", username: "hank" });
    const unknown = await rejects(getWorkspaceForActor(hank, "gina", "nope"));
    const foreign = await rejects(getWorkspaceForActor(hank, "gina", "personal"));
    expect(unknown).toMatchObject({ code: "not_found" });
    expect(foreign).toMatchObject({ code: "not_found", message: unknown.message });
    expect((await getWorkspaceForActor(gina, "gina", "personal")).role).toBe("owner");
  });

  it("invitations e-mail a link that only the invited address can accept; members cannot manage", async () => {
    const ivan = await createUser({ email: "ivan@example.com", username: "ivan" });
    const judy = await createUser({ email: "judy@example.com", username: "judy" });
    const mallory = await createUser({ email: "mallory@example.com", username: "mallory" });
    const ws = await createWorkspace(ivan, { name: "Lab", slug: "lab" });
    await inviteMember(ivan, ws.id, { email: "JUDY@example.com" });
    const [mail] = await listMailbox({ to: "judy@example.com" });
    expect(mail?.subject).toMatch(/invited you to Lab/);
    const link = mail!.links.find((l) => l.includes("/invite/"))!;
    const token = link.split("/invite/")[1]!;
    expect(await db().workspaceInvitation.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    expect(await rejects(acceptInvitation(mallory, token))).toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/sent to judy@example.com/),
    });
    await acceptInvitation(judy, token);
    expect(await rejects(acceptInvitation(judy, token))).toMatchObject({ code: "not_found" }); // single use

    const view = await getWorkspaceForActor(judy, "ivan", "lab");
    expect(view.role).toBe("editor");
    expect(await rejects(updateWorkspace(judy, ws.id, { name: "Mine", slug: "lab" }))).toMatchObject({
      code: "forbidden",
      message: "Access can be managed by the owner only.",
    });
    expect(await rejects(inviteMember(judy, ws.id, { email: "x@example.com" }))).toMatchObject({ code: "forbidden" });
    expect(await rejects(inviteMember(mallory, ws.id, { email: "x@example.com" }))).toMatchObject({
      code: "not_found",
    });
    expect(await rejects(inviteMember(ivan, ws.id, { email: "x@example.com", role: "owner" as never }))).toMatchObject({
      fieldErrors: { role: expect.any(String) },
    });

    await changeMemberRole(ivan, ws.id, { userId: judy.id, role: "admin" });
    expect((await getWorkspaceForActor(judy, "ivan", "lab")).role).toBe("manager");
    await removeMember(ivan, ws.id, judy.id);
    expect(await rejects(getWorkspaceForActor(judy, "ivan", "lab"))).toMatchObject({ code: "not_found" }); // the very next request
  });

  it("deletes only with the typed slug, only by the owner, never the personal workspace", async () => {
    const kim = await createUser({ email: "kim@example.com", username: "kim" });
    const ws = await createWorkspace(kim, { name: "Temp", slug: "temp" });
    expect(await rejects(deleteWorkspace(kim, ws.id, "wrong"))).toMatchObject({ code: "invalid" });
    const personal = (await listMyWorkspaces(kim)).find((w) => w.personal)!;
    expect(await rejects(deleteWorkspace(kim, personal.id, "personal"))).toMatchObject({ code: "invalid" });
    await deleteWorkspace(kim, ws.id, "temp");
    expect(await rejects(getWorkspaceForActor(kim, "kim", "temp"))).toMatchObject({ code: "not_found" });
  });
});
