"use client";
import Link from "next/link";
import { useRef } from "react";
import { RequestFilesButton } from "@/components/file-requests/request-files-button";
import { Button, buttonClass } from "@/components/ui/button";
import type { FolderView } from "@/lib/files/folder-view";
import { zipUrl } from "../api";
import { Breadcrumbs } from "../breadcrumbs";
import { filesFromInput } from "../collect-files";
import type { PickedFile } from "../use-uploads";
import { ShareButton } from "./share-button";

/** The bar above the listing: where we are, then share, ZIP, new folder, uploads and the trash. */
export function BrowserToolbar({
  view,
  folderId,
  folderName,
  basePath,
  rootLabel,
  linkToken,
  canWrite,
  canUpload,
  canManage,
  canDownload,
  trashHref,
  onMove,
  onNewFolder,
  onUpload,
}: {
  view: FolderView;
  folderId: string;
  folderName: string;
  basePath: string;
  rootLabel: string;
  linkToken?: string;
  canWrite: boolean;
  canUpload: boolean;
  canManage: boolean;
  canDownload: boolean;
  trashHref?: string;
  /** drops on a breadcrumb; absent when entries cannot be moved */
  onMove?: (ids: string[], targetId: string) => void;
  onNewFolder: () => void;
  onUpload: (picked: PickedFile[]) => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const full = view.mode === "full";
  const picked = (e: React.ChangeEvent<HTMLInputElement>) => {
    onUpload(filesFromInput(e.target.files));
    e.target.value = "";
  };

  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <Breadcrumbs crumbs={view.crumbs} basePath={basePath} rootLabel={rootLabel} onMove={onMove} />
      <div className="ml-auto flex flex-wrap items-center gap-2 [&>a]:max-sm:px-2.5 [&>a]:max-sm:py-1.5 [&>button]:max-sm:px-2.5 [&>button]:max-sm:py-1.5">
        {full && canManage ? (
          <ShareButton type="folder" id={folderId} name={folderName} label="Share this folder" />
        ) : null}
        {full && canDownload ? (
          <a href={zipUrl(folderId, linkToken)} className={buttonClass("secondary")} download>
            Download ZIP
          </a>
        ) : null}
        {canWrite ? (
          <>
            <Button variant="secondary" onClick={onNewFolder}>
              New folder
            </Button>
            <RequestFilesButton folderId={folderId} folderName={folderName} />
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
              onChange={picked}
            />
            <input
              ref={folderInput}
              type="file"
              className="sr-only"
              tabIndex={-1}
              aria-label="Folder to upload"
              {...{ webkitdirectory: "", directory: "" }}
              onChange={picked}
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
  );
}
