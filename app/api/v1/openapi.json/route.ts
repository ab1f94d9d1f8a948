import { routeMethods } from "@/lib/api/route-methods";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";

export const dynamic = "force-static";

/** The OpenAPI 3.1 document (public: it describes the API, not anyone's data). */
function read(): Response {
  return Response.json(buildOpenApiDocument());
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
