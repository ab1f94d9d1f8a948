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
