import "server-only";
import type { Json } from "@duckdb/node-api";
import { z } from "zod";
import { type Actor, workspaceVisibility } from "@/lib/access";
import { exportDataset } from "@/lib/catalog/export-dataset";
import { downloadResponse } from "@/lib/catalog/http/responses";
import { listDatasets } from "@/lib/catalog/list-datasets";
import { queryDataset } from "@/lib/catalog/query";
import { AppError, notFound } from "@/lib/util/errors";
import { type Namespace, findDatasetId, findNamespace } from "./namespaces";
import { type RowsQuery, toDatasetQuery } from "./row-params";

/** GET /data/{owner}/{namespace}: the catalog's own list parameters. */
export const listDataQuerySchema = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .describe("words that must all occur in the name, description, tags or column names"),
  tag: z.string().max(32).optional(),
  sort: z.enum(["updated", "name", "size"]).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});

export type ApiDataset = {
  id: string;
  name: string;
  title: string;
  description: string;
  tags: string[];
  visibility: string;
  /** null when this caller may not see it (totals only, below their minimum group size) */
  rowCount: number | null;
  /** null for a slice's or a totals-only reader */
  sizeBytes: number | null;
  version: number;
  updatedAt: string;
  url: string;
};

/**
 * Rule: the namespace exists for the caller only if they can read something in it (membership,
 * a grant on it or on something inside it, or a public dataset); otherwise it is the same 404
 * as an unknown one, so a listing never confirms that a private namespace exists.
 */
async function assertNamespaceVisible(actor: Actor, ns: Namespace, listed: number): Promise<void> {
  if (listed > 0) return;
  if (!(await workspaceVisibility(actor, ns))) throw notFound("Not found");
}

/**
 * The datasets of {owner}/{namespace} the caller can read, through the catalog's own listing
 * (which filters with lib/access readableDatasetsWhere): a grantee sees what is shared with them.
 */
export async function listNamespaceData(
  actor: Actor,
  owner: string,
  namespace: string,
  query: z.output<typeof listDataQuerySchema>,
) {
  const ns = await findNamespace(owner, namespace);
  const page = await listDatasets(actor, ns, query);
  await assertNamespaceVisible(actor, ns, page.total);
  return {
    owner: ns.owner,
    namespace: ns.slug,
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    datasets: page.items.map((d): ApiDataset => ({
      id: d.id,
      name: d.slug,
      title: d.name,
      description: d.description,
      tags: d.tags,
      visibility: d.visibility,
      rowCount: d.rowCount,
      sizeBytes: d.sizeBytes,
      version: d.version,
      updatedAt: d.updatedAt,
      url: `/api/v1/data/${ns.owner}/${ns.slug}/${d.slug}`,
    })),
  };
}

/**
 * Rows of {owner}/{namespace}/{datasetName}: a JSON page through the catalog's query service, or
 * every matching row streamed as CSV, JSON Lines or Parquet through its export service. Both
 * check read access (unreadable = 404) exactly as the dataset page does.
 */
export async function readData(
  actor: Actor,
  owner: string,
  namespace: string,
  datasetName: string,
  q: RowsQuery,
): Promise<Response | object> {
  const query = toDatasetQuery(q);
  if (q.format !== "json") {
    // Only "no such dataset" becomes this 404: a failing database must stay a 503 (a sync client
    // reads 404 as "deleted").
    const id = await findDatasetId(owner, namespace, datasetName).catch((error: unknown) => {
      throw error instanceof AppError && error.code === "not_found" ? notFound("Dataset not found") : error;
    });
    return downloadResponse(
      await exportDataset(actor, id, { format: q.format, query, version: q.version, raw: q.raw }),
    );
  }
  // The dataset is located by its path in the same query that loads it (one round trip, not three).
  const result = await queryDataset(actor, { owner, namespace, slug: datasetName }, query, q.version);
  return {
    dataset: `${owner.toLowerCase()}/${namespace.toLowerCase()}/${datasetName.toLowerCase()}`,
    version: result.version,
    columns: result.columns,
    data: rowObjects(
      result.columns.map((c) => c.name),
      result.rows,
    ),
    total: result.total,
    limit: result.limit,
    nextCursor: result.nextCursor,
    rowWindow: result.rowWindow,
  };
}

/**
 * Rows as objects keyed by column name (missing values null), built without intermediate entry
 * arrays. Null-prototype objects, so a column named "__proto__" is a plain key like any other.
 */
function rowObjects(names: string[], rows: Json[][]): Record<string, Json>[] {
  return rows.map((row) => {
    const object = Object.create(null) as Record<string, Json>;
    for (let i = 0; i < names.length; i++) object[names[i]!] = row[i] ?? null;
    return object;
  });
}
