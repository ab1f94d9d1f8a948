import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ingestRecords } from "@/lib/api/ingest-records";
import { createKey } from "@/lib/api/keys";
import { initiateMultipart } from "@/lib/api/multipart";
import { shareViaDataLinks } from "@/lib/api/datalinks-shares";
import { getDb } from "@/lib/db";
import { putFile, setupTempStorage } from "@/lib/files/test-support";
import { setDatasetVisibility } from "@/lib/catalog/set-visibility";
import { createAccessRequest } from "@/lib/requests/create-request";
import { createFolder } from "@/lib/files/create-folder";
import { getRootFolder } from "@/lib/files/root-folder";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { setupTestDatabase } from "@/test/db";
import { buildOpenApiDocument } from "./document";
import { OPERATIONS, type Operation, replySchema } from "./operations";
import { errorBody } from "./response-schemas";

/**
 * The contract test: every operation of the OpenAPI document, driven in-process through its
 * route module with requests built from the document's own schemas (valid, mutated and hostile),
 * as the owner, a stranger and nobody. It fails on any 5xx, any error outside the one shape, any
 * status the document does not list for the operation, and any body its schema does not match.
 */

setupTestDatabase();
setupTempStorage();
// Hostile Upload-Link tokens are failed link attempts, each slowed down (lib/links/link-throttle.int.test.ts).
process.env.LINK_MAX_DELAY_MS = "0";

const RUNS = Number(process.env.API_CONTRACT_RUNS || 30);
const SEED = Number(process.env.API_CONTRACT_SEED || 20261130);
const APP = "http://localhost:3000";
const V1 = path.join(process.cwd(), "app/api/v1");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type JsonSchema = Record<string, unknown>;

/** The route modules under app/api/v1 by their OpenAPI path ("[owner]" → "{owner}"). */
async function routeModules(): Promise<Map<string, Record<string, Handler>>> {
  const files = fs
    .readdirSync(V1, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts" && !f.includes("[..."));
  const out = new Map<string, Record<string, Handler>>();
  for (const file of files) {
    const dir = path.dirname(file) === "." ? "" : `/${path.dirname(file).split(path.sep).join("/")}`;
    out.set(dir.replace(/\[(\w+)\]/g, "{$1}"), (await import(/* @vite-ignore */ path.join(V1, file))) as never);
  }
  const tus = (await import("@/app/api/uploads/[[...id]]/route")) as never;
  out.set("/uploads", tus);
  out.set("/uploads/{uploadId}", tus);
  return out;
}

const HOSTILE = [
  "..",
  "../../etc/passwd",
  "a/b",
  "%2e%2e%2f",
  "a\u0000b",
  "\u0000",
  "ünïcødé-名前-🙂",
  "\u202e\u200b",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "x".repeat(5000),
  "9".repeat(400),
  "-1",
  "1e309",
  "NaN",
  " ",
  "null",
  "[]",
  "{}",
];

const hostileString = fc.constantFrom(...HOSTILE);
const hostileValue = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, -1, 0, 1e308, Number.MAX_SAFE_INTEGER * 8, [], {}, [[[[[]]]]]),
);

