// A link's visit log counts distinct visitors a day; it must not keep anything from which their address can be
// recovered. An unkeyed SHA-256 of an IPv4 address is reversed by hashing all 2^32 addresses (security review).
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { setupTestDatabase } from "@/test/db";
import { createAccessLink } from "./manage-links";
import { openAccessLink } from "./open-link";

const { db } = setupTestDatabase();

let alice: Actor;
let workspaceId: string;

beforeAll(async () => {
  alice = await createUser({ email: "alice@example.com", username: "alice" });
  workspaceId = (await createWorkspace(alice, { name: "Sales", slug: "sales" })).id;
});

const open = (token: string, client: string) =>
  openAccessLink(token, { client, viewer: null, cookies: () => undefined });

describe("access link visits", () => {
  it("are counted per visitor without a recoverable address, and cannot be joined across links", async () => {
    const first = await createAccessLink(alice, { resourceType: "workspace", resourceId: workspaceId });
    const second = await createAccessLink(alice, { resourceType: "workspace", resourceId: workspaceId });
    const address = "203.0.113.9";
    expect((await open(first.token, address)).status).toBe("ok");
    expect((await open(first.token, address)).status).toBe("ok");
    expect((await open(first.token, "198.51.100.2")).status).toBe("ok");
    expect((await open(second.token, address)).status).toBe("ok");

    const visits = await db().accessLinkVisit.findMany({ select: { linkId: true, visitorKey: true } });
    expect(visits.filter((v) => v.linkId === first.id)).toHaveLength(2);
    const plain = createHash("sha256").update(address).digest("hex");
    for (const { visitorKey } of visits) {
      expect(plain).not.toContain(visitorKey);
      expect(visitorKey).not.toContain(address);
    }
    const keyOn = (linkId: string) => visits.filter((v) => v.linkId === linkId).map((v) => v.visitorKey);
    expect(keyOn(first.id)).not.toContain(keyOn(second.id)[0]);
  });
});
