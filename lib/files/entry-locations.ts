import "server-only";
import { ancestorIdsOf } from "@/lib/access/files";
import { getDb } from "@/lib/db";

/**
 * For items listed away from their folder (what is shared with a grantee, shown at the top
 * folder): the names of the folders from the top folder down to each item's parent, so the
 * browser can link to the item's own URL. Keyed by entry id.
 */
export async function entryLocations(entries: { id: string; ancestry: string }[]): Promise<Map<string, string[]>> {
  const folderIds = [...new Set(entries.flatMap((e) => ancestorIdsOf(e.ancestry).slice(1)))];
  const folders = folderIds.length
    ? await getDb().fileEntry.findMany({ where: { id: { in: folderIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(folders.map((f) => [f.id, f.name]));
  return new Map(
    entries.map((e) => [
      e.id,
      ancestorIdsOf(e.ancestry)
        .slice(1)
        .map((id) => names.get(id) ?? ""),
    ]),
  );
}
