import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import type { Actor } from "@/lib/access";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/http/client-address";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createAccessLink } from "./manage-links";
import { openAccessLink } from "./open-link";

setupTestDatabase();
process.env.LINK_PASSWORD_FREE_FAILURES = "3";

let alice: Actor;
let workspaceId: string;

beforeAll(async () => {
  alice = await createUser({ email: "alice@example.com", username: "alice" });
  workspaceId = (await createWorkspace(alice, { name: "Sales", slug: "sales" })).id;
});

/** A link on alice's workspace behind the password "open sesame". */
const passwordLink = () =>
  createAccessLink(alice, { resourceType: "workspace", resourceId: workspaceId, password: "open sesame" });

/** Opens a link the way the page does: the client address comes from the request's headers. */
const open = (token: string, headers: Record<string, string>, password?: string) =>
  openAccessLink(token, {
    client: clientAddress(new Headers(headers)),
    viewer: null,
    password,
    cookies: () => undefined,
  });

describe("access link throttling per client address", () => {
  it("rotating X-Real-IP or X-Forwarded-For does not give a guesser a fresh bucket", async () => {
    process.env.LINK_MAX_DELAY_MS = "5";
    const link = await passwordLink();
    for (let i = 0; i < 10; i++) {
      const spoofed = {
        [CLIENT_ADDRESS_HEADER]: "198.51.100.20",
        "x-real-ip": `10.0.1.${i}`,
        "x-forwarded-for": `10.0.2.${i}`,
      };
      expect((await open(link.token, spoofed, `guess ${i}`)).status).toBe("password");
    }
    const next = { [CLIENT_ADDRESS_HEADER]: "198.51.100.20", "x-real-ip": "10.0.1.99", "x-forwarded-for": "10.0.2.99" };
    expect((await open(link.token, next, "open sesame")).status).toBe("throttled");
  });

  it("10 bad tokens from one client do not lock out another client", async () => {
    process.env.LINK_MAX_DELAY_MS = "5";
    const link = await createAccessLink(alice, { resourceType: "workspace", resourceId: workspaceId });
    const guesser = { [CLIENT_ADDRESS_HEADER]: "192.0.2.50" };
    for (let i = 0; i < 10; i++) expect((await open(`sl_wrong${i}`, guesser)).status).toBe("unavailable");
    expect((await open(link.token, guesser)).status).toBe("throttled");
    expect((await open(link.token, { [CLIENT_ADDRESS_HEADER]: "192.0.2.51" })).status).toBe("ok");
  });

  it("wrong passwords spread over many addresses slow down every further attempt on that link", async () => {
    process.env.LINK_MAX_DELAY_MS = "4000";
    const link = await passwordLink();
    const other = await passwordLink();
    const timed = async (token: string, address: string, password: string) => {
      const started = performance.now();
      const result = await open(token, { [CLIENT_ADDRESS_HEADER]: address }, password);
      return { status: result.status, ms: performance.now() - started };
    };
    const before = await timed(link.token, "203.0.113.1", "open sesame");
    expect(before.status).toBe("ok");
    for (let i = 0; i < 6; i++)
      expect((await timed(link.token, `203.0.113.${10 + i}`, `guess ${i}`)).status).toBe("password");
    // 6 wrong passwords, 3 free: the next attempt waits 250 ms × 2³ = 2 s, even with the right password from a new address.
    const after = await timed(link.token, "203.0.113.99", "open sesame");
    expect(after.status).toBe("ok");
    expect(after.ms).toBeGreaterThanOrEqual(1950);
    // Other links are not slowed (the same work without the 2 s wait).
    expect((await timed(other.token, "203.0.113.98", "open sesame")).ms).toBeLessThan(after.ms - 1000);
  });
});
