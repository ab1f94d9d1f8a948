/**
 * Drops entries that sit below another selected entry: acting on a folder already acts on its
 * contents (moving or deleting both would do it twice, or fail halfway).
 */
export function topmostOnly<T extends { id: string; ancestry: string }>(entries: T[]): T[] {
  const ids = new Set(entries.map((e) => e.id));
  return entries.filter((e) => !e.ancestry.split("/").some((id) => id && ids.has(id)));
}
