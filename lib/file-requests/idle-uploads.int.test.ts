// An anonymous visitor must not be able to fill a file request (its file count and the workspace's quota) with
// uploads that never send a byte (security review of issue 16.5): open uploads are capped per visitor, and an
// upload that receives nothing for FILE_REQUEST_IDLE_MINUTES gives its slot back and cannot come back.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PATCH, POST } from "@/app/api/uploads/[[...id]]/route";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { workspaceUsage } from "@/lib/files/quota";
import { createCast, setupTempStorage } from "@/lib/files/test-support";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { tusMetadata } from "@/lib/uploads/tus-requests";
import { setupTestDatabase } from "@/test/db";
import { createFileRequest } from "./create-file-request";

setupTestDatabase();
setupTempStorage();

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/request-session", () => ({ requestSessionUser: async () => session.user }));

const APP = "http://localhost:3000";
const TUS = { "Tus-Resumable": "1.0.0" };
const NO_PARAMS = { params: Promise.resolve({}) };

beforeEach(() => resetRateLimits());
afterEach(() => {
  delete process.env.FILE_REQUEST_OPEN_PER_VISITOR;
});

/** The creation POST of an upload through the request link `token`, by the visitor at `address`. */
function create(token: string, name: string, size: number, address: string) {
  return POST(
    new Request(`${APP}/api/uploads`, {
      method: "POST",
      headers: {
        ...TUS,
        "Upload-Link": token,
        [CLIENT_ADDRESS_HEADER]: address,
        "Upload-Length": String(size),
        "Upload-Metadata": tusMetadata({ kind: "filerequest", name, uploader: "Vera Visitor" }),
      },
    }),
    NO_PARAMS,
  );
}

const locationOf = (created: Response) => new URL(created.headers.get("location")!, `${APP}/api/uploads/`).toString();

function patch(token: string, location: string, body: string, address: string) {
  return PATCH(
    new Request(location, {
      method: "PATCH",
      headers: {
        ...TUS,
        "Upload-Link": token,
        [CLIENT_ADDRESS_HEADER]: address,
        "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
      },
      body,
    }),
    NO_PARAMS,
  );
}

/** Makes every unfinished upload of the request look as if its last bytes came `minutes` ago. */
async function idleFor(fileRequestId: string, minutes: number) {
  const then = new Date(Date.now() - minutes * 60_000);
  await getDb().upload.updateMany({
    where: { fileRequestId, finishedAt: null },
    data: { activeAt: then, createdAt: then },
  });
}

describe("file-request uploads that send nothing", () => {
  it("one visitor may hold only FILE_REQUEST_OPEN_PER_VISITOR open uploads; another visitor is not blocked by them", async () => {
    process.env.FILE_REQUEST_OPEN_PER_VISITOR = "3";
    const { owner, rootId } = await createCast();
    const { token } = await createFileRequest(owner, {
      folderId: rootId,
      title: "Receipts",
      maxFileBytes: 1000,
      maxFiles: 10,
    });
    const opened = [];
    for (let i = 0; i < 3; i++) opened.push((await create(token, `empty-${i}.txt`, 900, "203.0.113.7")).status);
    expect(opened).toEqual([201, 201, 201]);

    const fourth = await create(token, "empty-3.txt", 900, "203.0.113.7");
    expect(fourth.status).toBe(429);
    expect((await fourth.json()).error).toBe(
      "You have 3 uploads in progress on this request, the most allowed at a time is 3. Let them finish, then send the next files.",
    );
    expect((await create(token, "other.txt", 5, "198.51.100.4")).status).toBe(201);
  });

  it("an idle upload gives back its slot and its quota, and is cancelled when it comes back", async () => {
    const { owner, rootId, workspace } = await createCast();
    const { token, id } = await createFileRequest(owner, {
      folderId: rootId,
      title: "Receipts",
      maxFileBytes: 1000,
      maxFiles: 2,
    });
    const parked = [await create(token, "a.txt", 800, "203.0.113.7"), await create(token, "b.txt", 800, "203.0.113.7")];
    expect(parked.map((r) => r.status)).toEqual([201, 201]);
    expect((await create(token, "c.txt", 3, "198.51.100.4")).status).toBe(409);
    expect(await workspaceUsage(workspace.id)).toBe(1600);

    await idleFor(id, 31);
    expect(await workspaceUsage(workspace.id)).toBe(0);
    const honest = await create(token, "c.txt", 3, "198.51.100.4");
    expect(honest.status).toBe(201);
    expect((await patch(token, locationOf(honest), "abc", "198.51.100.4")).status).toBe(200);

    const back = await patch(token, locationOf(parked[0]!), "x".repeat(800), "203.0.113.7");
    expect(back.status).toBe(410);
    expect((await back.json()).error).toBe(
      "This upload received nothing for too long and was cancelled; send the file again.",
    );
    expect(
      await getDb().upload.count({ where: { id: new URL(locationOf(parked[0]!)).pathname.split("/").pop() } }),
    ).toBe(0);
    const names = await getDb().fileEntry.findMany({ where: { parentId: rootId }, select: { name: true } });
    expect(names.map((n) => n.name)).toEqual(["c.txt"]);
  });

  it("an upload that keeps sending keeps its slot, however long ago it started", async () => {
    const { owner, rootId } = await createCast();
    const { token, id } = await createFileRequest(owner, {
      folderId: rootId,
      title: "Receipts",
      maxFileBytes: 1000,
      maxFiles: 1,
    });
    const started = await create(token, "slow.txt", 6, "203.0.113.7");
    expect(started.status).toBe(201);
    await idleFor(id, 25);
    expect((await patchAt(token, locationOf(started), 0, "abc")).status).toBe(204);
    // Ten more minutes pass: 35 since it started, 10 since bytes last arrived.
    await olderBy(id, 10);
    expect((await create(token, "other.txt", 3, "198.51.100.4")).status).toBe(409);
    expect((await patchAt(token, locationOf(started), 3, "def")).status).toBe(200);
    const names = await getDb().fileEntry.findMany({ where: { parentId: rootId }, select: { name: true } });
    expect(names.map((n) => n.name)).toEqual(["slow.txt"]);
  });
});

function patchAt(token: string, location: string, offset: number, body: string) {
  return PATCH(
    new Request(location, {
      method: "PATCH",
      headers: {
        ...TUS,
        "Upload-Link": token,
        [CLIENT_ADDRESS_HEADER]: "203.0.113.7",
        "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream",
      },
      body,
    }),
    NO_PARAMS,
  );
}

/** Moves the request's unfinished uploads `minutes` further into the past (their start and their last bytes). */
async function olderBy(fileRequestId: string, minutes: number) {
  const rows = await getDb().upload.findMany({ where: { fileRequestId, finishedAt: null } });
  for (const row of rows)
    await getDb().upload.update({
      where: { id: row.id },
      data: {
        createdAt: new Date(row.createdAt.getTime() - minutes * 60_000),
        activeAt: row.activeAt ? new Date(row.activeAt.getTime() - minutes * 60_000) : null,
      },
    });
}
