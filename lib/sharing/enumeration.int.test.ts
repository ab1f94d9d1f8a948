import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { failure } from "@/test/failure";
import type { Actor } from "@/lib/access";
import { listViaDataLinks, revokeViaDataLinks, shareViaDataLinks } from "@/lib/api/datalinks-shares";
import { listMailbox } from "@/lib/email/mailbox";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createEmptyDataset } from "@/lib/catalog/test-dataset";
import { suggestCollaborators } from "./collaborators";
import { listResourceAccess } from "./list-access";
import { shareResource } from "./share-resource";
import { pageSharedByMe } from "./shared-lists";

const { db } = setupTestDatabase();

let n = 0;
async function person(name: string, fullName?: string): Promise<Actor & { id: string }> {
  const username = `${name}${++n}`;
  const u = await createUser({ email: `${username}@corp.example`, username, name: fullName });
  return { id: u.id, email: u.email, username: u.username };
}

async function ownDataset(owner: Actor & { id: string }) {
  const w = await createWorkspace(owner, { name: "own", slug: `own${++n}` });
  const d = await createEmptyDataset({ workspaceId: w.id, slug: `d${++n}`, createdById: owner.id });
  return { w, d };
}

describe("no account enumeration through sharing", () => {
  it("sharing with a stranger's username shows neither their e-mail nor their name, anywhere", async () => {
    const mallory = await person("mallory");
    const vic = await person("vic", "Victoria Secret-Name");
    const { d } = await ownDataset(mallory);
    const [outcome] = await shareResource(mallory, "dataset", d.id, { grantees: [vic.username!], role: "viewer" });
    expect(JSON.stringify(outcome)).not.toContain(vic.email);

    const rows = await listResourceAccess(mallory, "dataset", d.id);
    const row = rows.find((r) => r.shareId === outcome!.shareId)!;
    expect(row).toMatchObject({ grantee: vic.username, detail: null });
    expect(JSON.stringify(rows)).not.toContain(vic.email);
    expect(JSON.stringify(rows)).not.toContain("Victoria");

    const suggestions = await suggestCollaborators(mallory, vic.username!.slice(0, 3));
    expect(JSON.stringify(suggestions)).not.toContain(vic.email);
    expect(JSON.stringify(suggestions)).not.toContain("Victoria");
    // searching Shared by me for the address letter by letter finds nothing either
    expect((await pageSharedByMe(mallory, { q: vic.email }, 10)).items).toEqual([]);
  });

  it("people who share a workspace still see each other's e-mail and name", async () => {
    const alice = await person("alice");
    const bob = await person("bob", "Bob Builder");
    const { w, d } = await ownDataset(alice);
    const other = await createWorkspace(alice, { name: "team", slug: `team${++n}` });
    await db().membership.create({ data: { workspaceId: other.id, userId: bob.id, role: "member" } });
    const [outcome] = await shareResource(alice, "dataset", d.id, { grantees: [bob.username!], role: "viewer" });
    const rows = await listResourceAccess(alice, "dataset", d.id);
    expect(rows.find((r) => r.shareId === outcome!.shareId)).toMatchObject({
      grantee: bob.username,
      detail: bob.email,
    });
    expect(await suggestCollaborators(alice, "bob")).toEqual([
      { handle: bob.username, username: bob.username, email: bob.email, name: "Bob Builder" },
    ]);
    expect(w.id).toBeTruthy();
  });

  it("a share by e-mail answers the same whether or not the address has an account", async () => {
    const mallory = await person("mallory");
    const vic = await person("vic");
    const { d } = await ownDataset(mallory);
    const nobody = `nobody${++n}@corp.example`;
    const [existing] = await shareResource(mallory, "dataset", d.id, { grantees: [vic.email], role: "viewer" });
    const [missing] = await shareResource(mallory, "dataset", d.id, { grantees: [nobody], role: "viewer" });
    const shape = (o: typeof existing) => ({ ...o, shareId: "-", grantee: "-" });
    expect(shape(existing!)).toEqual(shape(missing!));
    expect(existing).toMatchObject({ grantee: vic.email, granteeType: "email", change: "created" });

    const rows = await listResourceAccess(mallory, "dataset", d.id);
    const strip = (r: (typeof rows)[number] | undefined) => ({ ...r, shareId: "-", grantee: "-", createdAt: null });
    expect(strip(rows.find((r) => r.shareId === existing!.shareId))).toEqual(
      strip(rows.find((r) => r.shareId === missing!.shareId)),
    );

    const [toVic] = await listMailbox({ to: vic.email });
    const [toNobody] = await listMailbox({ to: nobody });
    expect(toVic!.subject).toBe(toNobody!.subject);
    expect(toVic!.links.some((l) => l.includes("/invite/share/"))).toBe(true);

    // the DataLinks API the same way; an unknown username stays its 422
    await shareViaDataLinks(mallory, "dataset", d.id, { email: vic.email.toUpperCase(), role: "editor" });
    const listed = await listViaDataLinks(mallory, "dataset", d.id);
    expect(listed).toEqual(
      expect.arrayContaining([
        { email: vic.email, role: "editor" },
        { email: nobody, role: "viewer" },
      ]),
    );
    expect(
      await failure(shareViaDataLinks(mallory, "dataset", d.id, { username: "no-such-user", role: "viewer" })),
    ).toMatchObject({ code: "invalid" });
    // revoking by e-mail matches the address shared with, account or not
    await revokeViaDataLinks(mallory, "dataset", d.id, { email: vic.email });
    await revokeViaDataLinks(mallory, "dataset", d.id, { email: nobody });
    expect(await listViaDataLinks(mallory, "dataset", d.id)).toEqual([]);
  });
});
