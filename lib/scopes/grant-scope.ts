import "server-only";
import { getDb } from "@/lib/db";
import { parseColumns } from "@/lib/catalog/types";
import { invalid } from "@/lib/util/errors";
import { describeScope } from "./describe-scope";
import { assertScopeFits } from "./scope-columns";
import { type Scope, isRestrictive, parseStoredScope, scopeSchema, serializeScope } from "./scope-schema";

/**
 * The stored text of a slice asked for on a new grant or link, after checking it. Rules: only a
 * dataset can be sliced; a slice is read-only (a scoped editor could replace the whole data), so
 * it goes with the view-only or viewer role; every column it names must be in the dataset's
 * current schema (checked again on every new version, see checkScopesAfterVersion).
 * `undefined` stays undefined (nothing asked), an empty slice is stored as none (null).
 */
export async function storedGrantScope(
  resourceType: string,
  resourceId: string,
  role: string,
  raw: unknown,
): Promise<string | null | undefined> {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  const scope: Scope = scopeSchema.parse(raw);
  if (!isRestrictive(scope)) return null;
  if (resourceType !== "dataset") throw invalid("Only a dataset can be shared as a slice.", { scope: "Not a dataset" });
  if (role === "editor")
    throw invalid("A slice is shared read-only: choose “Can view” or “Viewer”.", { role: "Not with a slice" });
  const dataset = await getDb().dataset.findUnique({ where: { id: resourceId }, select: { columns: true } });
  if (!dataset) throw invalid("The slice's dataset does not exist.");
  assertScopeFits(scope, parseColumns(dataset.columns));
  return serializeScope(scope);
}

/** A stored slice in words for access lists (null: the whole resource); a broken one says it serves nothing. */
export function sliceWords(stored: string | null, brokenAt: Date | null, totalColumns?: number): string | null {
  const scope = parseStoredScope(stored);
  if (scope === null) return null;
  if (scope === "broken" || brokenAt) return "a slice that no longer fits the data (serves nothing)";
  return describeScope(scope, totalColumns);
}

/** The current column count of each dataset (for "5 of 8 columns"), in one read. */
export async function datasetColumnCounts(ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().dataset.findMany({ where: { id: { in: ids } }, select: { id: true, columns: true } });
  return new Map(rows.map((r) => [r.id, parseColumns(r.columns).length]));
}
