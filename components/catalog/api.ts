import type { DatasetQueryInput } from "@/lib/catalog/query-schema";
import type { Result } from "@/lib/util/result";

/** Appends `?link=<token>` to a data URL when the page is shown through an access link. */
export function withLink(url: string, linkToken?: string): string {
  if (!linkToken) return url;
  return `${url}${url.includes("?") ? "&" : "?"}link=${encodeURIComponent(linkToken)}`;
}

function dataUrl(datasetId: string, what: string, params: Record<string, string | number | undefined>, linkToken?: string): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const qs = search.toString();
  return withLink(`/api/datasets/${encodeURIComponent(datasetId)}/${what}${qs ? `?${qs}` : ""}`, linkToken);
}

const queryParam = (query?: DatasetQueryInput) => (query && Object.keys(query).length ? JSON.stringify(query) : undefined);

export const rowsUrl = (datasetId: string, query: DatasetQueryInput, version?: number, linkToken?: string) =>
  dataUrl(datasetId, "rows", { query: queryParam(query), version }, linkToken);
export const downloadUrl = (datasetId: string, format: "csv" | "jsonl" | "parquet", opts: { query?: DatasetQueryInput; version?: number }, linkToken?: string) =>
  dataUrl(datasetId, "download", { format, query: queryParam(opts.query), version: opts.version }, linkToken);
export const statsUrl = (datasetId: string, version?: number, linkToken?: string) => dataUrl(datasetId, "stats", { version }, linkToken);
export const versionsUrl = (datasetId: string, linkToken?: string) => dataUrl(datasetId, "versions", {}, linkToken);

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** GETs JSON, turning the one error shape ({ error }) into an ApiError with the server's message. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ApiError(response.status, body?.error ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as T;
}

/** A server action's Result as a value, or its message as an Error (for TanStack mutations). */
export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw Object.assign(new Error(r.message), { fieldErrors: r.fieldErrors });
  return r.data;
}
