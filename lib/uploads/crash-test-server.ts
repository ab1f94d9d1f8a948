// Test only: a minimal server process running the upload handlers (tus and REST multipart
// complete) as one fixed user, for the crash tests that SIGKILL it and start it again
// (lib/uploads/crash.int.test.ts). Binds 127.0.0.1 only. Never part of the product.
import http from "node:http";
import { Readable } from "node:stream";
import { completeMultipart } from "@/lib/api/multipart";
import { getDb } from "@/lib/db";
import { handleTusRequest } from "@/lib/uploads/tus-server";
import { toFailure, statusOf } from "@/lib/util/result";

const port = Number(process.env.PORT);
const user = await getDb().user.findUniqueOrThrow({ where: { id: process.env.TEST_USER_ID! } });
const actor = { id: user.id, email: user.email, username: user.username };

const server = http.createServer((req, res) => {
  void (async () => {
    const url = `http://127.0.0.1:${port}${req.url}`;
    let response: Response;
    const complete = /^\/api\/v1\/upload\/multipart\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/complete$/.exec(req.url ?? "");
    if (complete && req.method === "POST") {
      try {
        const [, owner, namespace, dataset, uploadId] = complete as unknown as [string, string, string, string, string];
        response = Response.json(await completeMultipart(actor, owner, namespace, dataset, uploadId));
      } catch (error) {
        const failure = toFailure(error);
        response = Response.json({ error: failure.message, code: failure.code }, { status: statusOf(failure) });
      }
    } else {
      const body =
        req.method === "GET" || req.method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
      const request = new Request(url, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body,
        duplex: "half",
      } as RequestInit);
      response = await handleTusRequest(actor, request);
    }
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  })().catch((error: unknown) => {
    console.error(error);
    res.writeHead(500).end();
  });
});
server.listen(port, "127.0.0.1", () => console.log(`listening ${port}`));
