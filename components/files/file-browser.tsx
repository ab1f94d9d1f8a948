"use client";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { createFolderAction } from "@/lib/actions/files/create-folder";
import { findUploadClashesAction } from "@/lib/actions/files/find-upload-clashes";
import { moveEntriesAction } from "@/lib/actions/files/move-entries";
import { renameEntryAction } from "@/lib/actions/files/rename-entry";
import { trashEntriesAction } from "@/lib/actions/files/trash-entries";
import type { ClashPolicy, EntryRow, SortDir, SortField } from "@/lib/files/entry-types";
import type { FolderView } from "@/lib/files/folder-view";
import { EMPTY_SELECTION, pruneSelection, type Selection } from "@/lib/files/selection";
import { fetchFolderPage, filesKeys, withLink, zipUrl } from "./api";
import { Breadcrumbs } from "./breadcrumbs";
import { filesFromDrop, filesFromInput, isFileDrag } from "./collect-files";
import { ClashDialog, MoveDialog, NameDialog } from "./dialogs";
import { EntryTable } from "./entry-table";
import { FolderTree } from "./folder-tree";
import { ShareIcon } from "./icons";
import { PreviewDialog } from "./preview-dialog";
import { UploadPanel } from "./upload-panel";
import { type PickedFile, useUploadsContext } from "./use-uploads";

export type FileBrowserProps = {
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
  /** the label of the view's top folder ("All files", or the linked folder's name) */
  rootLabel: string;
  /** the trash view's URL, for those who may see it */
  trashHref?: string;
};

