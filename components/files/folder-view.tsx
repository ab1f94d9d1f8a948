import "server-only";
import { notFound } from "next/navigation";
import { type Actor, accountIdOf } from "@/lib/access";
import { type FolderView as FolderViewData, getFolderView } from "@/lib/files/folder-view";
import { getFileRow } from "@/lib/files/get-file-row";
import { AppError } from "@/lib/util/errors";
import { FileBrowser } from "./file-browser";
import { SingleFile } from "./single-file";

type FolderViewProps = {
  actor: Actor;
  workspaceId: string;
  /** folder names below the top folder, decoded ("reports", "2026") */
  path: string[];
  /** the `?file=` of the URL: that file's preview opens (a file shared by itself is shown alone) */
  fileId?: string | null;
  /** the top folder paths are relative to: an access link's folder; default the workspace's top folder */
  rootFolderId?: string;
  /** where folder links point: "/w/{owner}/{workspace}/files", or "/s/{token}" */
  basePath: string;
  /** an access link's token, appended as ?link= to every data request */
  linkToken?: string;
  /** the top folder's label; default "All files" (or the linked folder's own name) */
  rootLabel?: string;
  /** hide every write and share control whatever the actor's role (link pages) */
  readOnly?: boolean;
  /** the trash view's URL, offered to those who may see it */
  trashHref?: string;
};

async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/**
 * A folder (or a file shared by itself) for an actor, rendered as the file browser. Unknown and
 * unreadable paths are Next's 404. Used by the workspace files pages and by access-link pages.
 */
export async function FolderView({
  actor,
  workspaceId,
  path,
  fileId,
  rootFolderId,
  basePath,
  linkToken,
  rootLabel,
  readOnly = false,
  trashHref,
}: FolderViewProps) {
  const view: FolderViewData = await orNotFound(getFolderView(actor, workspaceId, path, { rootFolderId, fileId }));
  const label = rootLabel ?? (view.crumbs[0]?.name || "All files");
  if (!view.folder)
    return (
      <SingleFile
        entry={view.file!}
        crumbs={view.crumbs}
        basePath={basePath}
        rootLabel={label}
        linkToken={linkToken}
        canDownload={view.capabilities.download}
      />
    );
  const writable = !readOnly && !actor.link;
  return (
    <FileBrowser
      // A fresh browser per folder (and opened file): selection and preview start clean.
      key={`${view.folder.id}:${view.file?.id ?? ""}`}
      view={{ ...view, folder: view.folder }}
      basePath={basePath}
      linkToken={linkToken}
      canWrite={writable && view.capabilities.write}
      canManage={writable && view.capabilities.manage}
      canDownload={view.capabilities.download}
      rootLabel={label}
      trashHref={writable ? trashHref : undefined}
      viewerKey={accountIdOf(actor) ?? "visitor"}
    />
  );
}

/** A single file for an actor (an access link to a file): its preview and download. */
export async function FileView({ actor, fileId, linkToken }: { actor: Actor; fileId: string; linkToken?: string }) {
  const entry = await orNotFound(getFileRow(actor, fileId));
  return <SingleFile entry={entry} basePath="" rootLabel="" linkToken={linkToken} canDownload={entry.canDownload} />;
}
