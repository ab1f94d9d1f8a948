// Behind scripts/server.mjs a multipart part's body is read straight from the socket's Node stream
// (lib/uploads/node-body.ts) instead of Next's web stream; this drives the part route with such a
// hand-over the way the server makes it, then completes the upload through its route.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import * as complete from "@/app/api/v1/upload/multipart/[owner]/[namespace]/[datasetName]/[uploadId]/complete/route";
import * as part from "@/app/api/v1/upload/multipart/[owner]/[namespace]/[datasetName]/[uploadId]/parts/[partNumber]/route";
import { setupCatalogStorage } from "@/lib/catalog/test-support";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { NODE_BODY_HEADER } from "@/lib/uploads/node-body";
import { nodeRequest } from "@/lib/uploads/node-requests";
import { handOverNodeBody, nodeBodies } from "@/scripts/node-body-handover.mjs";
import { setupTestDatabase } from "@/test/db";
import { startedUpload } from "./multipart-test-support";

setupTestDatabase();
setupCatalogStorage();

const APP = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("multipart parts handed over by the app server", () => {
  it("are written from the socket's stream (PUT and POST alike), never from Next's web body, and complete ingests their rows", async () => {
    const { owner, args, uploadId } = await startedUpload();
    const { token } = await createApiToken(owner.id, { name: "parts" });
    const rows = Array.from({ length: 5000 }, (_, i) => `r${i},${i}`).join("\n");
    const text = `region,amount\n${rows}\n`;
    const cut = 20_011; // inside a row
    const base = `/api/v1/upload/multipart/${args.join("/")}/${uploadId}`;
    for (const [n, method, piece] of [
      [1, "PUT", text.slice(0, cut)],
      [2, "POST", text.slice(cut)],
    ] as const) {
      const url = `${base}/parts/${n}`;
      const req = nodeRequest(method, url, {}, Buffer.from(piece), 1000);
      const res = new EventEmitter();
      handOverNodeBody(req, res);
      const key = req.headers[NODE_BODY_HEADER] as string;
      expect(key).toMatch(/^[a-f0-9]{32}$/);
      // The web body is other bytes: were they written instead, the rows (and the part's size) would differ.
      const answer = await (part[method] as Handler)(
        new Request(`${APP}${url}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, [NODE_BODY_HEADER]: key },
          body: "x,0\n".repeat(7),
        }),
        {
          params: Promise.resolve({
            owner: args[0],
            namespace: args[1],
            datasetName: args[2],
            uploadId,
            partNumber: String(n),
          }),
        },
      );
      res.emit("close");
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ partNumber: n, size: Buffer.byteLength(piece) });
      expect(nodeBodies().has(key)).toBe(false);
    }
    const done = await (complete.POST as Handler)(
      new Request(`${APP}${base}/complete`, { method: "POST", headers: { Authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ owner: args[0], namespace: args[1], datasetName: args[2], uploadId }) },
    );
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ rowsAdded: 5000, rowCount: 5001 });
  });
});
