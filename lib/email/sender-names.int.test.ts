import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { listMailbox } from "@/lib/email/mailbox";
import { revokeShare } from "@/lib/sharing/revoke-share";
import { describeShareInvitation } from "@/lib/sharing/share-invitations";
import { shareResource } from "@/lib/sharing/share-resource";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { inviteMember } from "@/lib/workspaces/invitations";

const { db } = setupTestDatabase();

async function named(username: string, name: string | null) {
  const user = await createUser({ email: `${username}@example.com`, username });
  if (name !== null) await db().user.update({ where: { id: user.id }, data: { name } });
  return { id: user.id, email: user.email, username: user.username };
}

describe("e-mails name the sender by display name", () => {
  it("share, access-ended and invitation e-mails say 'Alice Anders', in the subject, HTML and text", async () => {
    const alice = await named("alice", "Alice Anders");
    const bob = await named("bob", "Bob Berg");
    const sales = await createWorkspace(alice, { name: "Sales", slug: "sales" });

    const [share] = await shareResource(alice, "workspace", sales.id, { grantees: ["bob"], role: "viewer" });
    const [shared] = await listMailbox({ to: bob.email });
    expect(shared!.subject).toBe('Alice Anders shared the workspace "Sales" with you');
    expect(shared!.html).toContain("Alice Anders shared");
    // (the plain-text part writes the heading in capitals)
    expect(shared!.text).toMatch(/Alice Anders shared/i);

    await revokeShare(alice, share!.shareId);
    const [ended] = await listMailbox({ to: bob.email });
    expect(ended!.text).toContain("Alice Anders removed your access");

    await inviteMember(alice, sales.id, { email: "dora@example.com", role: "member" });
    const [invite] = await listMailbox({ to: "dora@example.com" });
    expect(invite!.subject).toBe("Alice Anders invited you to Sales on Datashelf");
    expect(invite!.text).toContain("Alice Anders invited you");

    await shareResource(alice, "workspace", sales.id, { grantees: ["erin@example.com"], role: "viewer" });
    const [pending] = await listMailbox({ to: "erin@example.com" });
    const token = pending!.links.find((l) => l.includes("/invite/share/"))!.split("/invite/share/")[1]!;
    expect(await describeShareInvitation(token)).toMatchObject({ sharer: "Alice Anders" });
  });

  it("falls back to the username when there is no display name", async () => {
    const carl = await named("carl", null);
    const dana = await named("dana", null);
    const ws = await createWorkspace(carl, { name: "Ops", slug: "ops" });
    await shareResource(carl, "workspace", ws.id, { grantees: ["dana"], role: "viewer" });
    const [mail] = await listMailbox({ to: dana.email });
    expect(mail!.subject).toBe('carl shared the workspace "Ops" with you');
  });

  it("escapes a hostile name in the HTML and keeps line breaks out of the subject", async () => {
    const mallory = await named("mallory", 'Mal <img src=x onerror="alert(1)">\r\nBcc: victim@example.com');
    const erin = await named("erin", null);
    const ws = await createWorkspace(mallory, { name: "Trap", slug: "trap" });
    await shareResource(mallory, "workspace", ws.id, { grantees: ["erin"], role: "viewer" });
    const [mail] = await listMailbox({ to: erin.email });
    expect(mail!.subject).not.toMatch(/[\r\n]/);
    expect(mail!.subject).toBe(
      'Mal <img src=x onerror="alert(1)"> Bcc: victim@example.com shared the workspace "Trap" with you',
    );
    expect(mail!.html).not.toContain("<img src=x");
    expect(mail!.html).toContain("Mal &lt;img src=x");
    // The plain-text part is text: the name reads as typed, never as markup that runs.
    expect(mail!.text).toMatch(/Mal <img src=x/i);
  });
});
