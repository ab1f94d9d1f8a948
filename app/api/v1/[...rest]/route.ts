import { errorResponse } from "@/lib/api/responses";
import { notFound } from "@/lib/util/errors";

export const dynamic = "force-dynamic";

/** Any path under /api/v1 that no route serves: a JSON 404 in the error shape for every method, never the HTML page. */
function unknownEndpoint(): Response {
  return errorResponse(notFound("There is no such API endpoint. The API is described at /api/v1/openapi.json."));
}

export {
  unknownEndpoint as GET,
  unknownEndpoint as HEAD,
  unknownEndpoint as POST,
  unknownEndpoint as PUT,
  unknownEndpoint as PATCH,
  unknownEndpoint as DELETE,
  unknownEndpoint as OPTIONS,
};
