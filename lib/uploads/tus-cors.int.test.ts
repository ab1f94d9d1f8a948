import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCast, setupTempStorage } from "@/lib/files/test-support";
import { setupTestDatabase } from "@/test/db";
import { createTusServer, handleTusRequest } from "./tus-server";

setupTestDatabase();
setupTempStorage();

beforeAll(() => {
  process.env.APP_URL = "https://data.example.com";
});
afterAll(() => {
  delete process.env.APP_URL;
});

const preflight = (origin: string) =>
  new Request("https://data.example.com/api/uploads", {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "tus-resumable, upload-length",
    },
  });

describe("tus CORS", () => {
  it("allows the app's own origin and no other site", async () => {
    const { owner } = await createCast();
    const server = createTusServer();
    const foreign = await handleTusRequest(owner, preflight("https://evil.example"), server);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const own = await handleTusRequest(owner, preflight("https://data.example.com"), server);
    expect(own.headers.get("access-control-allow-origin")).toBe("https://data.example.com");
  });
});
