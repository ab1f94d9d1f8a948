import { quoteIdent } from "./sql";
import type { Column } from "./types";

/**
 * Rule (CSV injection): in a CSV export, a text value a spreadsheet would run as a formula (it
 * starts with =, +, -, @, tab or CR) is prefixed with a single quote, which spreadsheets show as
 * text. Plain numbers such as "-5" are left alone (they are not formulas). Only text columns
 * can hold such values; every other type is written as it is. Callers ask for raw values
 * explicitly.
 */
export function neutraliseFormulas(column: Column): string {
  const id = quoteIdent(column.name);
  if (column.type !== "VARCHAR") return id;
  return `CASE WHEN regexp_matches(${id}, '^[=+\\-@\\t\\r]') AND NOT regexp_matches(${id}, '^[+-]?[0-9]+(\\.[0-9]+)?$') THEN '''' || ${id} ELSE ${id} END AS ${id}`;
}

/** The same rule for text written by JavaScript (exports that do not go through DuckDB). */
export function neutraliseFormulaText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^[+-]?[0-9]+(\.[0-9]+)?$/.test(value) ? `'${value}` : value;
}
