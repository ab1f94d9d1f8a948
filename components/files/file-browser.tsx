"use client";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { Button } from "@/components/ui/button";
import type { EntryRow } from "@/lib/files/entry-types";
import type { FolderView } from "@/lib/files/folder-view";
import { EMPTY_SELECTION } from "@/lib/files/selection";
import { BrowserDialogs, type BrowserPrompt } from "./file-browser/browser-dialogs";
import { BrowserToolbar } from "./file-browser/browser-toolbar";
import { DropZone } from "./file-browser/drop-zone";
import { FolderListing } from "./file-browser/folder-listing";
import { rowMenuItems } from "./file-browser/row-menu";
import { SelectionToolbar } from "./file-browser/selection-toolbar";
import { ShareButton } from "./file-browser/share-button";
import { InsightsLink } from "@/components/insights/insights-link";
import { useFileOperations } from "./file-browser/use-file-operations";
import { useFolderListing } from "./file-browser/use-folder-listing";
import { usePreviewInUrl } from "./file-browser/use-preview-in-url";
import { usePreviewSiblings } from "./file-browser/use-preview-siblings";
import { FolderTree } from "./folder-tree";
import { PreviewDialog } from "./preview-dialog";
import { UploadPanel } from "./upload-panel";
import { useUploadsContext } from "./use-uploads";

type FileBrowserProps = {
  /** the resolved folder (lib/files/folder-view getFolderView), with `folder` set */
  view: FolderView & { folder: { id: string; name: string } };
  /** where folder links point: "/w/{owner}/{workspace}/files", or "/s/{token}" on a link page */
  basePath: string;
  /** an access link's token, appended as ?link= to every data request */
  linkToken?: string;
  /** show upload, new folder, rename, move and delete (the server checks again) */
  canWrite: boolean;
  /** show share buttons and the trash's restore (managers) */
  canManage: boolean;
  /** show download and ZIP buttons (false for view-only access; the server refuses them anyway) */
  canDownload: boolean;
  /** the label of the view's top folder ("All files", or the linked folder's name) */
  rootLabel: string;
  /** the trash view's URL, for those who may see it */
  trashHref?: string;
  /** whose preferences (the sort order) this browser remembers: the account, or "visitor" */
  viewerKey: string;
};

/**
 * The file browser: tree, breadcrumbs, sortable multi-select list, previews, uploads (drop
 * files or whole folders anywhere on it), and folder operations. Listings come from TanStack
 * Query and every mutation invalidates them, so what is shown is never stale.
 */
