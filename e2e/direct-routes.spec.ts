// The production server answers row reads (the token API's, the grid's) from the build's own route handlers
// (scripts/direct-routes.mjs). Should
// a Next upgrade change how a build holds them, the server would quietly send those reads through Next again: still
// correct, but with twice the CPU per request. This test is what notices. (That the answers are the same either
// way is e2e/multi-instance.spec.ts's last test; every API test of the suite runs on the direct routes.)
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DIRECT_ROUTES, loadDirectRoutes } from "../scripts/direct-routes.mjs";
import { distDirOf } from "../scripts/build-lock.mjs";

test("the build's row reads, namespace listing and grid routes load as the server loads them, and answer", async () => {
  const direct = await loadDirectRoutes(distDirOf(path.resolve(".")));
  expect(direct, "scripts/direct-routes.mjs could not load the build's route handlers").not.toBeNull();
  expect(direct!.routes.map((r) => r.params)).toEqual(DIRECT_ROUTES.map((r) => r.params));
  for (const route of direct!.routes) {
    const params = Object.fromEntries(route.params.map((name) => [name, "nobody"]));
    const answer = await route.get(new Request(`http://localhost/api/v1/data/nobody/nobody/nobody`), {
      params: Promise.resolve(params),
    });
    // The route's own wrapper: no token, no session cookie, no link: the API's 401 in its one error shape.
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { code: string }).code).toBe("unauthenticated");
  }
});
