import type { DatasetQueryInput } from "@/lib/catalog/query-schema";
import { withLink } from "@/components/ui/fetch-json";

export { ApiError, fetchJson, unwrap, withLink } from "@/components/ui/fetch-json";

function dataUrl(
  datasetId: string,
  what: string,
  params: Record<string, string | number | undefined>,
  linkToken?: string,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  const qs = search.toString();
  return withLink(`/api/datasets/${encodeURIComponent(datasetId)}/${what}${qs ? `?${qs}` : ""}`, linkToken);
}

const queryParam = (query?: DatasetQueryInput) =>
  query && Object.keys(query).length ? JSON.stringify(query) : undefined;

export const rowsUrl = (datasetId: string, query: DatasetQueryInput, version?: number, linkToken?: string) =>
  dataUrl(datasetId, "rows", { query: queryParam(query), version }, linkToken);
export const downloadUrl = (
  datasetId: string,
  format: "csv" | "jsonl" | "parquet",
  opts: { query?: DatasetQueryInput; version?: number; raw?: boolean },
  linkToken?: string,
) =>
  dataUrl(
    datasetId,
    "download",
    { format, query: queryParam(opts.query), version: opts.version, raw: opts.raw ? "true" : undefined },
    linkToken,
  );
export const statsUrl = (datasetId: string, version?: number, linkToken?: string) =>
  dataUrl(datasetId, "stats", { version }, linkToken);
