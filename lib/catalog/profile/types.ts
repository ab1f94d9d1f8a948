import { z } from "zod";

/**
 * The stored shape's version. A stored profile of another version (or the SUMMARIZE statistics
 * of older releases) is computed again once and replaced. 3: beyond the exact limit, text with few
 * distinct values has its exact top values (version 2 kept the sample's candidates, ties unordered).
 */
export const PROFILE_VERSION = 3;

/** How a column is profiled, from its DuckDB type. */
export const PROFILE_KINDS = ["number", "temporal", "text", "boolean", "other", "nested"] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

const numberBin = z.object({ start: z.number(), end: z.number(), count: z.number() });
const temporalBin = z.object({ start: z.string(), end: z.string(), count: z.number() });

export const histogramSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("number"), bins: z.array(numberBin) }),
  /** calendar-aligned bins of `step` (e.g. "1 month"); start inclusive, end exclusive, ISO 8601 */
  z.object({ kind: z.literal("temporal"), step: z.string(), bins: z.array(temporalBin) }),
]);
export type Histogram = z.infer<typeof histogramSchema>;

export const columnProfileSchema = z.object({
  name: z.string(),
  type: z.string(),
  kind: z.enum(PROFILE_KINDS),
  nulls: z.number(),
  /** 0–100 */
  nullPercent: z.number(),
  /** distinct non-null values; null for nested columns */
  distinct: z.number().nullable(),
  /** false when `distinct` is an estimate (HyperLogLog), never more than the non-null count */
  distinctExact: z.boolean(),
  /** DuckDB's text of the smallest and largest value (orderable types only) */
  min: z.string().nullable(),
  max: z.string().nullable(),
  /** numbers only */
  mean: z.number().nullable(),
  stddev: z.number().nullable(),
  quantiles: z.object({ p25: z.number(), p50: z.number(), p75: z.number() }).nullable(),
  quantilesExact: z.boolean(),
  /** numbers, dates and timestamps: bin counts sum to the non-null (finite) values */
  histogram: histogramSchema.nullable(),
  /** false when the bin counts were estimated from a sample (beyond the exact limit) */
  histogramExact: z.boolean(),
  /** text and boolean: the most frequent non-null values, most frequent first (ties by value) */
  topValues: z.array(z.object({ value: z.string(), count: z.number() })).nullable(),
});
export type ColumnProfile = z.infer<typeof columnProfileSchema>;

export const datasetProfileSchema = z.object({
  profileVersion: z.literal(PROFILE_VERSION),
  rows: z.number(),
  /** the row count up to which distinct counts and quantiles are exact (see docs/catalog.md) */
  exactRowLimit: z.number(),
  columns: z.array(columnProfileSchema),
});
export type DatasetProfile = z.infer<typeof datasetProfileSchema>;

/** A stored profile of the current shape, or null (none yet, or one written by an older release). */
export function readStoredProfile(value: unknown): DatasetProfile | null {
  const parsed = datasetProfileSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
