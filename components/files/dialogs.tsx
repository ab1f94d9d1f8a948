"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import type { ClashPolicy } from "@/lib/files/entry-types";
import { fetchSubfolders, filesKeys } from "./api";
import { ChevronIcon, FolderIcon } from "./icons";

/** Asks for a name (new folder, rename); the server validates it and its message is shown here. */
export function NameDialog({
  open,
  title,
  label,
  initial,
  submitLabel,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (name: string) => Promise<string | null>;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      {open ? (
        <NameForm label={label} initial={initial} submitLabel={submitLabel} onClose={onClose} onSubmit={onSubmit} />
      ) : null}
    </Dialog>
  );
}

function NameForm({
  label,
  initial,
  submitLabel,
  onClose,
  onSubmit,
}: {
  label: string;
  initial: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (name: string) => Promise<string | null>;
}) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        const problem = await onSubmit(name);
        setPending(false);
        if (problem) setError(problem);
        else onClose();
      }}
      className="space-y-4"
    >
      <TextField
        label={label}
        value={name}
        error={error}
        autoFocus
        maxLength={255}
        onFocus={(e) => {
          // Select the name without its extension, as file managers do.
          const dot = e.target.value.lastIndexOf(".");
          e.target.setSelectionRange(0, dot > 0 ? dot : e.target.value.length);
        }}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** "Keep both / replace / skip" for names that already exist in the destination. */
export function ClashDialog({
  clashes,
  onChoose,
}: {
  clashes: string[] | null;
  onChoose: (policy: ClashPolicy | null) => void;
}) {
  const list = clashes ?? [];
  return (
    <Dialog
      open={clashes !== null}
      onClose={() => onChoose(null)}
      title={list.length === 1 ? "An item with this name already exists" : `${list.length} items already exist`}
      description="Choose what to do with the items whose names are taken in the destination."
    >
      <ul className="mb-4 max-h-40 overflow-y-auto rounded border border-zinc-200 p-2 text-sm dark:border-zinc-800">
        {list.slice(0, 50).map((name) => (
          <li key={name} className="truncate">
            {name}
          </li>
        ))}
        {list.length > 50 ? <li className="text-zinc-500">and {list.length - 50} more</li> : null}
      </ul>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={() => onChoose(null)}>
          Cancel
        </Button>
        <Button variant="secondary" onClick={() => onChoose("skip")}>
          Skip
        </Button>
        <Button variant="secondary" onClick={() => onChoose("replace")}>
          Replace
        </Button>
        <Button onClick={() => onChoose("keep-both")}>Keep both</Button>
      </div>
    </Dialog>
  );
}

/** Picks the folder to move items into, from a tree of the workspace's folders. */
export function MoveDialog({
  open,
  rootId,
  rootLabel,
  excluded,
  onClose,
  onMove,
}: {
  open: boolean;
  rootId: string;
  rootLabel: string;
  excluded: Set<string>;
  onClose: () => void;
  onMove: (targetId: string) => void;
}) {
  const [target, setTarget] = useState<string | null>(null);
  return (
    <Dialog open={open} onClose={onClose} title="Move to…" description="Choose the destination folder.">
      <ul
        role="tree"
        aria-label="Destination folders"
        className="max-h-72 overflow-y-auto rounded border border-zinc-200 p-1 text-sm dark:border-zinc-800"
      >
        <PickerNode
          id={rootId}
          name={rootLabel}
          depth={0}
          excluded={excluded}
          target={target}
          onPick={setTarget}
          initiallyOpen
        />
      </ul>
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button disabled={!target} onClick={() => target && onMove(target)}>
          Move here
        </Button>
      </div>
    </Dialog>
  );
}

function PickerNode({
  id,
  name,
  depth,
  excluded,
  target,
  onPick,
  initiallyOpen = false,
}: {
  id: string;
  name: string;
  depth: number;
  excluded: Set<string>;
  target: string | null;
  onPick: (id: string) => void;
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const children = useQuery({ queryKey: filesKeys.subfolders(id), queryFn: () => fetchSubfolders(id), enabled: open });
  const disabled = excluded.has(id);
  return (
    <li role="treeitem" aria-expanded={open} aria-selected={target === id} aria-disabled={disabled}>
      <div className="flex items-center gap-1" style={{ paddingLeft: `${depth * 14}px` }}>
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-label={`${open ? "Collapse" : "Expand"} ${name}`}
          className="rounded p-1 text-zinc-500"
        >
          <ChevronIcon open={open} />
        </button>
        <button
          type="button"
          disabled={disabled}
          onClick={() => onPick(id)}
          className={`flex min-w-0 flex-1 items-center gap-1.5 rounded px-1.5 py-1 text-left disabled:opacity-40 ${target === id ? "bg-brand-600 text-white" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
        >
          <FolderIcon className={target === id ? "text-white" : ""} />
          <span className="truncate">{name}</span>
        </button>
      </div>
      {open && children.data?.length && !disabled ? (
        <ul role="group">
          {children.data.map((c) => (
            <PickerNode
              key={c.id}
              id={c.id}
              name={c.name}
              depth={depth + 1}
              excluded={excluded}
              target={target}
              onPick={onPick}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
