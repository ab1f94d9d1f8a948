import { describe, expect, it } from "vitest";
import { malformedPathResponse } from "./malformed-path";

describe("malformed percent-encoding in a path", () => {
  it.each(["/api/v1/data/alice/%E0%A4%A", "/api/v1/data/%FF%FE/sales", "/api/v1/workspaces/%ED%A0%80/files", "/api/files/%E0%A4%A/download"])(
    "%s is a JSON 400 in the API's error shape",
    async (path) => {
      const res = malformedPathResponse(path)!;
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(await res.json()).toEqual({ code: "bad_request", error: "The URL contains malformed percent-encoding." });
    },
  );

  it.each(["/api/v1/data/alice/sales", "/api/v1/data/alice/caf%C3%A9", "/api/v1/data/a%20b/%2F"])("%s passes", (path) => {
    expect(malformedPathResponse(path)).toBeNull();
  });
});
