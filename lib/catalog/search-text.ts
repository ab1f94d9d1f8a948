import type { Column } from "./types";

/**
 * The lowercase text the catalog search matches with `contains` (SQLite and PostgreSQL compare
 * case differently, so the copy is lowercased once, here): name, URL name, description, tags
 * and column names.
 */
export function searchTextOf(dataset: {
  name: string;
  slug: string;
  description: string;
  tags: string[];
  columns: Column[];
}): string {
  return [
    dataset.name,
    dataset.slug,
    dataset.description,
    dataset.tags.join(" "),
    dataset.columns.map((c) => c.name).join(" "),
  ]
    .join("\n")
    .toLowerCase();
}
