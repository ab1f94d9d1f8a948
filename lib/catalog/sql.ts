/**
 * The only two ways text becomes part of DuckDB SQL in the catalog.
 *
 * Rule: user-supplied *values* are never written into SQL at all; they are bound parameters.
 * Identifiers (column names, already checked against the dataset's schema) go through
 * quoteIdent; server-chosen strings (file paths, column names and types read from a file's own
 * header, when they must appear in reader options) go through quoteLiteral. Both reject NUL,
 * which DuckDB's parser would treat as the end of the statement.
 */
export function quoteIdent(name: string): string {
  if (name.includes("\0")) throw new Error("An identifier cannot contain a NUL character.");
  return `"${name.replaceAll('"', '""')}"`;
}

/** A single-quoted SQL string literal (DuckDB has no backslash escapes in plain literals). */
export function quoteLiteral(value: string): string {
  if (value.includes("\0")) throw new Error("A literal cannot contain a NUL character.");
  return `'${value.replaceAll("'", "''")}'`;
}

const SCALAR_TYPE =
  /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d{1,2},\d{1,2}\)|DATE|TIME|TIME WITH TIME ZONE|TIMESTAMP|TIMESTAMP WITH TIME ZONE|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|INTERVAL|UUID|VARCHAR)$/;

/**
 * Whether a column type is one of DuckDB's plain scalar types, the only ones ever written into
 * SQL as a cast target. Nested types (STRUCT, LIST, MAP, JSON...) can carry field names taken
 * from an uploaded file, so they never appear in generated SQL.
 */
export function isScalarType(type: string): boolean {
  return SCALAR_TYPE.test(type);
}

export type TypeFamily = "integer" | "decimal" | "boolean" | "temporal" | "text" | "other";

export function typeFamily(type: string): TypeFamily {
  if (/^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/.test(type)) return "integer";
  if (/^(FLOAT|DOUBLE|DECIMAL\(\d+,\d+\))$/.test(type)) return "decimal";
  if (type === "BOOLEAN") return "boolean";
  if (/^(DATE|TIME|TIMESTAMP)/.test(type) || type === "INTERVAL") return "temporal";
  if (type === "VARCHAR" || type === "UUID") return "text";
  return "other";
}
