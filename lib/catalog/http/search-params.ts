import { invalid } from "@/lib/util/errors";

/**
 * The structured query a grid or download URL carries in `?query=` (JSON, URL-encoded). Only
 * parsed here; its shape is validated by the service (datasetQuerySchema).
 */
export function queryFromSearchParams(params: URLSearchParams): unknown {
  const raw = params.get("query");
  if (!raw) return {};
  if (raw.length > 100_000) throw invalid("The query is too long.");
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw invalid("The query parameter is not valid JSON.");
  }
}

/** `?version=` when present (validated by the service). */
export function versionFromSearchParams(params: URLSearchParams): string | undefined {
  return params.get("version") || undefined;
}
