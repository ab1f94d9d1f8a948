import { z } from "zod";
import { filterSchema } from "@/lib/catalog/query-schema";

/**
 * A slice of a dataset that a grant or an access link is limited to, stored as structure (never
 * SQL text): `rows` are the grid's own filters, combined with AND; `columns` the visible columns
 * (null: all of them).
 */
export const scopeSchema = z.object({
  rows: z.array(filterSchema).max(20, "A slice has at most 20 row conditions").default([]),
  columns: z
    .array(z.string().min(1).max(1000))
    .min(1, "A slice shows at least one column")
    .max(2000)
    .nullable()
    .default(null),
});

export type Scope = z.output<typeof scopeSchema>;
export type ScopeInput = z.input<typeof scopeSchema>;

/** Whether a scope limits anything at all (an empty one is stored as no scope). */
export function isRestrictive(scope: Scope): boolean {
  return scope.rows.length > 0 || scope.columns !== null;
}

/**
 * A stored scope (Share.scope, AccessLink.scope). Rule: a stored value that does not read as a
 * scope is "broken" (serves nothing), never treated as the whole dataset.
 */
export function parseStoredScope(text: string | null): Scope | "broken" | null {
  if (text === null) return null;
  try {
    const parsed = scopeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : "broken";
  } catch {
    return "broken";
  }
}

/** The stored text of a scope; null for one that limits nothing. */
export function serializeScope(scope: Scope | null): string | null {
  return scope && isRestrictive(scope) ? JSON.stringify({ rows: scope.rows, columns: scope.columns }) : null;
}
