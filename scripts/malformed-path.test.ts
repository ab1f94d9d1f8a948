import { describe, expect, it } from "vitest";
import { DOT_SEGMENT_BODY, isDotSegmentApiPath, isMalformedPath, MALFORMED_PATH_BODY } from "./malformed-path.mjs";

describe("malformed percent-encoding in a path", () => {
  it.each([
    "/api/v1/data/alice/%E0%A4%A",
    "/api/v1/data/%FF%FE/sales",
    "/api/v1/workspaces/%ED%A0%80/files",
    "/api/files/%E0%A4%A/download?x=1",
  ])("%s is refused", (path) => {
    expect(isMalformedPath(path)).toBe(true);
  });

  it.each([
    "/api/v1/data/alice/sales",
    "/api/v1/data/alice/caf%C3%A9",
    "/api/v1/data/a%20b/%2F",
    "/w/alice/sales?q=%E0%A4%A",
  ])("%s passes", (path) => {
    expect(isMalformedPath(path)).toBe(false);
  });

  it("answers in the API's one error shape", () => {
    expect(JSON.parse(MALFORMED_PATH_BODY)).toEqual({
      code: "bad_request",
      error: "The URL contains malformed percent-encoding.",
    });
  });
});

describe("dot segments in an API path", () => {
  it.each([
    "/api/v1/files/../x",
    "/api/v1/files/%2e%2e/x",
    "/api/v1/%2e%2e/",
    "/api/v1/./workspaces",
    "/api/v1/%2E/x?y=1",
  ])("%s is refused", (path) => {
    expect(isDotSegmentApiPath(path)).toBe(true);
  });

  it.each(["/api/v1/data/alice/v1..2", "/api/v1/data/alice/.hidden", "/w/alice/../x", "/api/v1/x?path=../y"])(
    "%s passes",
    (path) => {
      expect(isDotSegmentApiPath(path)).toBe(false);
    },
  );

  it("answers a 404 in the API's one error shape", () => {
    expect(JSON.parse(DOT_SEGMENT_BODY)).toMatchObject({ code: "not_found", error: expect.any(String) });
  });
});
