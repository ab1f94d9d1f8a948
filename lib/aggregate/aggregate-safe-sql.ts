import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { runPrepared } from "@/lib/catalog/duckdb/prepared";
import { DATA_VIEW } from "@/lib/catalog/duckdb/names";
import { quoteIdent, typeFamily } from "@/lib/catalog/sql";
import type { Column } from "@/lib/catalog/types";
import { AppError, invalid } from "@/lib/util/errors";
import { formatNumber } from "@/lib/util/format";

/** DuckDB's parse tree (json_serialize_sql), as far as this check reads it. */
type Node = { [key: string]: unknown };

const AGGREGATES = new Set(["count_star", "count", "sum", "avg", "min", "max"]);
const NUMERIC_ONLY = new Set(["sum", "avg", "min", "max"]);
const WHERE_OPERATORS = new Set([
  "OPERATOR_NOT",
  "OPERATOR_IS_NULL",
  "OPERATOR_IS_NOT_NULL",
  "COMPARE_IN",
  "COMPARE_NOT_IN",
]);

const ONLY =
  "Totals-only access runs one SELECT over the dataset's table alone that groups by columns and selects only those columns and count, sum, avg, min or max of a column.";
const refuse = (why: string) => new AppError("forbidden", `${ONLY} ${why}`);
const small = (k: number) =>
  new AppError(
    "forbidden",
    `A group would have fewer than ${formatNumber(k)} rows; group by fewer columns or widen the filter.`,
  );

function columnName(node: Node, byName: Map<string, Column>, where: string): Column {
  const names = node.column_names as string[] | undefined;
  const name = names && names.length === 1 ? names[0]! : undefined;
  const column = name === undefined ? undefined : byName.get(name);
  if (node.class !== "COLUMN_REF" || !column) throw refuse(`${where} must name a column of the dataset.`);
  return column;
}

/** WHERE: columns, constants, comparisons, AND/OR, NOT, IS [NOT] NULL, [NOT] IN, BETWEEN; no functions, casts or subqueries. */
function assertSafeCondition(node: Node | null, byName: Map<string, Column>): void {
  if (node === null) return;
  switch (node.class) {
    case "COLUMN_REF":
      columnName(node, byName, "A filter");
      return;
    case "CONSTANT":
      return;
    case "COMPARISON":
      assertSafeCondition(node.left as Node, byName);
      assertSafeCondition(node.right as Node, byName);
      return;
    case "CONJUNCTION":
      for (const child of node.children as Node[]) assertSafeCondition(child, byName);
      return;
    case "OPERATOR":
      if (!WHERE_OPERATORS.has(node.type as string)) break;
      for (const child of node.children as Node[]) assertSafeCondition(child, byName);
      return;
    case "BETWEEN":
      for (const key of ["input", "lower", "upper"]) assertSafeCondition(node[key] as Node, byName);
      return;
  }
  throw refuse("Filters may compare columns with values (=, <, >, IN, BETWEEN, IS NULL, AND, OR, NOT) only.");
}

/** A select-list item: a group column, or a whitelisted aggregate of one column (count(*) of none). */
function assertSafeItem(node: Node, groups: Set<string>, byName: Map<string, Column>): void {
  if (node.class === "COLUMN_REF") {
    const column = columnName(node, byName, "A selected column");
    if (!groups.has(column.name)) throw refuse(`"${column.name}" is selected but not grouped by.`);
    return;
  }
  const fn = node.function_name as string;
  const plain =
    node.class === "FUNCTION" &&
    AGGREGATES.has(fn) &&
    node.distinct === false &&
    node.filter === null &&
    ((node.order_bys as { orders: unknown[] } | null)?.orders.length ?? 0) === 0 &&
    !node.schema &&
    !node.catalog;
  if (!plain) throw refuse("Other expressions are not allowed.");
  const children = node.children as Node[];
  if (fn === "count_star") return;
  if (children.length !== 1) throw refuse(`${fn} takes one column.`);
  const column = columnName(children[0]!, byName, `The argument of ${fn}`);
  if (NUMERIC_ONLY.has(fn) && !["integer", "decimal"].includes(typeFamily(column.type)))
    throw refuse(`${fn} needs a numeric column; "${column.name}" is ${column.type}.`);
}

/** ORDER BY a group column, a result position or an aggregate; LIMIT/OFFSET as constants. */
function assertSafeModifiers(modifiers: Node[], groups: Set<string>, byName: Map<string, Column>): void {
  for (const modifier of modifiers) {
    if (modifier.type === "ORDER_MODIFIER") {
      for (const order of modifier.orders as { expression: Node }[]) {
        if (order.expression.class !== "CONSTANT") assertSafeItem(order.expression, groups, byName);
      }
    } else if (modifier.type === "LIMIT_MODIFIER") {
      for (const key of ["limit", "offset"]) {
        const value = modifier[key] as Node | null;
        if (value !== null && value.class !== "CONSTANT") throw refuse("LIMIT and OFFSET take numbers.");
      }
    } else {
      throw refuse("DISTINCT and other modifiers are not allowed.");
    }
  }
}

