import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { person } from "./test-support";
import { POST as acceptRoute } from "@/app/invite/share/[token]/accept/route";
import { getEffectiveRole } from "@/lib/access";
import { listMailbox } from "@/lib/email/mailbox";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { bindPendingShares } from "./bind-pending-shares";
import { acceptShareInvitation, describeShareInvitation } from "./share-invitations";
import { shareResource } from "./share-resource";

const { db } = setupTestDatabase();
let n = 0;

/** Shares a new workspace of a new owner with `email` and returns the invitation token from the mail. */
async function invite(email: string) {
  const alice = await person("alice");
  const w = await createWorkspace(alice, { name: "inv", slug: `inv${++n}` });
  await shareResource(alice, "workspace", w.id, { grantees: [email], role: "viewer" });
  const [mail] = await listMailbox({ to: email });
  const token = mail!.links.find((l) => l.includes("/invite/share/"))!.split("/invite/share/")[1]!;
  const resource = { type: "workspace" as const, id: w.id, workspaceId: w.id, workspaceOwnerId: w.ownerId };
  return { alice, w, token, resource };
}

const signInTokens = () => db().verificationToken.count();

describe("share invitations are not sign-in links", () => {
  it("an old invitation gives no session after its address signed up the normal way (the grant binding voids it)", async () => {
    const { token, resource } = await invite("carol@example.org");
    // carol signs up by the normal magic link: the sign-in event binds her pending grants
    const carol = await createUser({ email: "carol@example.org", username: `carol${++n}` });
    await db().$transaction((tx) => bindPendingShares(tx, carol));
    expect(await getEffectiveRole(carol, resource)).toBe("viewer");

    const before = await signInTokens();
    expect(await describeShareInvitation(token)).toBeNull();
    expect(await acceptShareInvitation(token, null)).toEqual({
      error: expect.stringContaining("expired, was revoked, or was already used"),
    });
    expect(await signInTokens()).toBe(before);
  });

  it("once an account exists for the address, a valid invitation leads to the normal sign-in, never to a session", async () => {
    const { token } = await invite("dave@example.org");
    // the account exists (e.g. made by an administrator) but has not signed in since the share
    await createUser({ email: "dave@example.org", username: `dave${++n}` });
    const before = await signInTokens();
    const result = await acceptShareInvitation(token, null);
    expect(result).toEqual({ url: expect.stringMatching(/^\/signin\?callbackUrl=/) });
    expect("url" in result && result.url).not.toContain("/api/auth/callback");
    expect(await signInTokens()).toBe(before);
  });

  it("an invitation that was used once gives nothing the second time", async () => {
    const { token } = await invite("erin@example.org");
    expect(await acceptShareInvitation(token, null)).toEqual({
      url: expect.stringContaining("/api/auth/callback/email"),
    });
    const before = await signInTokens();
    expect(await acceptShareInvitation(token, null)).toEqual({ error: expect.any(String) });
    expect(await signInTokens()).toBe(before);
  });

  it("the accept POST from a foreign Origin is refused and does not use the invitation up", async () => {
    const { token } = await invite("fay@example.org");
    const before = await signInTokens();
    const request = new Request(`http://localhost:3000/invite/share/${token}/accept`, {
      method: "POST",
      headers: { host: "localhost:3000", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    const response = await acceptRoute(request, { params: Promise.resolve({ token }) });
    expect(response.status).toBe(403);
    expect(response.headers.get("location")).toBeNull();
    expect(await signInTokens()).toBe(before);
    expect(await describeShareInvitation(token)).toMatchObject({ email: "fay@example.org" });
  });
});
