import { z } from "zod";
import { type Operation, OPERATIONS } from "./operations";

type JsonSchema = Record<string, unknown>;

/** zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a request is *sent* (before coercion and defaults apply). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io: "input",
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

const errorSchema: JsonSchema = {
  type: "object",
  description: "The one error shape of every endpoint.",
  properties: {
    error: { type: "string", description: "a message for people" },
    code: {
      type: "string",
      enum: [
        "bad_request",
        "unauthenticated",
        "forbidden",
        "not_found",
        "conflict",
        "too_large",
        "invalid",
        "rate_limited",
        "unavailable",
        "insufficient_storage",
        "internal",
      ],
    },
    fieldErrors: { type: "object", additionalProperties: { type: "string" }, description: "per-field messages (422)" },
  },
  required: ["error", "code"],
};

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name: name!,
    in: "path",
    required: true,
    schema: { type: "string" },
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
    Object.entries(op.responses).map(([status, description]) => {
      const code = Number(status);
      if (code >= 400)
        return [
          status,
          { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        ];
      if (code === 200 && op.produces && op.method !== "head")
        return [status, { description, content: Object.fromEntries(op.produces.map((t) => [t, {}])) }];
      return [status, { description }];
    }),
  );
}

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the route handlers validate with. */
export function buildOpenApiDocument(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: operationId(op),
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.public ? { security: [] } : {}),
      parameters: [...pathParameters(op.path), ...queryParameters(op.query)],
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
      schemas: { Error: errorSchema },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
