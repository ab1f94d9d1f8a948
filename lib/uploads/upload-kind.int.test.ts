import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createCast, setupTempStorage } from "@/lib/files/test-support";
import { setupTestDatabase } from "@/test/db";
import { createTusServer, handleTusRequest } from "./tus-server";

setupTestDatabase();
const storage = setupTempStorage();

beforeAll(() => {
  process.env.UPLOAD_DIR = path.join(storage.dir(), "kind-uploads");
});
afterAll(() => {
  delete process.env.UPLOAD_DIR;
});

const b64 = (v: string) => Buffer.from(v).toString("base64");

// Upload.kind is an enum of the registered handlers; `kind` metadata naming anything else, including a name every
// object inherits ("constructor", "toString"), is refused with the plain 400 before a row is written.
describe("tus upload kind", () => {
  it.each(["spreadsheet", "constructor", "toString", "__proto__"])(
    "%s is an unknown upload kind (400)",
    async (kind) => {
      const { owner, rootId } = await createCast();
      const response = await handleTusRequest(
        owner,
        new Request("http://app.local/api/uploads", {
          method: "POST",
          headers: {
            "Tus-Resumable": "1.0.0",
            "Upload-Length": "10",
            "Upload-Metadata": `kind ${b64(kind)},folderId ${b64(rootId)},name ${b64("a.txt")}`,
          },
        }),
        createTusServer(),
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: `Unknown upload kind "${kind}".` });
      expect(await getDb().upload.count({ where: { userId: owner.id } })).toBe(0);
    },
  );
});
