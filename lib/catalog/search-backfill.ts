import type { Db } from "@/lib/db";
import { cardSearchTextOf } from "./card/card-search-text";
import { parseCard } from "./card/card-schema";
import { FOLDING_VERSION } from "./search-fold";
import { searchTextOf } from "./search-text";
import { parseColumns, parseTags } from "./types";

const BATCH = 500;

/**
 * Rewrites the search text of every dataset written with an older folding (searchFolding below
 * FOLDING_VERSION: rows from before accent folding, or written by code that does not set it), so
 * "zurich" finds a "Zürich" stored before folding existed. Idempotent and resumable: each row is
 * marked as it is rewritten, and a second run finds nothing to do. Returns how many rows it rewrote.
 */
export async function backfillSearchText(db: Db): Promise<number> {
  let rewritten = 0;
  for (;;) {
    const rows = await db.dataset.findMany({
      where: { searchFolding: { lt: FOLDING_VERSION } },
      select: {
        id: true,
        name: true,
        slug: true,
        description: true,
        tags: true,
        columns: true,
        card: true,
        updatedAt: true,
      },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return rewritten;
    for (const row of rows) {
      await db.dataset.update({
        where: { id: row.id },
        data: {
          searchText: searchTextOf({ ...row, tags: parseTags(row.tags), columns: parseColumns(row.columns) }),
          cardSearchText: cardSearchTextOf(parseCard(row.card)),
          searchFolding: FOLDING_VERSION,
          // a rewrite of derived text is no edit: the dataset keeps its place in "recently updated"
          updatedAt: row.updatedAt,
        },
      });
    }
    rewritten += rows.length;
  }
}
