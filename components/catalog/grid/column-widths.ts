import { typeFamily } from "@/lib/catalog/sql";
import type { Column } from "@/lib/catalog/types";
import { MAX_WIDTH, MIN_WIDTH } from "./grid-state";

/** A column's starting width: numbers and dates are narrow, text and nested values wide. */
export function defaultWidth(column: Column): number {
  const family = typeFamily(column.type);
  if (family === "boolean") return 100;
  if (family === "integer" || family === "decimal") return 130;
  if (column.type === "DATE") return 130;
  if (family === "temporal") return 190;
  return 200;
}

export const clampWidth = (width: number) => Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
