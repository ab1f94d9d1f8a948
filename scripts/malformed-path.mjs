// Where requests enter (scripts/server.mjs), before Next.js routes them: Next fails on a path whose
// percent-encoding does not decode (`%E0%A4%A`, `%FF%FE`, the lone surrogate `%ED%A0%80`) and
// answers a plain-text 500. Checking here, not in proxy.ts, keeps request bodies out of the proxy
// (Next copies every body its proxy sees and cuts it at 10 MB; a dataset name with `é` in an
// ingest or multipart path would otherwise lose its upload).

/** Whether the path of a request target (`/a/b?c`) does not decode. The query string is not checked. */
export function isMalformedPath(target) {
  const pathname = String(target).split("?")[0];
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Rule: a path that cannot be decoded is the client's error: 400 in the API's one error shape
 * (`{ error, code }`), for every method, with or without a token, before authentication and routing.
 */
export const MALFORMED_PATH_BODY = JSON.stringify({
  error: "The URL contains malformed percent-encoding.",
  code: "bad_request",
});

/**
 * Whether an API path (`/api/...`) has a `.` or `..` segment, also percent-encoded (`%2e%2e`). No
 * route has one, and Next would resolve it before routing and answer its HTML 404 page.
 */
export function isDotSegmentApiPath(target) {
  const pathname = String(target).split("?")[0];
  if (!pathname.startsWith("/api/")) return false;
  return pathname.split("/").some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/** Rule: an API path with dot segments is a JSON 404 in the error shape, for every method, before routing. */
export const DOT_SEGMENT_BODY = JSON.stringify({
  error: "There is no such API endpoint. The API is described at /api/v1/openapi.json.",
  code: "not_found",
});
