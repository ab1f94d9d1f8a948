import { beforeEach, describe, expect, it } from "vitest";
import * as unknownEndpoint from "@/app/api/v1/[...rest]/route";
import * as dataList from "@/app/api/v1/data/[owner]/[namespace]/route";
import * as namespaceShares from "@/app/api/v1/permissions/namespaces/[owner]/[namespace]/shares/route";
import * as fileContent from "@/app/api/v1/files/[fileId]/content/route";
import * as ingest from "@/app/api/v1/ingest/[namespace]/[datasetName]/route";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as uploads from "@/app/api/uploads/[[...id]]/route";
import { createCast, putFile, setupTempStorage } from "@/lib/files/test-support";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { setupTestDatabase } from "@/test/db";

setupTestDatabase();
setupTempStorage();

const APP = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };
type RouteModule = Record<string, (request: Request, context: { params: Promise<never> }) => Promise<Response>>;

async function expectShape(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  expect(res.headers.get("cache-control")).toMatch(/^private, no-store(, no-transform)?$/);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ error: expect.any(String), code });
  return body;
}

beforeEach(() => resetRateLimits());

describe("every answer under /api/v1 has the error shape", () => {
  it("a path no route serves is a JSON 404 for every method, never the HTML page", async () => {
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const handler = (unknownEndpoint as unknown as RouteModule)[method]!;
      const res = await handler(new Request(`${APP}/api/v1/nope`, { method }), { params: Promise.resolve() as never });
      await expectShape(res, 404, "not_found");
    }
  });

  it("a method the route does not serve is a JSON 405 with Allow, with or without a token", async () => {
    const cast = await createCast();
    const { token } = await createApiToken(cast.owner.id, { name: "t" });
    for (const [module, method, allow] of [
      [workspaces, "PATCH", "GET, HEAD, OPTIONS, POST"],
      [workspaces, "DELETE", "GET, HEAD, OPTIONS, POST"],
      [ingest, "GET", "OPTIONS, POST"],
      [fileContent, "POST", "GET, HEAD, OPTIONS"],
      [uploads, "GET", "DELETE, HEAD, OPTIONS, PATCH, POST"],
    ] as const) {
      for (const headers of [{}, { Authorization: `Bearer ${token}` }] as Record<string, string>[]) {
        const handler = (module as unknown as RouteModule)[method]!;
        const res = await handler(new Request(`${APP}/api/v1/x`, { method, headers }), noParams as never);
        await expectShape(res, 405, "method_not_allowed");
        expect(res.headers.get("allow")).toBe(allow);
      }
    }
  });

  it("OPTIONS still answers 204 with the served methods, and HEAD runs GET", async () => {
    const options = await workspaces.OPTIONS(new Request(`${APP}/api/v1/workspaces`, { method: "OPTIONS" }), noParams);
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
    const head = await workspaces.HEAD(new Request(`${APP}/api/v1/workspaces`, { method: "HEAD" }), noParams);
    expect(head.status).toBe(401);
  });

  it("Range: bytes=-0 is a JSON 416 with Content-Range: bytes */size", async () => {
    const cast = await createCast();
    const { token } = await createApiToken(cast.owner.id, { name: "t" });
    const file = (await putFile(cast.owner, cast.rootId, "note.txt", "hello, range\n")) as { id: string };
    const get = (range: string) =>
      fileContent.GET(
        new Request(`${APP}/api/v1/files/${file.id}/content`, {
          headers: { Authorization: `Bearer ${token}`, Range: range },
        }),
        { params: Promise.resolve({ fileId: file.id }) },
      );
    const res = await get("bytes=-0");
    await expectShape(res, 416, "range_not_satisfiable");
    expect(res.headers.get("content-range")).toBe("bytes */13");
    const beyond = await get("bytes=100-");
    await expectShape(beyond, 416, "range_not_satisfiable");
    const part = await get("bytes=0-4");
    expect(part.status).toBe(206);
    expect(await part.text()).toBe("hello");
  });

  it("a NUL character in the path, the query or a JSON string is a 400 on every database (PostgreSQL cannot hold one)", async () => {
    const cast = await createCast();
    const { token } = await createApiToken(cast.owner.id, { name: "t" });
    const auth = { Authorization: `Bearer ${token}` };
    const list = await dataList.GET(new Request(`${APP}/api/v1/data/a%00b/lab`, { headers: auth }), {
      params: Promise.resolve({ owner: "a\u0000b", namespace: "lab" }),
    });
    await expectShape(list, 400, "bad_request");
    const query = await workspaces.GET(new Request(`${APP}/api/v1/workspaces?q=%00`, { headers: auth }), noParams);
    await expectShape(query, 400, "bad_request");
    const share = await namespaceShares.POST(
      new Request(`${APP}/api/v1/permissions/namespaces/x/lab/shares`, {
        method: "POST",
        headers: { ...auth, "Content-Type": "application/json" },
        body: JSON.stringify({ username: "a\u0000b", role: "viewer" }),
      }),
      { params: Promise.resolve({ owner: cast.owner.username!, namespace: cast.workspace.slug }) },
    );
    await expectShape(share, 400, "bad_request");
  });

  it("the tus endpoint's own refusals (unknown kind, missing Tus-Resumable, unknown upload) are in the shape", async () => {
    const cast = await createCast();
    const { token } = await createApiToken(cast.owner.id, { name: "t" });
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    const send = (method: string, path: string, headers: Record<string, string>) =>
      (uploads as unknown as RouteModule)[method]!(
        new Request(`${APP}${path}`, { method, headers: { Authorization: `Bearer ${token}`, ...headers } }),
        noParams as never,
      );
    await expectShape(
      await send("POST", "/api/uploads", {
        "Tus-Resumable": "1.0.0",
        "Upload-Length": "3",
        "Upload-Metadata": `kind ${b64("nonsense")},folderId ${b64(cast.rootId)}`,
      }),
      400,
      "bad_request",
    );
    await expectShape(await send("POST", "/api/uploads", { "Upload-Length": "3" }), 412, "precondition_failed");
    await expectShape(
      await send("PATCH", `/api/uploads/${"0".repeat(32)}`, {
        "Tus-Resumable": "1.0.0",
        "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
      }),
      404,
      "not_found",
    );
  });
});