type Dialog = { kind: "new-folder" } | { kind: "rename"; entry: EntryRow } | { kind: "move"; ids: string[] } | null;

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
  rootLabel,
  trashHref,
}: FileBrowserProps) {
  const router = useRouter();
  const client = useQueryClient();
  const folderId = view.folder.id;
  const folderPath = useMemo(() => view.crumbs.slice(1).map((c) => c.name), [view.crumbs]);
  const [sort, setSort] = useState<SortField>("name");
  const [dir, setDir] = useState<SortDir>("asc");
  const [rawSelection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [preview, setPreview] = useState<EntryRow | null>(view.file);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [clashes, setClashes] = useState<{ names: string[]; resolve: (p: ClashPolicy | null) => void } | null>(null);
  const [dropping, setDropping] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const uploads = useUploadsContext();
  const canUpload = canWrite && uploads !== null;

  const listing = useInfiniteQuery({
    queryKey: filesKeys.folder(folderId, sort, dir, linkToken),
    queryFn: ({ pageParam }) => fetchFolderPage(folderId, sort, dir, pageParam, linkToken),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
  const entries = useMemo(() => listing.data?.pages.flatMap((p) => p.entries) ?? [], [listing.data]);
  const ids = useMemo(() => entries.map((e) => e.id), [entries]);
  const total = listing.data?.pages[0]?.total ?? 0;
  // Rows that left the listing (moved, deleted) drop out of the selection.
  const selection = useMemo(() => pruneSelection(rawSelection, ids), [rawSelection, ids]);
  const selected = entries.filter((e) => selection.ids.has(e.id));

  useEffect(() => {
    // Keep ?file= in the address bar in step with the open preview, so the URL can be shared.
    const url = new URL(window.location.href);
    if (preview) url.searchParams.set("file", preview.id);
    else url.searchParams.delete("file");
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [preview]);

  const refresh = () => client.invalidateQueries({ queryKey: filesKeys.all });
  const askClash = (names: string[]) => new Promise<ClashPolicy | null>((resolve) => setClashes({ names, resolve }));

  async function upload(picked: PickedFile[], target = folderId) {
    if (!canUpload || picked.length === 0) return;
    const result = await findUploadClashesAction({ folderId: target, paths: picked.map((p) => p.relativePath) });
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    let policy: ClashPolicy = "keep-both";
    if (result.data.clashes.length) {
      const chosen = await askClash(result.data.clashes);
      if (!chosen) return;
      policy = chosen;
    }
    uploads!.add(picked, target, policy);
  }

  async function move(moveIds: string[], targetId: string) {
    const first = await moveEntriesAction({ ids: moveIds, targetId, onClash: "ask" });
    if (!first.ok) return void toast.error(first.message);
    let result = first.data;
    if (result.clashes.length) {
      const policy = await askClash(result.clashes);
      if (!policy) return;
      const again = await moveEntriesAction({ ids: moveIds, targetId, onClash: policy });
      if (!again.ok) return void toast.error(again.message);
      result = again.data;
    }
    await refresh();
    setSelection(EMPTY_SELECTION);
    const notes = [
      ...result.renamed.map((r) => `“${r.from}” was renamed “${r.to}”`),
      ...(result.replaced.length ? [`replaced ${result.replaced.join(", ")} (the old ones are in the trash)`] : []),
      ...(result.skipped.length ? [`skipped ${result.skipped.join(", ")}`] : []),
    ];
    toast.success(
      `Moved ${result.moved} item${result.moved === 1 ? "" : "s"}${notes.length ? `; ${notes.join("; ")}` : ""}.`,
    );
  }

  async function trash(trashIds: string[]) {
    const result = await trashEntriesAction({ ids: trashIds });
    if (!result.ok) return void toast.error(result.message);
    await refresh();
    setSelection(EMPTY_SELECTION);
    toast.success(`Moved ${result.data.trashed} item${result.data.trashed === 1 ? "" : "s"} to the trash.`);
  }

  async function createFolder(name: string): Promise<string | null> {
    const result = await createFolderAction({ parentId: folderId, name });
    if (!result.ok) return result.message;
    await refresh();
    toast.success(`Created the folder “${result.data.name}”.`);
    return null;
  }

  async function rename(entry: EntryRow, name: string): Promise<string | null> {
    const result = await renameEntryAction({ id: entry.id, name });
    if (!result.ok) return result.message;
    await refresh();
    if (preview?.id === entry.id) setPreview({ ...preview, name: result.data.name });
    return null;
  }

  async function openAsDataset(entry: EntryRow) {
    const response = await fetch(withLink(`/api/files/${encodeURIComponent(entry.id)}/open-as-dataset`, linkToken), {
      method: "POST",
    });
    const body = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
    if (!response.ok || !body.url) return void toast.error(body.error ?? "The file could not be opened as a dataset.");
    router.push(body.url);
  }

  const sortBy = (field: SortField) => {
    if (field === sort) setDir(dir === "asc" ? "desc" : "asc");
    else {
      setSort(field);
      setDir(field === "modified" || field === "size" ? "desc" : "asc");
    }
  };

  const shareButton = (type: "folder" | "file", id: string, name: string, label = `Share ${name}`): ReactNode =>
    canManage ? (
      <ShareDialog
        type={type}
        id={id}
        name={name}
        trigger={
          <button
            type="button"
            aria-label={label}
            title="Share"
            className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-white"
          >
            <ShareIcon />
          </button>
        }
      />
    ) : null;

  const folderName = view.folder.name || rootLabel;
  const movable = canWrite && view.mode === "full";

  return (
    <div
      className="relative"
      onDragOver={(event) => {
        if (!canUpload || !isFileDrag(event)) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={async (event) => {
        if (!canUpload || !isFileDrag(event)) return;
        event.preventDefault();
        setDropping(false);
        await upload(await filesFromDrop(event.dataTransfer));
      }}
    >
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Breadcrumbs
          crumbs={view.crumbs}
          basePath={basePath}
          rootLabel={rootLabel}
          onMove={movable ? move : undefined}
        />
        <div className="ml-auto flex flex-wrap items-center gap-2 [&>a]:max-sm:px-2.5 [&>a]:max-sm:py-1.5 [&>button]:max-sm:px-2.5 [&>button]:max-sm:py-1.5">
          {view.mode === "full" ? shareButton("folder", folderId, folderName, "Share this folder") : null}
          {view.mode === "full" ? (
            <a href={zipUrl(folderId, linkToken)} className={buttonClass("secondary")} download>
              Download ZIP
            </a>
          ) : null}
          {canWrite ? (
            <>
              <Button variant="secondary" onClick={() => setDialog({ kind: "new-folder" })}>
                New folder
              </Button>
              {canUpload ? (
                <>
                  <Button variant="secondary" onClick={() => folderInput.current?.click()}>
                    Upload folder
                  </Button>
                  <Button onClick={() => fileInput.current?.click()}>Upload files</Button>
                </>
              ) : null}
              <input
                ref={fileInput}
                type="file"
                multiple
                className="sr-only"
                tabIndex={-1}
                aria-label="Files to upload"
                onChange={(e) => {
                  void upload(filesFromInput(e.target.files));
                  e.target.value = "";
                }}
              />
              <input
                ref={folderInput}
                type="file"
                className="sr-only"
                tabIndex={-1}
                aria-label="Folder to upload"
                {...{ webkitdirectory: "", directory: "" }}
                onChange={(e) => {
                  void upload(filesFromInput(e.target.files));
                  e.target.value = "";
                }}
              />
            </>
          ) : null}
          {trashHref ? (
            <Link href={trashHref} className={buttonClass("ghost")}>
              Trash
            </Link>
          ) : null}
        </div>
      </div>

      <div className="flex gap-6">
        <aside className="hidden w-56 shrink-0 md:block">
          <FolderTree
            rootId={view.rootId}
            rootLabel={rootLabel}
            basePath={basePath}
            linkToken={linkToken}
            currentPath={folderPath}
            onMove={movable ? move : undefined}
          />
        </aside>
        <div className="min-w-0 flex-1 space-y-3">
          {uploads && canUpload ? (
            <UploadPanel uploads={uploads} onResume={(u, picked) => uploads.add([picked], u.folderId, u.onClash)} />
          ) : null}
          {selected.length > 0 ? (
            <div
              role="toolbar"
              aria-label="Selected items"
              className="flex flex-wrap items-center gap-2 rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800"
            >
              <span className="font-medium">{selected.length} selected</span>
              {canWrite && movable ? (
                <>
                  {selected.length === 1 ? (
                    <Button variant="ghost" onClick={() => setDialog({ kind: "rename", entry: selected[0]! })}>
                      Rename
                    </Button>
                  ) : null}
                  <Button variant="ghost" onClick={() => setDialog({ kind: "move", ids: selected.map((e) => e.id) })}>
                    Move…
                  </Button>
                  <Button variant="ghost" onClick={() => void trash(selected.map((e) => e.id))}>
                    Delete
                  </Button>
                </>
              ) : null}
              <Button variant="ghost" className="ml-auto" onClick={() => setSelection(EMPTY_SELECTION)}>
                Clear selection
              </Button>
            </div>
          ) : null}

          {listing.isPending ? (
            <p role="status" className="py-8 text-sm text-zinc-500">
              Loading…
            </p>
          ) : listing.isError ? (
            <p role="alert" className="py-8 text-sm text-red-600">
              {listing.error.message}
            </p>
          ) : entries.length === 0 ? (
            view.mode === "shared" ? (
              <EmptyState title="Nothing shared with you here">
                Files and folders of this workspace appear here when someone shares them with you.
              </EmptyState>
            ) : (
              <EmptyState title="This folder is empty">
                {canWrite ? "Drop files or folders here, or use Upload files." : "Nothing has been added here yet."}
              </EmptyState>
            )
          ) : (
            <>
              <EntryTable
                entries={entries}
                sort={sort}
                dir={dir}
                onSort={sortBy}
                selection={selection}
                onSelection={setSelection}
                basePath={basePath}
                folderPath={folderPath}
                linkToken={linkToken}
                canWrite={movable}
                onOpenFile={setPreview}
                onNavigate={(href) => router.push(href)}
                onMove={movable ? move : undefined}
                onDelete={movable ? (d) => void trash(d) : undefined}
                onRename={movable ? (entry) => setDialog({ kind: "rename", entry }) : undefined}
                rowActions={(entry) => shareButton(entry.kind, entry.id, entry.name)}
              />
              <p className="text-xs text-zinc-500">
                {entries.length < total
                  ? `Showing ${entries.length} of ${total} items.`
                  : `${total} item${total === 1 ? "" : "s"}.`}
                {listing.hasNextPage ? (
                  <Button
                    variant="ghost"
                    className="ml-2"
                    disabled={listing.isFetchingNextPage}
                    onClick={() => void listing.fetchNextPage()}
                  >
                    {listing.isFetchingNextPage ? "Loading…" : "Show more"}
                  </Button>
                ) : null}
              </p>
            </>
          )}
        </div>
      </div>

      {dropping ? (
        <div
          aria-hidden
          className="pointer-events-none absolute inset-0 z-30 flex items-center justify-center rounded-lg border-2 border-dashed border-brand-500 bg-brand-50/80 text-lg font-medium text-brand-700 dark:bg-zinc-900/80 dark:text-brand-500"
        >
          Drop to upload to “{folderName}”
        </div>
      ) : null}

      <PreviewDialog
        entry={preview}
        linkToken={linkToken}
        onClose={() => setPreview(null)}
        actions={
          preview ? (
            <>
              {shareButton("file", preview.id, preview.name)}
              {preview.preview === "table" && canWrite && !linkToken ? (
                <Button variant="secondary" onClick={() => void openAsDataset(preview)}>
                  Open as dataset
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <NameDialog
        open={dialog?.kind === "new-folder"}
        title="New folder"
        label="Folder name"
        initial=""
        submitLabel="Create"
        onClose={() => setDialog(null)}
        onSubmit={createFolder}
      />
      <NameDialog
        open={dialog?.kind === "rename"}
        title="Rename"
        label="New name"
        initial={dialog?.kind === "rename" ? dialog.entry.name : ""}
        submitLabel="Rename"
        onClose={() => setDialog(null)}
        onSubmit={(name) => (dialog?.kind === "rename" ? rename(dialog.entry, name) : Promise.resolve(null))}
      />
      <MoveDialog
        open={dialog?.kind === "move"}
        rootId={view.rootId}
        rootLabel={rootLabel}
        excluded={new Set(dialog?.kind === "move" ? dialog.ids : [])}
        onClose={() => setDialog(null)}
        onMove={(target) => {
          const moving = dialog?.kind === "move" ? dialog.ids : [];
          setDialog(null);
          void move(moving, target);
        }}
      />
      <ClashDialog
        clashes={clashes?.names ?? null}
        onChoose={(policy) => {
          clashes?.resolve(policy);
          setClashes(null);
        }}
      />
    </div>
  );
}
