import "server-only";
import { recordView } from "@/lib/insights/record-view";
import { type Actor, type EffectiveRole, allows, getEffectiveRole } from "@/lib/access";
import { fileEntryResource, folderListingMode } from "@/lib/access/files";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import type { Capabilities, Crumb, EntryRow } from "./entry-types";
import { slotIn } from "./entry-model";
import { ENTRY_ROW_INCLUDE, toEntryRow } from "./entry-row";
import { nameKey } from "./names";
import { getRootFolder } from "./root-folder";

export type FolderView = {
  workspaceId: string;
  /** the folder shown; null when the actor may read only the file in it (a file shared by itself) */
  folder: { id: string; name: string } | null;
  /** the top of the view: the workspace's top folder, or the folder an access link points to */
  rootId: string;
  /** the top first (its name is "" for the workspace's top folder) */
  crumbs: Crumb[];
  capabilities: Capabilities;
  /** "shared": the folder is the top folder and shows only what is shared with the actor */
  mode: "full" | "shared";
  /** set when the path ends at a file or `?file=` names one: the browser opens its preview */
  file: EntryRow | null;
};

type Options = {
  /** resolve the path below this folder instead of the workspace's top folder (access links) */
  rootFolderId?: string;
  /** a file in the resolved folder to open (the `?file=` of shared file URLs) */
  fileId?: string | null;
};

type Step = { id: string; kind: string; name: string; ancestry: string; workspaceId: string };

// "shared" mode lists items with roles of their own: downloads stay offered, each is checked on request.
const SHARED_CAPABILITIES: Capabilities = { write: false, manage: false, download: true };

/**
 * Resolves a files URL (/files/reports/2026) to a folder, name by name from the top folder.
 * Rule: resolution may pass through folders the actor cannot read (a grantee opening what was
 * shared deep inside a workspace), but those come back as crumbs without an id, never listed
 * or linked; the folder at the end must be readable (or be the top folder, listing what is
 * shared), or hold the readable file `?file=` names, which is then all that is shown. Unknown
 * and unreadable paths are the same 404.
 */
export async function getFolderView(
  actor: Actor,
  workspaceId: string,
  segments: string[],
  { rootFolderId, fileId }: Options = {},
): Promise<FolderView> {
  const db = getDb();
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { ownerId: true } });
  if (!workspace) throw notFound("Folder not found");
  const root = rootFolderId
    ? await db.fileEntry.findUnique({ where: { id: rootFolderId } })
    : await getRootFolder(workspaceId);
  if (!root || root.kind !== "folder" || root.trashedAt || root.workspaceId !== workspaceId)
    throw notFound("Folder not found");
  const owner = { workspaceOwnerId: workspace.ownerId };
  const roleOf = (step: Step) => getEffectiveRole(actor, fileEntryResource(step, owner));

  const chain: Step[] = [root];
  let pathFileId: string | null = null;
  for (const [i, segment] of segments.entries()) {
    const entry = await db.fileEntry.findUnique({
      where: {
        workspaceId_slot_nameLower: {
          workspaceId,
          slot: slotIn(chain.at(-1)!.id),
          nameLower: nameKey(segment.normalize("NFC")),
        },
      },
      select: { id: true, kind: true, name: true, ancestry: true, workspaceId: true, trashedAt: true },
    });
    if (!entry || entry.trashedAt) throw notFound("Folder not found");
    if (entry.kind === "file") {
      if (i !== segments.length - 1) throw notFound("Folder not found");
      pathFileId = entry.id;
      break;
    }
    chain.push(entry);
  }

  // Grants cascade down, so everything below the first readable folder is readable too.
  const target = chain.at(-1)!;
  const role = await roleOf(target);
  let firstReadable = chain.length;
  if (allows(role, "view")) {
    // Members read the top folder, hence everything: one check instead of one per level.
    if (chain.length > 1 && allows(await roleOf(root), "view")) firstReadable = 0;
    else {
      firstReadable = chain.length - 1;
      while (firstReadable > 0 && allows(await roleOf(chain[firstReadable - 1]!), "view")) firstReadable--;
    }
  }
  const rootMode = firstReadable === 0 ? "full" : await folderListingMode(actor, { ...root, ...owner }, null);
  const crumbs: Crumb[] = chain.map((step, i) => ({
    id: i >= firstReadable || (i === 0 && rootMode) ? step.id : null,
    name: step.name,
  }));
  const mode = chain.length === 1 ? rootMode : allows(role, "view") ? "full" : null;

  const wantedFileId = pathFileId ?? fileId ?? null;
  const opened = wantedFileId ? await readableFileIn(actor, wantedFileId, target.id, owner) : null;
  if (wantedFileId && !opened) throw notFound("File not found");
  const file = opened?.row ?? null;
  if (file) await recordView(actor, "file", { id: file.id, workspaceId, name: file.name });
  else if (mode === "full" && chain.length > 1) await recordView(actor, "folder", { ...target, workspaceId });
  if (!mode) {
    if (!opened) throw notFound("Folder not found");
    const capabilities = { write: false, manage: false, download: allows(opened.role, "read") };
    return { workspaceId, folder: null, rootId: root.id, crumbs, capabilities, mode: "full", file };
  }
  return {
    workspaceId,
    folder: { id: target.id, name: target.name },
    rootId: root.id,
    crumbs,
    capabilities: mode === "full" ? capabilitiesOf(role) : SHARED_CAPABILITIES,
    mode,
    file,
  };
}

function capabilitiesOf(role: EffectiveRole | null): Capabilities {
  return { write: allows(role, "write"), manage: allows(role, "manage"), download: allows(role, "read") };
}

/** The file (and the actor's role on it) if it is live, directly in `folderId`, and visible to the actor; otherwise null. */
async function readableFileIn(
  actor: Actor,
  fileId: string,
  folderId: string,
  owner: { workspaceOwnerId: string },
): Promise<{ row: EntryRow; role: EffectiveRole } | null> {
  const file = await getDb().fileEntry.findUnique({ where: { id: fileId }, include: ENTRY_ROW_INCLUDE });
  if (!file || file.kind !== "file" || file.trashedAt || file.parentId !== folderId) return null;
  const role = await getEffectiveRole(actor, fileEntryResource(file, owner));
  return allows(role, "view") ? { row: toEntryRow(file), role: role! } : null;
}
