import { z } from "zod";

const column = z
  .string({ error: "Name a column" })
  .min(1, "Name a column")
  .max(1000, "Column names are at most 1,000 characters");
const scalar = z.union([
  z.string().max(1000, "A filter value can have at most 1,000 characters"),
  z.number().finite(),
  z.boolean(),
]);

export const filterSchema = z.discriminatedUnion(
  "op",
  [
    z.object({ column, op: z.literal("eq"), value: scalar }),
    z.object({ column, op: z.literal("contains"), value: z.string().min(1, "Type something to look for").max(1000) }),
    z
      .object({ column, op: z.literal("range"), min: scalar.optional(), max: scalar.optional() })
      .refine((f) => f.min !== undefined || f.max !== undefined, "A range needs a minimum, a maximum or both"),
    z.object({ column, op: z.literal("is_null") }),
    z.object({ column, op: z.literal("not_null") }),
  ],
  { error: 'A filter\'s op is one of "eq", "contains", "range", "is_null", "not_null"' },
);

export const sortSchema = z.object({ column, direction: z.enum(["asc", "desc"]).default("asc") });

export const MAX_PAGE = 1000;

/** A structured query on one dataset version: the only way rows are asked for (grid, downloads, REST API). */
export const datasetQuerySchema = z.object({
  columns: z.array(column).min(1).max(2000).optional(),
  filters: z.array(filterSchema).max(50, "At most 50 filters").default([]),
  sort: z.array(sortSchema).max(8, "Sort by at most 8 columns").default([]),
  limit: z.number().int().min(1).max(MAX_PAGE, `A page has at most ${MAX_PAGE} rows`).default(50),
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  /** an opaque position from a previous result's nextCursor (overrides offset) */
  cursor: z.string().max(200).optional(),
});

export type DatasetQueryInput = z.input<typeof datasetQuerySchema>;
export type DatasetQuery = z.output<typeof datasetQuerySchema>;
export type Filter = z.output<typeof filterSchema>;
export type SortKey = z.output<typeof sortSchema>;
