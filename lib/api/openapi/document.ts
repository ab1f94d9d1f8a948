import { z } from "zod";
import { type Operation, OPERATIONS, replySchema } from "./operations";
import { errorBody } from "./response-schemas";

type JsonSchema = Record<string, unknown>;

/**
 * zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect): a request as it is *sent* (before coercion
 * and defaults apply), an answer as it is received.
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      // Dates travel as ISO 8601 strings (the schemas coerce them).
      if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === "date")
        Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
    },
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

const NAME = "^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$";
const ID = { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$", description: "an id the API answered" };

/** What each path parameter is (names are matched lowercase). */
const PATH_PARAMETERS: Record<string, JsonSchema> = {
  owner: { type: "string", pattern: NAME, minLength: 3, maxLength: 32, description: "the owner's username" },
  namespace: { type: "string", pattern: NAME, minLength: 2, maxLength: 48, description: "a workspace's URL name" },
  datasetName: { type: "string", pattern: NAME, minLength: 1, maxLength: 64, description: "a dataset's URL name" },
  workspaceId: ID,
  shareId: ID,
  keyId: ID,
  fileId: ID,
  folderId: ID,
  uploadId: { type: "string", pattern: "^[a-f0-9]{32}$", description: "as answered when the upload started" },
  partNumber: { type: "integer", minimum: 1, maximum: 10_000 },
};

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name: name!,
    in: "path",
    required: true,
    schema: PATH_PARAMETERS[name!] ?? { type: "string" },
  }));
}

function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const json = jsonSchemaOf(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: "query",
      required: required.has(name),
      schema: rest,
      ...(description ? { description } : {}),
      // a list-valued parameter is sent repeated: ?filter=a&filter=b
      ...(rest.anyOf ? { explode: true } : {}),
    };
  });
}

function operationId(op: Operation): string {
  const words = op.path
    .replace(/\{(\w+)\}/g, "by $1")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [op.method, ...words].map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
}

function responses(op: Operation) {
  return Object.fromEntries(
    Object.entries(op.responses).map(([status, r]) => {
      const code = Number(status);
      const description = typeof r === "string" ? r : r.description;
      if (code >= 400)
        return [
          status,
          { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        ];
      const schema = replySchema(op, code);
      if (op.method === "head" || (!schema && !op.produces)) return [status, { description }];
      const types = op.produces ?? ["application/json"];
      const content = Object.fromEntries(
        types.map((t) => [t, t === "application/json" && schema ? { schema: jsonSchemaOf(schema, "output") } : {}]),
      );
      return [status, { description, content }];
    }),
  );
}

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the route handlers validate with. */
export function buildOpenApiDocument(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= op.server ? { servers: [{ url: op.server }] } : {};
    paths[op.path]![op.method] = {
      operationId: operationId(op),
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.public ? { security: [] } : {}),
      parameters: [
        ...pathParameters(op.path),
        ...queryParameters(op.query),
        ...(op.headers ?? []).map((h) => ({ in: "header", ...h })),
      ],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: jsonSchemaOf(op.body),
                  ...(op.example !== undefined ? { example: op.example } : {}),
                },
              },
            },
          }
        : {}),
      ...(op.rawBody
        ? {
            requestBody: {
              required: true,
              content: { [op.rawBody]: { schema: { type: "string", contentMediaType: op.rawBody } } },
            },
          }
        : {}),
      responses: responses(op),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Datashelf API",
      version: "1",
      description:
        "DataLinks-compatible sharing and data endpoints, Veracity-style workspace share queries and access keys, workspaces and files. Send a personal API token as `Authorization: Bearer <token>`. Every error has the shape {error, code, fieldErrors?}.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A personal API token (Account → API tokens, or `npm run cli -- token create`).",
        },
      },
      schemas: { Error: jsonSchemaOf(errorBody, "output") },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
