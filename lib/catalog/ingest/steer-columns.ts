import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { formatNumber } from "@/lib/util/format";
import { AppError, invalid } from "@/lib/util/errors";
import { quoteIdent } from "../sql";
import type { Column } from "../types";
import type { ColumnOverride } from "./ingest-options";

/** The uploader's column choices resolved against the columns the file has. */
export type Steering = {
  /** the file's columns after renames and type overrides, in the file's order */
  columns: Column[];
  /** source column name → the type it is converted to (only where the uploader chose one) */
  casts: Map<string, string>;
  /** source column name → its new name */
  renames: Map<string, string>;
};

const names = (columns: Column[]) => columns.map((c) => `"${c.name}"`).join(", ");

/**
 * Checks the overrides against the file's columns: each names a column the file has (once), and
 * the resulting names are unique ignoring case (DuckDB and most tools resolve names that way).
 * Each error names the column it is about, keyed by the file's column name.
 */
export function planSteering(source: Column[], overrides: ColumnOverride[] = []): Steering {
  const byName = new Map(source.map((c) => [c.name, c]));
  const casts = new Map<string, string>();
  const renames = new Map<string, string>();
  for (const override of overrides) {
    if (!byName.has(override.source))
      throw invalid(`The file has no column "${override.source}" (its columns are ${names(source)}).`, {
        [override.source]: "Not a column of the file",
      });
    if (casts.has(override.source) || renames.has(override.source))
      throw invalid(`Column "${override.source}" is given more than once.`, { [override.source]: "Given twice" });
    if (override.type && override.type !== byName.get(override.source)!.type) casts.set(override.source, override.type);
    if (override.name !== undefined && override.name !== override.source) renames.set(override.source, override.name);
  }
  const columns = source.map((c) => ({ name: renames.get(c.name) ?? c.name, type: casts.get(c.name) ?? c.type }));
  const seen = new Map<string, string>();
  columns.forEach((column, i) => {
    const key = column.name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined)
      throw invalid(
        `Two columns would be named "${column.name}" ("${other}" and "${source[i]!.name}" in the file). Column names must be unique (ignoring case).`,
        { [source[i]!.name]: "Name already used" },
      );
    seen.set(key, source[i]!.name);
  });
  return { columns, casts, renames };
}

/** Whether anything is renamed or converted (otherwise the file is read as is). */
export function isSteered(steering: Steering): boolean {
  return steering.casts.size > 0 || steering.renames.size > 0;
}

/** `reader` with the renames and conversions applied, as a relation (types are whitelisted scalars, see ingest-options). */
export function steeredRelation(reader: string, source: Column[], steering: Steering): string {
  if (!isSteered(steering)) return reader;
  const list = source.map((c) => {
    const type = steering.casts.get(c.name);
    const value = type ? `CAST(${quoteIdent(c.name)} AS ${type})` : quoteIdent(c.name);
    return `${value} AS ${quoteIdent(steering.renames.get(c.name) ?? c.name)}`;
  });
  return `(SELECT ${list.join(", ")} FROM ${reader})`;
}

const INTEGER_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/;

/**
 * True where a value does not fit `type`. DuckDB rounds "1.5" to 2 when casting text to an
 * integer; an integer column must not change a value, so only whole numbers fit it.
 */
function misfit(column: string, type: string): string {
  const id = quoteIdent(column);
  const whole = INTEGER_TYPE.test(type)
    ? ` OR NOT regexp_full_match(trim(CAST(${id} AS VARCHAR)), '[+-]?[0-9]+(\\.0*)?')`
    : "";
  return `(${id} IS NOT NULL AND (TRY_CAST(${id} AS ${type}) IS NULL${whole}))`;
}

/**
 * Refuses a type override that does not fit every value, naming the column, the first value
 * that does not fit and its row (1 = the first data row). Finding whether any value misfits
 * streams the file and stops at the first; only then is the row number taken (DuckDB numbers
 * rows in the order it reads them, which is the file's).
 */
export async function assertOverridesFit(
  db: DuckDBConnection,
  reader: string,
  source: Column[],
  steering: Steering,
): Promise<void> {
  const casts = source.filter((c) => steering.casts.has(c.name));
  if (casts.length === 0) return;
  const flags = casts.map((c) => misfit(c.name, steering.casts.get(c.name)!));
  let flagged: boolean[];
  try {
    const any = await db.runAndReadAll(`SELECT ${flags.join(", ")} FROM ${reader} WHERE ${flags.join(" OR ")} LIMIT 1`);
    flagged = (any.getRowsJson()[0] ?? []).map((v) => v === true);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw (await unconvertible(db, reader, casts, steering)) ?? error;
  }
  const index = flagged.findIndex(Boolean);
  if (index === -1) return;
  const column = casts[index]!;
  const type = steering.casts.get(column.name)!;
  const first = await db.runAndReadAll(
    `SELECT n, v FROM (SELECT row_number() OVER () AS n, CAST(${quoteIdent(column.name)} AS VARCHAR) AS v, ${flags[index]} AS bad FROM ${reader}) WHERE bad ORDER BY n LIMIT 1`,
  );
  const [row, value] = first.getRowsJson()[0] ?? [];
  const sample = String(value ?? "").slice(0, 200);
  const message = `Column "${column.name}" cannot be ${type}: row ${formatNumber(Number(row))} has "${sample}", which is not a valid ${type}. Choose another type for it (the upload is kept).`;
  throw invalid(message, { [column.name]: `Row ${formatNumber(Number(row))} has "${sample}"` });
}

/** After DuckDB refused to even plan the conversion: the first column whose type cannot become the chosen one. */
async function unconvertible(
  db: DuckDBConnection,
  reader: string,
  casts: Column[],
  steering: Steering,
): Promise<AppError | null> {
  for (const column of casts) {
    const type = steering.casts.get(column.name)!;
    try {
      await db.runAndReadAll(`SELECT ${misfit(column.name, type)} FROM ${reader} LIMIT 0`);
    } catch {
      return invalid(`Column "${column.name}" (${column.type}) cannot be converted to ${type}. Choose another type.`, {
        [column.name]: `Cannot become ${type}`,
      });
    }
  }
  return null;
}
