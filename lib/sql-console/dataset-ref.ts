/** A dataset as a console query names it: "owner/namespace/dataset", optionally "@version". */
export type DatasetRefName = { owner: string; namespace: string; slug: string; version?: number; name: string };

const REF = /^([^/@\s]+)\/([^/@\s]+)\/([^/@\s]+?)(?:@(\d{1,9}))?$/;

/** The dataset a table name in a query stands for, or null when it is not of the form owner/namespace/dataset[@version]. */
export function parseDatasetRef(tableName: string): DatasetRefName | null {
  const match = REF.exec(tableName);
  if (!match) return null;
  const [, owner, namespace, slug, version] = match;
  const number = version === undefined ? undefined : Number(version);
  if (number !== undefined && number < 1) return null;
  return {
    owner: owner!.toLowerCase(),
    namespace: namespace!.toLowerCase(),
    slug: slug!.toLowerCase(),
    version: number,
    // DuckDB binds identifiers case-insensitively: one view per lowercase name serves every spelling.
    name: tableName.toLowerCase(),
  };
}