export function FileBrowser({
  view,
  basePath,
  linkToken,
  canWrite,
  canManage,
  canDownload,
  rootLabel,
  trashHref,
  viewerKey,
}: FileBrowserProps) {
  const router = useRouter();
  const folderId = view.folder.id;
  const folderPath = useMemo(() => view.crumbs.slice(1).map((c) => c.name), [view.crumbs]);
  const [preview, setPreview] = useState<EntryRow | null>(view.file);
  const [prompt, setPrompt] = useState<BrowserPrompt | null>(null);
  const [sharing, setSharing] = useState<EntryRow | null>(null);
  const shareOpener = useRef<HTMLElement | null>(null);
  const uploads = useUploadsContext();
  const canUpload = canWrite && uploads !== null;
  const listing = useFolderListing(folderId, linkToken, viewerKey);
  const ops = useFileOperations({
    folderId,
    linkToken,
    uploads: canUpload ? uploads : null,
    setSelection: listing.setSelection,
    canRestore: canManage,
  });

  usePreviewInUrl(preview);
  const siblings = usePreviewSiblings(preview, listing, setPreview);

  const share = (entry: EntryRow) =>
    canManage ? <ShareButton type={entry.kind} id={entry.id} name={entry.name} /> : null;
  const folderName = view.folder.name || rootLabel;
  const movable = canWrite && view.mode === "full";
  const move = movable ? ops.move : undefined;

  return (
    <DropZone enabled={canUpload} folderName={folderName} onDrop={(picked) => ops.upload(picked)}>
      <BrowserToolbar
        view={view}
        folderId={folderId}
        folderName={folderName}
        basePath={basePath}
        rootLabel={rootLabel}
        linkToken={linkToken}
        canWrite={canWrite}
        canUpload={canUpload}
        canManage={canManage}
        canDownload={canDownload}
        trashHref={trashHref}
        onMove={move}
        onNewFolder={() => setPrompt({ kind: "new-folder" })}
        onUpload={(picked) => void ops.upload(picked)}
      />
      <div className="flex gap-6">
        <aside className="hidden w-56 shrink-0 md:block">
          <FolderTree
            rootId={view.rootId}
            rootLabel={rootLabel}
            basePath={basePath}
            linkToken={linkToken}
            currentPath={folderPath}
            onMove={move}
          />
        </aside>
        <div className="min-w-0 flex-1 space-y-3">
          {uploads && canUpload ? (
            <UploadPanel uploads={uploads} onResume={(u, picked) => uploads.add([picked], u.folderId, u.onClash)} />
          ) : null}
          <SelectionToolbar
            selected={listing.selected}
            canChange={movable}
            onRename={(entry) => setPrompt({ kind: "rename", entry })}
            onMove={(ids) => setPrompt({ kind: "move", ids })}
            onTrash={(ids) => void ops.trash(ids)}
            onClear={() => listing.setSelection(EMPTY_SELECTION)}
          />
          <FolderListing
            state={listing}
            mode={view.mode}
            canWrite={canWrite}
            table={{
              basePath,
              folderPath,
              linkToken,
              canWrite: movable,
              canDownload,
              onOpenFile: setPreview,
              onNavigate: (href) => router.push(href),
              onMove: move,
              onDelete: movable ? (ids) => void ops.trash(ids) : undefined,
              onRename: movable ? (entry) => setPrompt({ kind: "rename", entry }) : undefined,
              rowActions: share,
              rowMenu: (entry) =>
                rowMenuItems(entry, {
                  linkToken,
                  canDownload,
                  canChange: movable,
                  canShare: canManage,
                  onRename: (e) => setPrompt({ kind: "rename", entry: e }),
                  onMove: (e) => setPrompt({ kind: "move", ids: [e.id] }),
                  onShare: (e) => {
                    shareOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
                    setSharing(e);
                  },
                  onTrash: (e) => void ops.trash([e.id]),
                }),
            }}
          />
        </div>
      </div>

      <PreviewDialog
        entry={preview}
        linkToken={linkToken}
        canDownload={canDownload}
        onClose={() => setPreview(null)}
        siblings={siblings}
        actions={
          preview ? (
            <>
              {share(preview)}
              {canManage && !linkToken ? <InsightsLink from={basePath} subject="file" id={preview.id} /> : null}
              {preview.preview === "table" && canWrite && !linkToken ? (
                <Button variant="secondary" onClick={() => void ops.openAsDataset(preview)}>
                  Open as dataset
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <BrowserDialogs
        prompt={prompt}
        onClose={() => setPrompt(null)}
        operations={ops}
        onRenamed={(entry, name) => setPreview((p) => (p?.id === entry.id ? { ...p, name } : p))}
        rootId={view.rootId}
        rootLabel={rootLabel}
      />
      {sharing ? (
        <ShareDialog
          type={sharing.kind}
          id={sharing.id}
          name={sharing.name}
          trigger={null}
          open
          onOpenChange={(open) => {
            if (open) return;
            setSharing(null);
            // Opened from a menu, the dialog has no trigger of its own to give focus back to.
            const opener = shareOpener.current;
            requestAnimationFrame(() => opener?.isConnected && opener.focus());
          }}
        />
      ) : null}
    </DropZone>
  );
}
