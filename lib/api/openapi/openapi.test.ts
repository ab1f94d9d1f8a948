import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";

const V1 = path.join(process.cwd(), "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

/** Every (path, method) that app/api/v1/**\/route.ts serves, in OpenAPI form ("[owner]" → "{owner}"). */
function servedRoutes(): string[] {
  const files = fs
    .readdirSync(V1, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts");
  return files.flatMap((file) => {
    const source = fs.readFileSync(path.join(V1, file), "utf8");
    const dir = path.dirname(file) === "." ? "" : `/${path.dirname(file).split(path.sep).join("/")}`;
    const apiPath = dir.replace(/\[(\w+)\]/g, "{$1}");
    const exported = new Set<string>();
    for (const m of source.matchAll(/export (?:const|async function|function) (\w+)/g)) exported.add(m[1]!);
    for (const m of source.matchAll(/export \{([^}]+)\}/g))
      for (const part of m[1]!.split(","))
        exported.add(
          part
            .split(/\s+as\s+/)
            .at(-1)!
            .trim(),
        );
    return [...exported].filter((name) => METHODS.includes(name)).map((method) => `${method.toLowerCase()} ${apiPath}`);
  });
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

  it("lists exactly the routes the app serves under /api/v1", () => {
    const documented = Object.entries(document.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    const served = servedRoutes();
    expect(served.length).toBeGreaterThan(20);
    expect(documented.sort()).toEqual(served.sort());
  });

  it("documents request bodies from the schemas that validate them", () => {
    const share = document.paths["/permissions/datasets/{owner}/{namespace}/{datasetName}/shares"]!.post as {
      requestBody: { content: { "application/json": { schema: { properties: Record<string, { enum?: string[] }> } } } };
    };
    expect(share.requestBody.content["application/json"].schema.properties.role!.enum).toEqual(["viewer", "editor"]);
  });
});