/**
 * Rule: the SQL console's gate for a totals-only caller. Accepts exactly one SELECT over the
 * dataset's view `table` (`data` on a dataset's own connection, the dataset's name in the console;
 * no CTEs, joins, subqueries, set operations, HAVING, QUALIFY, sampling,
 * GROUPING SETS/ROLLUP/CUBE, casts or functions in the filter) whose GROUP BY names columns and
 * whose select list is those columns and count/sum/avg/min/max of one column (sum/avg/min/max
 * numeric); then counts the rows of every group the query forms (same filter, same grouping) and
 * refuses the whole query if any group, or the only group of an ungrouped total, or an empty
 * answer, has fewer than `k` rows. Run it on the dataset's connection before the query itself;
 * any database error during the check is answered without its text (a conversion error would
 * quote a row's value).
 */
export async function assertAggregateSafe(
  db: DuckDBConnection,
  sql: string,
  k: number,
  columns: Column[],
  table: string = DATA_VIEW,
) {
  const parsed = (await runPrepared(db, "SELECT json_serialize_sql($1::VARCHAR)", [sql])).getRowsJson()[0]![0];
  const tree = JSON.parse(String(parsed)) as { error: boolean; error_message?: string; statements?: Node[] };
  if (tree.error) throw invalid(`The query could not be read: ${String(tree.error_message ?? "syntax error")}`);
  if (tree.statements?.length !== 1) throw refuse("Send exactly one statement.");
  const node = tree.statements[0]!.node as Node;
  if (node.type !== "SELECT_NODE") throw refuse("UNION, INTERSECT and EXCEPT are not allowed.");
  const from = node.from_table as Node;
  const plainFrom =
    from?.type === "BASE_TABLE" &&
    String(from.table_name).toLowerCase() === table.toLowerCase() &&
    !from.schema_name &&
    !from.catalog_name &&
    from.sample === null &&
    !from.at_clause;
  if (!plainFrom) throw refuse(`Read FROM ${quoteIdent(table)} only, without joins or subqueries.`);
  if ((node.cte_map as { map: unknown[] }).map.length) throw refuse("WITH is not allowed.");
  if (node.having !== null || node.qualify !== null || node.sample !== null)
    throw refuse("HAVING, QUALIFY and sampling are not allowed.");
  if (node.aggregate_handling !== "STANDARD_HANDLING") throw refuse("GROUP BY ALL is not allowed; name the columns.");
  const groupExpressions = node.group_expressions as Node[];
  if ((node.group_sets as unknown[]).length > 1) throw refuse("GROUPING SETS, ROLLUP and CUBE are not allowed.");
  const byName = new Map(columns.map((c) => [c.name, c]));
  const groups = new Set(groupExpressions.map((g) => columnName(g, byName, "GROUP BY").name));
  const selectList = node.select_list as Node[];
  for (const item of selectList) assertSafeItem(item, groups, byName);
  assertSafeModifiers(node.modifiers as Node[], groups, byName);
  assertSafeCondition(node.where_clause as Node | null, byName);

  // The same filter and grouping, counting the rows of every group.
  const counting = {
    ...node,
    modifiers: [],
    select_list: [{ ...(selectList.find((i) => i.function_name === "count_star") ?? COUNT_STAR), alias: "" }],
  };
  const statement = { ...tree.statements[0]!, node: counting };
  const check = async () => {
    const text = (
      await runPrepared(db, "SELECT json_deserialize_sql($1::JSON)", [
        JSON.stringify({ error: false, statements: [statement] }),
      ])
    ).getRowsJson()[0]![0];
    const row = (
      await db.runAndReadAll(`SELECT count(*)::DOUBLE, min(n)::DOUBLE FROM (${String(text)}) AS g(n)`)
    ).getRowsJson()[0]!;
    return { groups: Number(row[0]), smallest: row[1] === null ? 0 : Number(row[1]) };
  };
  let sizes: { groups: number; smallest: number };
  try {
    sizes = await check();
  } catch {
    throw invalid("The query could not run; check that each filter value has its column's type.");
  }
  if (sizes.groups === 0 || sizes.smallest < k) throw small(k);
}

const COUNT_STAR: Node = {
  class: "FUNCTION",
  type: "FUNCTION",
  alias: "",
  query_location: 0,
  function_name: "count_star",
  schema: "",
  children: [],
  filter: null,
  order_bys: { type: "ORDER_MODIFIER", orders: [] },
  distinct: false,
  is_operator: false,
  export_state: false,
  catalog: "",
};
