import { z } from "zod";
import { filterSchema } from "@/lib/catalog/query-schema";

export const MEASURE_FUNCTIONS = ["count", "sum", "avg", "min", "max"] as const;
export type MeasureFunction = (typeof MEASURE_FUNCTIONS)[number];
export const MAX_GROUP_COLUMNS = 3;
export const MAX_MEASURES = 10;

const column = z.string().min(1, "Name a column").max(1000, "Column names are at most 1,000 characters");

/** count counts rows; every other measure names a numeric column. */
export const measureSchema = z
  .object({
    fn: z.enum(MEASURE_FUNCTIONS, { error: 'A measure is one of "count", "sum", "avg", "min", "max".' }),
    column: column.optional(),
  })
  .refine((m) => m.fn === "count" || m.column !== undefined, {
    message: "Sum, average, minimum and maximum need a numeric column.",
    path: ["column"],
  });

/**
 * A summary request: what to group by, what to compute and which rows to include. Structure only:
 * the server writes the SQL (lib/aggregate/summary-sql.ts), so no SQL text is ever accepted.
 */
export const summaryRequestSchema = z.object({
  groupBy: z
    .array(column)
    .max(MAX_GROUP_COLUMNS, `Group by at most ${MAX_GROUP_COLUMNS} columns.`)
    .refine((cols) => new Set(cols).size === cols.length, "Group by each column once.")
    .default([]),
  measures: z
    .array(measureSchema)
    .min(1, "Choose at least one measure.")
    .max(MAX_MEASURES, `Choose at most ${MAX_MEASURES} measures.`)
    .default([{ fn: "count" }]),
  filters: z.array(filterSchema).max(50, "At most 50 filters").default([]),
  /** an earlier version (default: the current one) */
  version: z.number().int().min(1).optional(),
});

export type SummaryRequestInput = z.input<typeof summaryRequestSchema>;
export type SummaryRequest = z.output<typeof summaryRequestSchema>;
export type Measure = z.output<typeof measureSchema>;
