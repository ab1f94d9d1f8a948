"use client";
import type { EntryRow } from "@/lib/files/entry-types";
import { ClashDialog, MoveDialog, NameDialog } from "../dialogs";
import type { FileOperations } from "./use-file-operations";

/** The prompt open in the browser, if any. */
export type BrowserPrompt =
  { kind: "new-folder" } | { kind: "rename"; entry: EntryRow } | { kind: "move"; ids: string[] };

/** New folder, rename and move prompts, and the question asked when names clash. */
export function BrowserDialogs({
  prompt,
  onClose,
  operations,
  onRenamed,
  rootId,
  rootLabel,
}: {
  prompt: BrowserPrompt | null;
  onClose: () => void;
  operations: FileOperations;
  onRenamed: (entry: EntryRow, name: string) => void;
  rootId: string;
  rootLabel: string;
}) {
  const renaming = prompt?.kind === "rename" ? prompt.entry : null;
  const moving = prompt?.kind === "move" ? prompt.ids : [];
  return (
    <>
      <NameDialog
        open={prompt?.kind === "new-folder"}
        title="New folder"
        label="Folder name"
        initial=""
        submitLabel="Create"
        onClose={onClose}
        onSubmit={operations.createFolder}
      />
      <NameDialog
        open={renaming !== null}
        title="Rename"
        label="New name"
        initial={renaming?.name ?? ""}
        submitLabel="Rename"
        onClose={onClose}
        onSubmit={async (name) => {
          if (!renaming) return null;
          const result = await operations.rename(renaming, name);
          if ("error" in result) return result.error;
          onRenamed(renaming, result.name);
          return null;
        }}
      />
      <MoveDialog
        open={prompt?.kind === "move"}
        rootId={rootId}
        rootLabel={rootLabel}
        excluded={new Set(moving)}
        onClose={onClose}
        onMove={(target) => {
          onClose();
          void operations.move(moving, target);
        }}
      />
      <ClashDialog clashes={operations.clashes?.names ?? null} onChoose={operations.answerClash} />
    </>
  );
}
