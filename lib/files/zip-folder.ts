import "server-only";
import type { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import type { Actor } from "@/lib/access";
import { visibleSubtreeWhere } from "@/lib/access/files";
import { recordAccess } from "@/lib/insights/record-access";
import { getDb } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { extensionOf } from "./file-types";
import { loadEntry } from "./load-entry";

// Already-compressed formats are stored as they are; deflating them again only costs CPU.
const STORED = new Set([
  "zip",
  "gz",
  "tgz",
  "bz2",
  "xz",
  "zst",
  "7z",
  "rar",
  "parquet",
  "png",
  "jpg",
  "jpeg",
  "gif",
  "webp",
  "avif",
  "mp4",
  "mov",
  "webm",
  "mp3",
  "m4a",
  "ogg",
  "pdf",
  "docx",
  "xlsx",
  "pptx",
]);

type Item = {
  id: string;
  kind: string;
  name: string;
  parentId: string | null;
  blobKey: string | null;
  modifiedAt: Date;
};

/** Each entry's path inside the archive, built from names (already validated: no "/", "..", control characters). */
function archivePaths(rootId: string, rootName: string, items: Item[]): Map<string, string> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const paths = new Map<string, string>([[rootId, rootName]]);
  const pathOf = (item: Item): string => {
    const known = paths.get(item.id);
    if (known !== undefined) return known;
    const parent = byId.get(item.parentId ?? "");
    const path = `${parent ? pathOf(parent) : rootName}/${item.name}`;
    paths.set(item.id, path);
    return path;
  };
  for (const item of items) pathOf(item);
  return paths;
}

/**
 * A folder and everything in it (not what is in the trash) as a streamed ZIP: entries are read
 * from the blob store one at a time while the archive is being sent, so memory stays flat
 * whatever the folder's size.
 */
export async function zipFolder(actor: Actor, folderId: string): Promise<{ filename: string; stream: Readable }> {
  const folder = await loadEntry(actor, folderId, "read", { kind: "folder" });
  const db = getDb();
  const items = await db.fileEntry.findMany({
    where: await visibleSubtreeWhere(actor, folder, folder.role),
    select: { id: true, kind: true, name: true, parentId: true, blobKey: true, modifiedAt: true },
    orderBy: [{ ancestry: "asc" }, { nameLower: "asc" }],
  });
  // The workspace's top folder has no name of its own: the archive is named after the workspace.
  const rootName =
    folder.name ||
    (await db.workspace.findUniqueOrThrow({ where: { id: folder.workspaceId }, select: { slug: true } })).slug;
  const paths = archivePaths(folder.id, rootName, items);
  await recordAccess(actor, {
    workspaceId: folder.workspaceId,
    action: "folder.downloaded",
    resourceType: "folder",
    resourceId: folder.id,
    details: { name: rootName, entries: items.length },
  });

  const archive = new ZipArchive({ zlib: { level: 1 } });
  const store = getBlobStore();
  // Open one blob at a time: wait until the archive has consumed every entry appended so far.
  let appended = 0;
  let consumed = 0;
  let stopped = false;
  let wake = () => {};
  let current: Readable | null = null;
  archive.on("entry", () => {
    consumed++;
    wake();
  });
  archive.on("close", () => {
    stopped = true; // finished, failed, or the client went away
    current?.destroy();
    wake();
  });
  const drained = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      if (stopped || consumed >= appended) resolve();
    });
  const feed = async () => {
    archive.append("", { name: `${rootName}/`, date: folder.modifiedAt });
    appended++;
    for (const item of items) {
      if (stopped) return;
      const name = paths.get(item.id)!;
      if (item.kind === "folder") {
        archive.append("", { name: `${name}/`, date: item.modifiedAt });
      } else {
        const body = (current = await store.get(item.blobKey!));
        archive.append(body, { name, date: item.modifiedAt, store: STORED.has(extensionOf(item.name)) });
      }
      appended++;
      await drained();
    }
    if (!stopped) await archive.finalize();
  };
  feed().catch((error: unknown) => archive.destroy(error instanceof Error ? error : new Error(String(error))));
  return { filename: `${rootName}.zip`, stream: archive };
}
