import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { foldForSearch } from "./search-fold";
import type { Column } from "./types";

/**
 * The folded text the catalog search matches with `contains` (SQLite and PostgreSQL compare case
 * and accents differently, so the copy is folded once, here, by foldForSearch): name, URL name,
 * description, tags and column names.
 */
export function searchTextOf(dataset: {
  name: string;
  slug: string;
  description: string;
  tags: string[];
  columns: Column[];
}): string {
  return foldForSearch(
    [
      dataset.name,
      dataset.slug,
      dataset.description,
      dataset.tags.join(" "),
      dataset.columns.map((c) => c.name).join(" "),
    ].join("\n"),
  );
}

/**
 * Datasets matching every word (already folded by searchWordsOf) in their search text or, unless
 * `card` is false, their card's (README, column descriptions). Each word may match either, so
 * "zurich temperature" finds a dataset named Zürich whose README speaks of temperature. Discover
 * passes `card: false`: a Listed dataset's README is for those who can open it, and a search must
 * not reveal words of it to anyone else.
 */
export function datasetSearchWhere(words: string[], { card = true } = {}): Prisma.DatasetWhereInput[] {
  return words.map((word) =>
    card
      ? { OR: [{ searchText: { contains: word } }, { cardSearchText: { contains: word } }] }
      : { searchText: { contains: word } },
  );
}
