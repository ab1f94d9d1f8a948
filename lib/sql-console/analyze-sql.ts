import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { invalid } from "@/lib/util/errors";
import { openSandbox, type Sandbox } from "@/lib/catalog/duckdb/sandbox";
import { type DatasetRefName, parseDatasetRef } from "./dataset-ref";

/** Table functions that compute rows and read nothing. */
const ALLOWED_TABLE_FUNCTIONS = new Set(["range", "generate_series", "unnest"]);

/** Scalar functions that would show the server's settings or state (paths among them). */
const DENIED_FUNCTIONS = new Set(["current_setting", "getvariable", "getenv", "current_schemas", "current_schema"]);

const HOW_TO_NAME = 'Refer to datasets by their quoted path, like FROM "owner/namespace/dataset".';

type Node = { [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every object of DuckDB's serialized parse tree, depth first. */
function* nodes(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodes(item);
  } else if (isNode(value)) {
    yield value;
    for (const child of Object.values(value)) yield* nodes(child);
  }
}

/** The names the query's WITH clauses define (anywhere in it): a table of that name is not a dataset. */
function cteNames(tree: unknown): Set<string> {
  const names = new Set<string>();
  for (const node of nodes(tree)) {
    const map = isNode(node.cte_map) ? node.cte_map.map : undefined;
    if (!Array.isArray(map)) continue;
    for (const entry of map) if (isNode(entry) && typeof entry.key === "string") names.add(entry.key.toLowerCase());
  }
  return names;
}

/**
 * Checks one parse tree: tables are datasets or the query's own CTEs, no table function reads
 * anything, no function shows the server's settings. Returns the datasets named.
 */
function checkTree(tree: unknown): DatasetRefName[] {
  const ctes = cteNames(tree);
  const datasets = new Map<string, DatasetRefName>();
  for (const node of nodes(tree)) {
    if (node.type === "TABLE_FUNCTION") {
      const fn = isNode(node.function) ? node.function : {};
      const name = String(fn.function_name ?? "").toLowerCase();
      if (!ALLOWED_TABLE_FUNCTIONS.has(name) || fn.schema || fn.catalog)
        throw invalid(`The table function ${name || "(unknown)"}() cannot be used in the console. ${HOW_TO_NAME}`);
    } else if (node.type === "BASE_TABLE") {
      const table = String(node.table_name ?? "");
      if (node.schema_name || node.catalog_name)
        throw invalid(
          `The table ${[node.catalog_name, node.schema_name, table].filter(Boolean).join(".")} cannot be used. ${HOW_TO_NAME}`,
        );
      if (node.at_clause) throw invalid(`AT clauses are not supported; name a version as "owner/namespace/dataset@2".`);
      if (ctes.has(table.toLowerCase())) continue;
      const ref = parseDatasetRef(table);
      if (!ref) throw invalid(`"${table}" is not a dataset. ${HOW_TO_NAME}`);
      datasets.set(ref.name, ref);
    } else if (node.type === "SHOW_REF") {
      if (node.table_name)
        throw invalid(`DESCRIBE needs a query here, like DESCRIBE SELECT * FROM "owner/namespace/dataset".`);
    } else if (node.class === "FUNCTION") {
      const name = String(node.function_name ?? "").toLowerCase();
      if (DENIED_FUNCTIONS.has(name) || node.schema || node.catalog)
        throw invalid(`The function ${name}() cannot be used in the console.`);
    }
  }
  return [...datasets.values()];
}

const globalForParser = globalThis as unknown as { datashelfSqlParser?: Promise<Sandbox> };

/** A DuckDB that reads no file at all, kept for parsing: json_serialize_sql only parses, it never runs the text. */
async function parserConnection<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const parser = (globalForParser.datashelfSqlParser ??= openSandbox({ readFiles: [] }));
  parser.catch(() => (globalForParser.datashelfSqlParser = undefined));
  const connection = await (await parser).instance.connect();
  try {
    return await fn(connection);
  } finally {
    connection.closeSync();
  }
}

type Serialized = { error: boolean; error_type?: string; error_message?: string; statements?: unknown[] };

/** DuckDB's own parse of `sql`, through json_serialize_sql (which serializes SELECT statements only). */
export async function serializeSql(sql: string): Promise<Serialized> {
  return parserConnection(async (connection) => {
    const reader = await connection.runAndReadAll("SELECT json_serialize_sql($1::VARCHAR)", [sql]);
    return JSON.parse(String(reader.getRowsJson()[0]![0])) as Serialized;
  });
}

/**
 * Rule: the console runs only text DuckDB's own parser reads as exactly one SELECT statement
 * (json_serialize_sql refuses every other kind: ATTACH, COPY, EXPORT, PRAGMA, SET, INSTALL, LOAD,
 * CREATE, writes in CTEs), whose tables are all datasets named "owner/namespace/dataset[@version]"
 * or the query's own CTEs (no file names, so no replacement scans; no schema-qualified system
 * tables), with no table function but range/generate_series/unnest (so no read_csv, read_parquet,
 * glob, query) and no function showing the server's settings. The sandbox it runs in enforces
 * the same again (only the datasets' files are readable, configuration locked): this check gives
 * the clear message, the sandbox the guarantee.
 */
export async function analyzeSql(sql: string): Promise<DatasetRefName[]> {
  const parsed = await serializeSql(sql);
  if (parsed.error) {
    if (parsed.error_type === "not implemented")
      throw invalid(
        "Only a SELECT query can run in the console (no ATTACH, COPY, PRAGMA, SET, CREATE or other statements).",
      );
    throw invalid(`The query could not be parsed: ${parsed.error_message ?? "syntax error"}`);
  }
  const statements = parsed.statements ?? [];
  if (statements.length === 0) throw invalid("Write a SELECT query to run.");
  if (statements.length > 1) throw invalid("Run one SELECT at a time: the query holds several statements.");
  return checkTree(statements[0]);
}
