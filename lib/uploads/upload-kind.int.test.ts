import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createCast, setupTempStorage } from "@/lib/files/test-support";
import { setupTestDatabase } from "@/test/db";
import { tusCreate } from "./tus-requests";
import { createTusServer, handleTusRequest, type TusServer } from "./tus-server";

setupTestDatabase();
setupTempStorage();
// One server for the file, made while its storage exists (a server per test went on creating its
// staging folder after the storage was removed).
let server: TusServer;
beforeAll(() => {
  server = createTusServer();
});

// Upload.kind is an enum of the registered handlers; `kind` metadata naming anything else, including a name every
// object inherits ("constructor", "toString"), is refused with the plain 400 before a row is written.
describe("tus upload kind", () => {
  it.each(["spreadsheet", "constructor", "toString", "__proto__"])(
    "%s is an unknown upload kind (400)",
    async (kind) => {
      const { owner, rootId } = await createCast();
      const request = tusCreate("http://app.local", 10, { kind, folderId: rootId, name: "a.txt" });
      const response = await handleTusRequest(owner, request, server);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: `Unknown upload kind "${kind}".` });
      expect(await getDb().upload.count({ where: { userId: owner.id } })).toBe(0);
    },
  );
});
