import http from "node:http";
import { expect, test } from "@playwright/test";
import { createUserWithToken } from "./cli-helpers";

const PORT = Number(process.env.E2E_PORT || 3100);
const API_ERROR = { error: expect.any(String), code: expect.any(String) };

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request sent exactly as written (fetch clients resolve `..` and `%2e%2e` before sending). */
function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORT, method, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function expectErrorShape(res: Raw, status: number, code: string, label: string) {
  expect(res.status, label).toBe(status);
  expect(res.headers["content-type"], label).toMatch(/application\/json/);
  expect(JSON.parse(res.body), label).toMatchObject({ ...API_ERROR, code });
}

/** A user of its own with one small file in their personal workspace, uploaded through tus. */
async function userWithFile(name: string) {
  const token = await createUserWithToken(`${name}${Date.now().toString(36)}`);
  const auth = { Authorization: `Bearer ${token}` };
  const base = `http://127.0.0.1:${PORT}`;
  const workspaces = (await (await fetch(`${base}/api/v1/workspaces`, { headers: auth })).json()) as {
    id: string;
    personal: boolean;
  }[];
  const root = (await (
    await fetch(`${base}/api/v1/workspaces/${workspaces.find((w) => w.personal)!.id}/files`, { headers: auth })
  ).json()) as { folderId: string };
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  const content = "hello, shape\n";
  const created = await fetch(`${base}/api/uploads`, {
    method: "POST",
    headers: {
      ...auth,
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(content.length),
      "Upload-Metadata": `kind ${b64("file")},name ${b64("note.txt")},folderId ${b64(root.folderId)}`,
    },
  });
  expect(created.status).toBe(201);
  const finished = await fetch(new URL(created.headers.get("location")!, `${base}/api/uploads/`), {
    method: "PATCH",
    headers: {
      ...auth,
      "Tus-Resumable": "1.0.0",
      "Upload-Offset": "0",
      "Content-Type": "application/offset+octet-stream",
    },
    body: content,
  });
  expect(finished.status).toBe(200);
  const listing = (await (await fetch(`${base}/api/v1/files/folders/${root.folderId}`, { headers: auth })).json()) as {
    entries: { id: string; name: string }[];
  };
  return { token, auth, fileId: listing.entries.find((e) => e.name === "note.txt")!.id, size: content.length };
}

test.describe("every answer under /api/v1 has the error shape {error, code}", () => {
  test("unknown API paths and dot segments are a JSON 404, for every method, with or without a token", async () => {
    const token = await createUserWithToken(`shape${Date.now().toString(36)}`);
    for (const path of [
      "/api/v1/nope",
      "/api/v1/workspaces/abc",
      "/api/v1/files/../x",
      "/api/v1/files/%2e%2e/x",
      "/api/v1/%2e%2e/",
      "/api/v1/./workspaces",
      "/api/v1/data/a/b/c/d/e",
    ]) {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        for (const headers of [{}, { Authorization: `Bearer ${token}` }] as Record<string, string>[]) {
          const label = `${method} ${path} ${"Authorization" in headers ? "with" : "without"} token`;
          expectErrorShape(await raw(method, path, headers), 404, "not_found", label);
        }
      }
    }
  });

  test("an unsupported method is a JSON 405 naming the allowed ones in Allow", async () => {
    const token = await createUserWithToken(`verbs${Date.now().toString(36)}`);
    for (const [method, path, allow] of [
      ["PATCH", "/api/v1/workspaces", "GET, HEAD, OPTIONS, POST"],
      ["DELETE", "/api/v1/workspaces", "GET, HEAD, OPTIONS, POST"],
      ["PUT", "/api/v1/workspaces/x/shares", "GET, HEAD, OPTIONS"],
      ["GET", "/api/v1/ingest/ns/ds", "OPTIONS, POST"],
      ["POST", "/api/v1/files/x/content", "GET, HEAD, OPTIONS"],
      ["GET", "/api/uploads", "DELETE, HEAD, OPTIONS, PATCH, POST"],
    ] as const) {
      for (const headers of [{}, { Authorization: `Bearer ${token}` }] as Record<string, string>[]) {
        const res = await raw(method, path, headers);
        const label = `${method} ${path}`;
        expectErrorShape(res, 405, "method_not_allowed", label);
        expect(res.headers.allow, label).toBe(allow);
      }
    }
  });

  test("Range: bytes=-0 is a JSON 416 with Content-Range: bytes */size", async () => {
    const { auth, fileId, size } = await userWithFile("range");
    const res = await raw("GET", `/api/v1/files/${fileId}/content`, { ...auth, Range: "bytes=-0" });
    expectErrorShape(res, 416, "range_not_satisfiable", "GET bytes=-0");
    expect(res.headers["content-range"]).toBe(`bytes */${size}`);
    const head = await raw("HEAD", `/api/v1/files/${fileId}/content`, { ...auth, Range: "bytes=-0" });
    expect(head.status).toBe(416);
    expect(head.headers["content-range"]).toBe(`bytes */${size}`);
    // A satisfiable range still works.
    const part = await raw("GET", `/api/v1/files/${fileId}/content`, { ...auth, Range: "bytes=0-4" });
    expect(part.status).toBe(206);
    expect(part.body).toBe("hello");
  });

  test("the tus upload endpoint answers its errors in the shape too", async () => {
    const token = await createUserWithToken(`tus${Date.now().toString(36)}`);
    const auth = { Authorization: `Bearer ${token}` };
    const tus = { ...auth, "Tus-Resumable": "1.0.0" };
    const cases: [string, string, Record<string, string>, number, string][] = [
      ["POST", "/api/uploads", { "Tus-Resumable": "1.0.0", "Upload-Length": "3" }, 401, "unauthenticated"],
      ["POST", "/api/uploads", { ...tus, "Upload-Length": "3", "Upload-Metadata": "kind eA==" }, 400, "bad_request"],
      ["POST", "/api/uploads", { ...auth, "Upload-Length": "3" }, 412, "precondition_failed"],
      [
        "PATCH",
        `/api/uploads/${"0".repeat(32)}`,
        { ...tus, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
        404,
        "not_found",
      ],
      ["PATCH", `/api/uploads/${"0".repeat(32)}`, { ...tus, "Upload-Offset": "0" }, 403, "forbidden"],
      ["HEAD", `/api/uploads/${"0".repeat(32)}`, tus, 404, ""],
    ];
    for (const [method, path, headers, status, code] of cases) {
      const res = await raw(method, path, headers);
      const label = `${method} ${path} ${JSON.stringify(headers)}`;
      if (method === "HEAD") expect(res.status, label).toBe(status);
      else expectErrorShape(res, status, code, label);
    }
  });

  test("a malformed cookie on an access-link request does not break it (the link decides, not a 500)", async () => {
    for (const cookie of ["pref=%E0%A4%A", "a=%", "theme=%FF%FE; other=1"]) {
      const res = await raw("GET", "/api/datasets/none/versions?link=not-a-real-link", { Cookie: cookie });
      expectErrorShape(res, 404, "not_found", cookie);
    }
  });
});
