import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { servedMethods } from "../route-methods";
import { buildOpenApiDocument } from "./document";

const V1 = path.join(process.cwd(), "app/api/v1");

/** Every (path, method) that app/api/v1/**\/route.ts serves, in OpenAPI form ("[owner]" → "{owner}"). */
async function servedRoutes(): Promise<string[]> {
  const files = fs
    .readdirSync(V1, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts" && !f.includes("[..."));
  const served = await Promise.all(
    files.map(async (file) => {
      const dir = path.dirname(file) === "." ? "" : `/${path.dirname(file).split(path.sep).join("/")}`;
      const apiPath = dir.replace(/\[(\w+)\]/g, "{$1}");
      const routeModule = (await import(/* @vite-ignore */ path.join(V1, file))) as Record<string, unknown>;
      return servedMethods(routeModule).map((method) => `${method.toLowerCase()} ${apiPath}`);
    }),
  );
  return served.flat().filter((route) => !route.startsWith("options "));
}

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists exactly the routes the app serves under /api/v1", async () => {
    const documented = Object.entries(document.paths)
      .filter(([, item]) => !("servers" in item))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    const served = await servedRoutes();
    expect(served.length).toBeGreaterThan(20);
    expect(documented.sort()).toEqual(served.sort());
  });

  it("documents request bodies from the schemas that validate them", () => {
    const share = document.paths["/permissions/datasets/{owner}/{namespace}/{datasetName}/shares"]!.post as {
      requestBody: { content: { "application/json": { schema: { properties: Record<string, { enum?: string[] }> } } } };
    };
    expect(share.requestBody.content["application/json"].schema.properties.role!.enum).toEqual([
      "aggregate",
      "viewonly",
      "viewer",
      "editor",
    ]);
  });
});
