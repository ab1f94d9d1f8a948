import { buildOpenApiDocument } from "@/lib/api/openapi/document";

export const dynamic = "force-static";

/** The OpenAPI 3.1 document (public: it describes the API, not anyone's data). */
export function GET(): Response {
  return Response.json(buildOpenApiDocument());
}
