// File requests end to end through the tus route a browser uses: limits, the count under a race,
// an ended request stopping an upload under way, and what a visitor (never) sees of the folder.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as fileDownload } from "@/app/api/files/[id]/download/route";
import { GET as folderChildren } from "@/app/api/folders/[id]/children/route";
import { GET as folderZip } from "@/app/api/folders/[id]/zip/route";
import { HEAD, PATCH, POST } from "@/app/api/uploads/[[...id]]/route";
import type { Actor } from "@/lib/access";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listFolder } from "@/lib/files/list-folder";
import { loadEntry } from "@/lib/files/load-entry";
import { openFileDownload } from "@/lib/files/open-download";
import { createCast, putFile, setupTempStorage } from "@/lib/files/test-support";
import { zipFolder } from "@/lib/files/zip-folder";
import { listAccessLinks, listWorkspaceAccessLinks } from "@/lib/links/manage-links";
import { updateWorkspacePolicy } from "@/lib/policies/workspace-policy";
import { createAccessRequest } from "@/lib/requests/create-request";
import { openAccessLink } from "@/lib/links/open-link";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { tusMetadata } from "@/lib/uploads/tus-requests";
import { toFailure } from "@/lib/util/result";
import { setupTestDatabase } from "@/test/db";
import { createFileRequest } from "./create-file-request";
import { listFileRequests } from "./list-file-requests";
import { fileRequestView } from "./request-view";
import { revokeFileRequest } from "./revoke-file-request";
import type { CreateFileRequestInput } from "./schemas";

setupTestDatabase();
setupTempStorage();

// The routes' session lookup (requestSessionUser) answers with the user a test signs in (null: a signed-out
// visitor), without a session row and cookie per test.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/request-session", () => ({ requestSessionUser: async () => session.user }));

const APP = "http://localhost:3000";
const TUS = { "Tus-Resumable": "1.0.0" };
const NO_PARAMS = { params: Promise.resolve({}) };
let seq = 0;

beforeEach(() => {
  resetRateLimits();
  session.user = null;
});
afterAll(() => delete process.env.UPLOAD_MAX_OPEN_PER_USER);

/** The creation POST of a visitor's upload through the request link `token`. */
function create(token: string, name: string, size: number, extra: Record<string, string> = {}) {
  return POST(
    new Request(`${APP}/api/uploads`, {
      method: "POST",
      headers: {
        ...TUS,
        "Upload-Link": token,
        "X-Forwarded-For": `10.9.0.${++seq % 250}`,
        "Upload-Length": String(size),
        "Upload-Metadata": tusMetadata({ kind: "filerequest", name, uploader: "Vera Visitor", ...extra }),
      },
    }),
    NO_PARAMS,
  );
}
const locationOf = (created: Response) => new URL(created.headers.get("location")!, `${APP}/api/uploads/`).toString();
const patch = (token: string, location: string, offset: number, body: string) =>
  PATCH(
    new Request(location, {
      method: "PATCH",
      headers: {
        ...TUS,
        "Upload-Link": token,
        "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream",
      },
      body,
    }),
    NO_PARAMS,
  );

async function send(token: string, name: string, content: string, extra: Record<string, string> = {}) {
  const created = await create(token, name, Buffer.byteLength(content), extra);
  if (created.status !== 201) return created;
  return patch(token, locationOf(created), 0, content);
}

async function request(actor: Actor, folderId: string, input: Partial<CreateFileRequestInput> = {}) {
  return createFileRequest(actor, { folderId, title: "Receipts 2026", maxFileBytes: 1000, maxFiles: 5, ...input });
}

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    return toFailure(error).code;
  }
}

async function filesIn(actor: Actor, folderId: string) {
  return (await listFolder(actor, folderId)).entries.map((e) => e.name).sort();
}

