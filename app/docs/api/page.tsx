import type { Metadata } from "next";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import Link from "next/link";
import { ApiReference, type DocOperation } from "./api-reference";
import { Markdown } from "./markdown";

export const metadata: Metadata = { title: "API reference" };

type RawOperation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security?: unknown[];
  parameters: {
    name: string;
    in: "path" | "query" | "header";
    required: boolean;
    description?: string;
    schema: Record<string, unknown>;
  }[];
  requestBody?: { content: Record<string, { example?: unknown; schema?: unknown }> };
  responses: Record<string, { description: string }>;
};

/** The OpenAPI document as the reference page lists it (the same document /api/v1/openapi.json serves). */
function operationsOf(): { info: { title: string; description: string }; operations: DocOperation[] } {
  const doc = buildOpenApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => {
    const { servers, ...methods } = item as { servers?: { url: string }[] } & Record<string, RawOperation>;
    return Object.entries(methods as Record<string, RawOperation>).map(([method, op]): DocOperation => {
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      return {
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        base: servers?.[0]?.url ?? "/api/v1",
        tag: op.tags[0] ?? "",
        summary: op.summary,
        description: op.description ?? "",
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        parameters: op.parameters.map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required,
          description: p.description ?? "",
          hint: Array.isArray(p.schema.enum)
            ? (p.schema.enum as string[]).join(" | ")
            : String(p.schema.const ?? p.schema.type ?? ""),
        })),
        body: contentType
          ? {
              contentType,
              example: media?.example === undefined ? "" : JSON.stringify(media.example, null, 2),
              schema: contentType === "application/json" && media?.schema ? JSON.stringify(media.schema, null, 2) : "",
            }
          : null,
        responses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description })),
      };
    });
  });
  return { info: { title: doc.info.title, description: doc.info.description }, operations };
}

/** Browsable reference of /api/v1 with "try it" (requests are sent from the browser with the token typed here). */
export default function ApiDocsPage() {
  const { info, operations } = operationsOf();
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <p className="mb-4 text-sm">
        <Link href="/" className="text-brand-700 underline dark:text-brand-300">
          ← Back to Datashelf
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{info.title}</h1>
      <Markdown text={info.description} className="mt-2 text-sm text-zinc-600 dark:text-zinc-400" />
      <p className="mt-2 text-sm">
        Machine-readable:{" "}
        <a className="text-brand-700 underline dark:text-brand-300" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1). Create a token under Account → API tokens, or with{" "}
        <code>npm run cli -- token create --username you</code>.
      </p>
      <ApiReference operations={operations} />
    </main>
  );
}