/** Values a JSON Schema (2020-12, as zod writes it) accepts, mostly; some go past its limits. */
function arbitraryOf(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.jsonValue({ maxDepth: 2 });
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ("const" in schema) return fc.constant(schema.const);
  for (const key of ["anyOf", "oneOf"]) {
    if (Array.isArray(schema[key]))
      return fc.oneof(...(schema[key] as JsonSchema[]).map((s) => arbitraryOf(s, depth + 1)));
  }
  switch (schema.type) {
    case "string": {
      if (schema.format === "date-time")
        return fc
          .integer({ min: -2 * 86_400_000, max: 400 * 86_400_000 })
          .map((ms) => new Date(Date.now() + ms).toISOString());
      if (schema.format === "email") return fc.constantFrom("someone@example.com", "new.person@example.org");
      const max = Math.min(Number(schema.maxLength ?? 40), 60);
      return fc.string({ minLength: Number(schema.minLength ?? 0), maxLength: Math.max(max, 1) });
    }
    case "integer":
      return fc.integer({
        min: Math.max(Number(schema.minimum ?? -10), -1_000_000),
        max: Math.min(Number(schema.maximum ?? 1000), 1_000_000),
      });
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(arbitraryOf(schema.items as JsonSchema, depth + 1), {
        minLength: Number(schema.minItems ?? 0),
        maxLength: Math.min(Number(schema.maxItems ?? 3), 3),
      });
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      if (Object.keys(properties).length === 0)
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      return fc.record(Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, arbitraryOf(s, depth + 1)])), {
        requiredKeys: ((schema.required ?? []) as string[]).filter((k) => k in properties),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A body that breaks the schema: a field dropped, a wrong type, a hostile or oversized value, or no JSON at all. */
function mutatedBody(schema: JsonSchema, valid: fc.Arbitrary<unknown>): fc.Arbitrary<{ text: string }> {
  const json = (v: unknown) => ({ text: JSON.stringify(v) });
  return fc.oneof(
    fc.constantFrom("", "{", "not json", "[1,2", "\u0000", '{"a":1}garbage', "[".repeat(300)).map((text) => ({ text })),
    hostileValue.map(json),
    fc.tuple(valid, fc.string({ maxLength: 12 }), hostileValue).map(([v, key, bad]) => {
      if (!v || typeof v !== "object" || Array.isArray(v)) return json(bad);
      const keys = Object.keys(v);
      const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      if (keys.length > 0 && key.length % 2 === 0) delete copy[keys[key.length % keys.length]!];
      else copy[keys.length > 0 ? keys[key.length % keys.length]! : key] = bad;
      return json(copy);
    }),
    fc.constant(json(schema.type === "array" ? {} : [])),
  );
}

type Fixtures = {
  tokens: { owner: string; friend: string; stranger: string };
  params: Record<string, string[]>;
  rootId: string;
};

const b64 = (s: string) => Buffer.from(s).toString("base64");
const tusMetadata = (folderId: string, name: string) =>
  `kind ${b64("file")},folderId ${b64(folderId)},name ${b64(name)}`;

/** Header values: mostly what the header documents, sometimes hostile (printable ASCII: fetch refuses the rest). */
function headerArbitrary(name: string, schema: JsonSchema): fc.Arbitrary<string | undefined> {
  const ascii = fc.constantFrom(...HOSTILE.filter((h) => /^[\x20-\x7e]*$/.test(h) && h.length < 1000));
  const typical: fc.Arbitrary<string> =
    name === "Upload-Metadata"
      ? fc.string({ minLength: 1, maxLength: 12 }).map((n) => tusMetadata(fixtures.rootId, `${n}.txt`))
      : name === "Tus-Resumable"
        ? fc.constant("1.0.0")
        : schema.type === "integer"
          ? fc.integer({ min: 0, max: 64 }).map(String)
          : fc.string({ maxLength: 20 });
  return fc.oneof(
    { weight: 6, arbitrary: typical },
    { weight: 1, arbitrary: ascii },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

let fixtures: Fixtures;
/** The statuses each operation answered, to show what the run covered. */
const seen = new Map<string, Set<number>>();
let modules: Map<string, Record<string, Handler>>;
const document = buildOpenApiDocument();

beforeAll(async () => {
  vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "1000000");
  modules = await routeModules();
  const tag = Date.now().toString(36);
  const owner = await createUser({ email: `own${tag}@example.com`, username: `own${tag}` });
  const stranger = await createUser({ email: `str${tag}@example.com`, username: `str${tag}` });
  const friend = await createUser({ email: `fri${tag}@example.com`, username: `fri${tag}` });
  const workspace = await createWorkspace(owner, { name: "Lab", slug: "lab" });
  const ingested = await ingestRecords(owner, "lab", "sales", [
    { region: "north", amount: 1 },
    { region: "south", amount: 2 },
  ]);
  await shareViaDataLinks(owner, "dataset", ingested.datasetId, { username: friend.username!, role: "viewer" });
  const share = await getDb().share.findFirstOrThrow({ where: { workspaceId: workspace.id } });
  const root = await getRootFolder(workspace.id);
  const folder = await createFolder(owner, { parentId: root.id, name: "docs" });
  const file = (await putFile(owner, root.id, "note.txt", "hello, contract\n")) as { id: string };
  const key = await createKey(owner, workspace.id, { resource: { type: "workspace", id: workspace.id } });
  const tusStarted = await modules.get("/uploads")!.POST!(
    new Request(`${APP}/api/uploads`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${(await createApiToken(owner.id, { name: "tus" })).token}`,
        "Tus-Resumable": "1.0.0",
        "Upload-Length": "5",
        "Upload-Metadata": tusMetadata(root.id, "started.txt"),
      },
    }),
    { params: Promise.resolve({}) },
  );
  expect(tusStarted.status).toBe(201);
  const tusId = tusStarted.headers.get("location")!.split("/").at(-1)!;
  const upload = await initiateMultipart(owner, owner.username!, "lab", "sales", { format: "csv", mode: "append" });
  const listed = await ingestRecords(owner, "lab", "listed", [{ topic: "a" }]);
  await setDatasetVisibility(owner, listed.datasetId, "listed");
  const asked = await createAccessRequest(stranger, { source: "discover", datasetId: listed.datasetId }, {});
  fixtures = {
    tokens: {
      owner: (await createApiToken(owner.id, { name: "contract" })).token,
      friend: (await createApiToken(friend.id, { name: "contract" })).token,
      stranger: (await createApiToken(stranger.id, { name: "contract" })).token,
    },
    params: {
      owner: [owner.username!],
      namespace: ["lab"],
      datasetName: ["sales", "notes", "listed"],
      workspaceId: [workspace.id],
      shareId: [share.id],
      keyId: [key.id],
      fileId: [file.id],
      folderId: [folder.id, root.id],
      uploadId: [upload.uploadId, tusId],
      partNumber: ["1", "2"],
      requestId: [asked.id],
    },
    rootId: root.id,
  };
});

afterAll(() => {
  vi.unstubAllEnvs();
  if (process.env.API_CONTRACT_REPORT)
    for (const [op, statuses] of seen) console.log(op, [...statuses].sort().join(" "));
});

type Built = {
  who: "owner" | "friend" | "stranger" | "none" | "garbage";
  params: Record<string, string>;
  query: [string, string][];
  body?: { text: string };
  contentType?: string;
  headers: Record<string, string>;
};

/** Conditional and range headers, valid and not, on any request (only downloads heed them). */
const extraHeaders = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(
        "bytes=0-4",
        "bytes=-0",
        "bytes=-3",
        "bytes=5-",
        "bytes=999999-",
        "bytes=4-1",
        "bytes=x",
        "items=0-1",
      )
      .map((range) => ({ Range: range })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Record<string, string>>(
      { "If-None-Match": "*" },
      { "If-None-Match": '"nope"' },
      { "If-Modified-Since": new Date(Date.now() + 86_400_000).toUTCString() },
      { "If-Range": '"nope"', Range: "bytes=0-1" },
    ),
  },
);

function requestArbitrary(op: Operation): fc.Arbitrary<Built> {
  const spec = (document.paths as Record<string, Record<string, JsonSchema>>)[op.path]![op.method]!;
  const parameters = (spec.parameters ?? []) as { name: string; in: string; schema: JsonSchema }[];
  const pathParams = parameters.filter((p) => p.in === "path");
  const queryParams = parameters.filter((p) => p.in === "query");
  const headerParams = parameters.filter((p) => p.in === "header");
  const paramArb = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...(fixtures.params[p.name] ?? ["x"])) },
          { weight: 1, arbitrary: hostileString },
          { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
        ),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const someQuery = fc
    .array(
      fc
        .constantFrom(
          ...queryParams.map((q) => q).concat(queryParams.length ? [] : [{ name: "x", in: "query", schema: {} }]),
        )
        .chain((q) =>
          fc.tuple(
            fc.constant(q.name),
            fc.oneof(
              {
                weight: 3,
                arbitrary: arbitraryOf(q.schema).map((v) => (typeof v === "string" ? v : JSON.stringify(v))),
              },
              { weight: 1, arbitrary: hostileString },
            ),
          ),
        ),
      { maxLength: 3 },
    )
    .map((pairs) => pairs as [string, string][]);
  const queryArb = fc.oneof(
    { weight: 2, arbitrary: fc.constant<[string, string][]>([]) },
    { weight: 3, arbitrary: someQuery },
  );
  const content = (spec.requestBody as { content?: Record<string, { schema?: JsonSchema; example?: unknown }> })
    ?.content;
  let bodyArb: fc.Arbitrary<{ text: string } | undefined> = fc.constant(undefined);
  let contentType: string | undefined;
  if (content?.["application/json"]) {
    const { schema = {}, example } = content["application/json"];
    const valid = arbitraryOf(schema);
    contentType = "application/json";
    bodyArb = fc.oneof(
      { weight: 2, arbitrary: fc.constant(example).map((e) => ({ text: JSON.stringify(withFixtures(e)) })) },
      { weight: 2, arbitrary: valid.map((v) => ({ text: JSON.stringify(v) })) },
      { weight: 3, arbitrary: mutatedBody(schema, valid) },
    );
  } else if (content) {
    contentType = Object.keys(content)[0];
    bodyArb = fc.oneof(
      fc.constant({ text: "" }),
      fc.constant({ text: "region,amount\neast,3\n" }),
      fc.string({ maxLength: 200 }).map((text) => ({ text })),
    );
  }
  return fc.record({
    who: fc.constantFrom("owner", "owner", "owner", "friend", "stranger", "none", "garbage"),
    params: paramArb,
    query: queryArb,
    body: bodyArb,
    contentType: fc.constant(contentType),
    headers: fc
      .tuple(extraHeaders, fc.tuple(...headerParams.map((h) => headerArbitrary(h.name, h.schema))))
      .map(([extra, values]) => {
        const out: Record<string, string> = { ...extra };
        headerParams.forEach((h, i) => {
          if (values[i] !== undefined) out[h.name] = values[i];
        });
        return out;
      }),
  }) as fc.Arbitrary<Built>;
}

/** The document's examples name placeholders; these become the fixtures' ids. */
function withFixtures(example: unknown): unknown {
  const text = JSON.stringify(example ?? null)
    .replaceAll("<workspace id>", fixtures.params.workspaceId![0]!)
    .replaceAll("<dataset id>", "none");
  return JSON.parse(text);
}

function toRequest(op: Operation, built: Built): Request {
  const pathname = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(built.params[name]!));
  const url = new URL(`${APP}${op.server ?? "/api/v1"}${pathname}`);
  for (const [k, v] of built.query) url.searchParams.append(k, v);
  const headers: Record<string, string> = { ...built.headers };
  if (built.who === "owner" || built.who === "friend" || built.who === "stranger")
    headers.Authorization = `Bearer ${fixtures.tokens[built.who]}`;
  if (built.who === "garbage") headers.Authorization = "Bearer dsk_not-a-token";
  if (built.contentType && built.body) headers["Content-Type"] = built.contentType;
  const method = op.method.toUpperCase();
  return new Request(url, {
    method,
    headers,
    ...(built.body && method !== "GET" && method !== "HEAD" ? { body: built.body.text } : {}),
  });
}

async function check(op: Operation, built: Built): Promise<void> {
  const handler = modules.get(op.path)?.[op.method.toUpperCase()];
  expect(handler, `no route module serves ${op.method} ${op.path}`).toBeTypeOf("function");
  resetRateLimits();
  const res = await handler!(toRequest(op, built), { params: Promise.resolve(built.params) });
  seen.set(`${op.method} ${op.path}`, (seen.get(`${op.method} ${op.path}`) ?? new Set()).add(res.status));
  const label = `${op.method.toUpperCase()} ${op.path} ${JSON.stringify(built).slice(0, 400)}`;
  expect(res.status, `${label}: 5xx`).toBeLessThan(500);
  expect(Object.keys(op.responses).map(Number), `${label}: undocumented status ${res.status}`).toContain(res.status);
  const type = res.headers.get("content-type") ?? "";
  if (res.status >= 400) {
    expect(type, label).toMatch(/application\/json/);
    if (op.method !== "head") {
      const parsed = errorBody.safeParse(await res.json());
      expect(parsed.error?.issues ?? [], `${label}: error shape`).toEqual([]);
    }
    return;
  }
  const schema = replySchema(op, res.status);
  if (op.method === "head" || res.status === 204 || res.status === 304 || res.status === 206) return;
  const text = await res.text();
  if (!schema) {
    if (!op.produces) expect(text, `${label}: ${res.status} is documented as empty`).toBe("");
    return;
  }
  if (!/application\/json/.test(type)) return; // a documented stream (CSV, Parquet, the file's bytes)
  if (text === "" && op.server) return; // tus: a 201 with only a Location
  const parsed = schema.safeParse(JSON.parse(text));
  expect(parsed.error?.issues ?? [], `${label}: body does not match the documented schema`).toEqual([]);
}

describe("the API answers as its OpenAPI document says (property-based, every operation)", () => {
  it("reaches every documented operation through a route module", () => {
    const unrouted = OPERATIONS.filter((op) => typeof modules.get(op.path)?.[op.method.toUpperCase()] !== "function");
    expect(unrouted.map((op) => `${op.method} ${op.path}`)).toEqual([]);
    expect(OPERATIONS.length).toBeGreaterThan(25);
  });

  for (const op of OPERATIONS) {
    it(`${op.method.toUpperCase()} ${op.path}`, async () => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(op), (built) => check(op, built)),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});