describe("file requests", () => {
  it("a visitor's file lands in the folder with their name, never overwriting, and the answer names nothing else", async () => {
    const { owner, rootId } = await createCast();
    await putFile(owner, rootId, "report.csv", "the original");
    const { token } = await request(owner, rootId);

    const done = await send(token, "report.csv", "from the visitor");
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ status: "received", name: "report.csv", size: 16 });

    expect(await filesIn(owner, rootId)).toEqual(["report (1).csv", "report.csv"]);
    const received = await getDb().fileEntry.findFirstOrThrow({ where: { name: "report (1).csv" } });
    expect(received.uploaderName).toBe("Vera Visitor");
    const original = await getDb().fileEntry.findFirstOrThrow({ where: { name: "report.csv" } });
    expect(original.size).toBe(BigInt("the original".length));
    const events = await getDb().auditEvent.findMany({ where: { action: "file_request.received" } });
    expect(events.at(-1)?.details).toMatchObject({ name: "report (1).csv", uploader: "Vera Visitor" });
  });

  it("files go to a subfolder named for the request when asked, and a signed-in visitor is named by their account", async () => {
    const { owner, stranger, rootId } = await createCast();
    const { token, targetFolderId } = await request(owner, rootId, { subfolder: true, audience: "signed-in" });
    expect(await filesIn(owner, rootId)).toEqual(["Receipts 2026"]);
    // A signed-in-only request answers a visitor without a session with "sign in".
    expect((await create(token, "a.txt", 3)).status).toBe(401);
    session.user = { ...stranger, name: null };
    expect((await send(token, "a.txt", "abc", { uploader: "" })).status).toBe(200);
    const file = await getDb().fileEntry.findFirstOrThrow({ where: { parentId: targetFolderId } });
    expect(file).toMatchObject({ name: "a.txt", uploaderName: stranger.username, createdById: stranger.id });
  });

  it("refuses a file over the size limit from its Upload-Length, before any byte, and an anonymous upload without a name", async () => {
    const { owner, rootId } = await createCast();
    const { token, id } = await request(owner, rootId, { maxFileBytes: 10 });
    const tooBig = await create(token, "big.bin", 11);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toBe('"big.bin" is 11 B; this request takes files up to 10 B.');
    expect(await getDb().upload.count({ where: { fileRequestId: id } })).toBe(0);

    const nameless = await create(token, "a.txt", 3, { uploader: "  " });
    expect(nameless.status).toBe(422);
    expect((await nameless.json()).error).toBe("Enter your name, so the requester knows who sent the files.");
  });

  it("takes at most maxFiles in total, counting uploads in progress, also when they start at the same moment", async () => {
    const { owner, rootId } = await createCast();
    process.env.UPLOAD_MAX_OPEN_PER_USER = "50";
    const { token, id } = await request(owner, rootId, { maxFiles: 3 });
    expect((await send(token, "first.txt", "1")).status).toBe(200);
    const started = await Promise.all(Array.from({ length: 8 }, (_, i) => create(token, `race-${i}.txt`, 1)));
    const statuses = started.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 409, 409, 409, 409, 409, 409]);
    const refused = started.find((r) => r.status === 409)!;
    expect((await refused.json()).error).toBe(
      "This request takes 3 files in total and has them all; no more files can be sent.",
    );
    for (const r of started.filter((s) => s.status === 201))
      expect((await patch(token, locationOf(r), 0, "x")).status).toBe(200);
    expect((await create(token, "late.txt", 1)).status).toBe(409);
    const [row] = await listFileRequests(owner, rootId);
    expect(row).toMatchObject({ id, received: 3, maxFiles: 3 });
    expect((await filesIn(owner, rootId)).length).toBe(3);
  });

  it("an upload under way stops when its request is revoked, and a new one is refused", async () => {
    const { owner, editor, rootId } = await createCast();
    const { token, id } = await request(editor, rootId);
    const created = await create(token, "half.txt", 10);
    expect(created.status).toBe(201);
    const location = locationOf(created);
    expect((await patch(token, location, 0, "12345")).status).toBe(204);

    await revokeFileRequest(owner, id);
    const rest = await patch(token, location, 5, "67890");
    expect(rest.status).toBe(404);
    expect((await rest.json()).error).toBe("This link is not available.");
    const probe = await HEAD(
      new Request(location, { method: "HEAD", headers: { ...TUS, "Upload-Link": token } }),
      NO_PARAMS,
    );
    expect(probe.status).toBe(404);
    expect((await create(token, "new.txt", 1)).status).toBe(404);
    expect(await filesIn(owner, rootId)).toEqual([]);
    expect(await getDb().auditEvent.count({ where: { action: "file_request.revoked", resourceId: rootId } })).toBe(1);
  });

  it("a request that ends while the last bytes arrive takes nothing", async () => {
    const { owner, rootId } = await createCast();
    const { token, id } = await request(owner, rootId);
    const created = await create(token, "late.txt", 4);
    // The link itself still opens (it ends between the route's check and the finishing step).
    const { commitRequestFile } = await import("./commit-request-file");
    await getDb().accessLink.update({ where: { id }, data: { revokedAt: new Date() } });
    const opened = await openAccessLink(token, { client: "x", viewer: null, cookies: () => undefined });
    expect(opened.status).toBe("unavailable");
    expect(created.status).toBe(201);
    const failure = await outcome(() =>
      commitRequestFile(
        { kind: "link", id: `link:${id}`, email: "", username: null, link: { id } as never },
        {
          id: "0".repeat(32),
          size: 4,
          path: "/nonexistent",
          metadata: { fileRequestId: id, folderId: rootId, name: "late.txt", workspaceId: "w" },
        },
      ),
    );
    expect(failure).toBe("gone");
    expect(await filesIn(owner, rootId)).toEqual([]);
  });

  it("the request link reads nothing: not the folder, its files, its listing, its ZIP, nor another folder by a file upload", async () => {
    const { owner, rootId } = await createCast();
    const inside = await putFile(owner, rootId, "inside.txt", "secret");
    if (inside.status === "skipped") throw new Error("not stored");
    const { token } = await request(owner, rootId);
    const opened = await openAccessLink(token, { client: "leak", viewer: null, cookies: () => undefined });
    if (opened.status !== "ok") throw new Error(opened.status);
    const visitor = opened.link.actor;
    expect(await outcome(() => loadEntry(visitor, rootId, "view"))).toBe("not_found");
    expect(await outcome(() => loadEntry(visitor, inside.id, "view"))).toBe("not_found");
    expect(await outcome(() => listFolder(visitor, rootId))).toBe("not_found");
    expect(await outcome(() => openFileDownload(visitor, inside.id))).toBe("not_found");
    expect(await outcome(() => zipFolder(visitor, rootId))).toBe("not_found");
    // The ordinary file upload kind, naming the folder itself, is refused too.
    const asFile = await create(token, "x.txt", 1, { kind: "file", folderId: rootId });
    expect(asFile.status).toBe(404);
    // The internal routes a link page reads with ?link= answer as for no link at all.
    const viaLink = (path: string) => new Request(`${APP}${path}?link=${token}`);
    const params = (id: string) => ({ params: Promise.resolve({ id }) });
    expect((await folderChildren(viaLink(`/api/folders/${rootId}/children`), params(rootId))).status).toBe(404);
    expect((await folderZip(viaLink(`/api/folders/${rootId}/zip`), params(rootId))).status).toBe(404);
    expect((await fileDownload(viaLink(`/api/files/${inside.id}/download`), params(inside.id))).status).toBe(404);
  });

  it("a password-protected request takes uploads only from a browser that unlocked it on the link page", async () => {
    const { owner, rootId } = await createCast();
    const { token, id } = await request(owner, rootId, { password: "correct horse" });
    const locked = await create(token, "a.txt", 1);
    expect(locked.status).toBe(401);
    expect((await locked.json()).code).toBe("password_required");
    const opened = await openAccessLink(token, {
      client: "unlock",
      viewer: null,
      password: "correct horse",
      cookies: () => undefined,
    });
    if (opened.status !== "ok" || !opened.unlock) throw new Error("not unlocked");
    const unlocked = await POST(
      new Request(`${APP}/api/uploads`, {
        method: "POST",
        headers: {
          ...TUS,
          "Upload-Link": token,
          Cookie: `${opened.unlock.name}=${opened.unlock.value}`,
          "Upload-Length": "1",
          "Upload-Metadata": tusMetadata({ kind: "filerequest", name: "a.txt", uploader: "Vera" }),
        },
      }),
      NO_PARAMS,
    );
    expect(unlocked.status).toBe(201);
    expect(await getDb().upload.count({ where: { fileRequestId: id } })).toBe(1);
  });

  it("only someone who may write the folder creates, lists or revokes its requests", async () => {
    const { owner, viewer, stranger, rootId } = await createCast();
    expect(await outcome(() => request(viewer, rootId))).toBe("forbidden");
    expect(await outcome(() => request(stranger, rootId))).toBe("not_found");
    const { id } = await request(owner, rootId, { password: "correct horse" });
    expect(await outcome(() => listFileRequests(viewer, rootId))).toBe("forbidden");
    expect(await outcome(() => revokeFileRequest(viewer, id))).toBe("not_found");
    expect(await outcome(() => revokeFileRequest(stranger, id))).toBe("not_found");
    const [row] = await listFileRequests(owner, rootId);
    expect(row).toMatchObject({ id, title: "Receipts 2026", hasPassword: true, audience: "anyone", active: true });
    expect(await outcome(() => request(owner, rootId, { maxFiles: 0 }))).toBe("invalid");
  });

  it("follows the workspace's link policy: no anyone-links when they are off, a password when one is required", async () => {
    const { owner, rootId } = await createCast();
    const folder = await getDb().fileEntry.findUniqueOrThrow({ where: { id: rootId } });
    await updateWorkspacePolicy(owner, folder.workspaceId, { publicLinksDisabled: true, linkPasswordRequired: true });
    expect(await outcome(() => request(owner, rootId, { audience: "anyone", password: "correct horse" }))).toBe(
      "forbidden",
    );
    expect(await outcome(() => request(owner, rootId, { audience: "signed-in" }))).toBe("forbidden");
    expect(await outcome(() => request(owner, rootId, { audience: "signed-in", password: "correct horse" }))).toBe(
      "ok",
    );
  });

  it("names its maker to visitors by name or username, never by e-mail, and cannot become an access request", async () => {
    const { owner, rootId } = await createCast();
    await getDb().user.update({ where: { id: owner.id }, data: { name: null, username: null } });
    const { id, token } = await request(owner, rootId);
    const opened = await openAccessLink(token, { client: "v", viewer: null, cookies: () => undefined });
    if (opened.status !== "ok") throw new Error(`the request did not open: ${opened.status}`);
    expect((await fileRequestView(opened.link)).requestedBy).not.toContain("@");
    await revokeFileRequest(owner, id);
    // An ended request's visitor asking for "access" would learn the folder's name from the request.
    const visitor = await createCast();
    expect(await outcome(() => createAccessRequest(visitor.owner, { source: "link", token }, {}))).toBe("not_found");
  });

  it("is not listed among the folder's or the workspace's read links (the share dialog, the REST key list)", async () => {
    const { owner, rootId } = await createCast();
    const { id } = await request(owner, rootId);
    const folder = await getDb().fileEntry.findUniqueOrThrow({ where: { id: rootId } });
    expect((await listAccessLinks(owner, "folder", rootId)).map((l) => l.id)).not.toContain(id);
    expect((await listWorkspaceAccessLinks(owner, folder.workspaceId)).map((l) => l.id)).not.toContain(id);
    expect(await listFileRequests(owner, rootId)).toHaveLength(1);
  });
});
