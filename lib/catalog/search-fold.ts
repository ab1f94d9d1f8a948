/**
 * Bumped whenever foldForSearch changes: rows whose searchText was written with an older folding
 * are rewritten by the backfill (search-backfill.ts).
 */
export const FOLDING_VERSION = 1;

// Letters that Unicode does not decompose into a base letter plus marks, spelled as people type them without the accent.
const LETTERS: Record<string, string> = {
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  ı: "i",
  þ: "th",
};
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join("")}]`, "g");

/**
 * The one folding of search text and search queries: compatibility decomposition (NFKD), no
 * combining marks, lowercase, and the few letters without a decomposition spelled out (ß → ss).
 * "Zürich", "ZURICH" and "zurich" all fold to "zurich". Stored text and the query must go through
 * this same function, or a search misses.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(SPECIAL, (letter) => LETTERS[letter] ?? letter)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
}

/** A query as the words every match must contain (folded; at most 8, so a pasted paragraph stays one cheap query). */
export function searchWordsOf(query: string | undefined | null): string[] {
  return foldForSearch(query ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
}
