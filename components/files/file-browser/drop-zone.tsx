"use client";
import { type ReactNode, useState } from "react";
import { filesFromDrop, isFileDrag } from "../collect-files";
import type { PickedFile } from "../use-uploads";

/** Takes files and whole folders dropped anywhere on its children, with a full-size hint while dragging. */
export function DropZone({
  enabled,
  folderName,
  onDrop,
  children,
}: {
  enabled: boolean;
  folderName: string;
  onDrop: (picked: PickedFile[]) => Promise<void>;
  children: ReactNode;
}) {
  const [dropping, setDropping] = useState(false);
  return (
    <div
      className="relative"
      onDragOver={(event) => {
        if (!enabled || !isFileDrag(event)) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={async (event) => {
        if (!enabled || !isFileDrag(event)) return;
        event.preventDefault();
        setDropping(false);
        await onDrop(await filesFromDrop(event.dataTransfer));
      }}
    >
      {children}
      {dropping ? (
        <div
          aria-hidden
          className="pointer-events-none absolute inset-0 z-30 flex items-center justify-center rounded-lg border-2 border-dashed border-brand-500 bg-brand-50/80 text-lg font-medium text-brand-700 dark:bg-zinc-900/80 dark:text-brand-500"
        >
          Drop to upload to “{folderName}”
        </div>
      ) : null}
    </div>
  );
}
