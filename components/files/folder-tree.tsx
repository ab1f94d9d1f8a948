"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { EntryRow } from "@/lib/files/entry-types";
import { fetchSubfolders, filesKeys, pathHref } from "./api";
import { moveDropProps } from "./drag";
import { ChevronIcon, FolderIcon } from "./icons";

type TreeProps = {
  rootId: string;
  rootLabel: string;
  basePath: string;
  linkToken?: string;
  /** names from the top folder to the current folder (expanded and highlighted) */
  currentPath: string[];
  onMove?: (ids: string[], targetId: string) => void;
};

/** The folder tree beside the listing: folders load when expanded; rows can be dropped on folders. */
export function FolderTree({ rootId, rootLabel, basePath, linkToken, currentPath, onMove }: TreeProps) {
  return (
    <nav aria-label="Folders" className="text-sm">
      <ul role="tree" aria-label="Folders">
        <TreeNode
          id={rootId}
          name={rootLabel}
          path={[]}
          depth={0}
          initiallyOpen
          basePath={basePath}
          linkToken={linkToken}
          currentPath={currentPath}
          onMove={onMove}
        />
      </ul>
    </nav>
  );
}

type NodeProps = { id: string; name: string; path: string[]; depth: number; initiallyOpen: boolean } & Omit<
  TreeProps,
  "rootId" | "rootLabel"
>;

function TreeNode({ id, name, path, depth, initiallyOpen, basePath, linkToken, currentPath, onMove }: NodeProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const [over, setOver] = useState(false);
  const children = useQuery({
    queryKey: filesKeys.subfolders(id, linkToken),
    queryFn: () => fetchSubfolders(id, linkToken),
    enabled: open,
  });
  const current =
    path.length === currentPath.length && path.every((n, i) => n.toLowerCase() === currentPath[i]?.toLowerCase());
  const childPath = (child: EntryRow) => [...(child.location ?? path), child.name];
  const onCurrentPath = (child: EntryRow) => {
    const p = childPath(child);
    return p.length <= currentPath.length && p.every((n, i) => n.toLowerCase() === currentPath[i]?.toLowerCase());
  };
  return (
    <li role="treeitem" aria-expanded={open} aria-selected={current}>
      <div
        className={`flex items-center gap-1 rounded-md pr-2 ${current ? "bg-brand-50 dark:bg-zinc-800" : "hover:bg-zinc-100 dark:hover:bg-zinc-800/60"} ${over ? "ring-2 ring-brand-500" : ""}`}
        style={{ paddingLeft: `${depth * 12 + 4}px` }}
        {...moveDropProps(id, onMove, setOver)}
      >
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-label={`${open ? "Collapse" : "Expand"} ${name}`}
          className="rounded p-1 text-zinc-500 hover:text-zinc-900 dark:hover:text-white"
        >
          <ChevronIcon open={open} />
        </button>
        <Link
          href={pathHref(basePath, path)}
          className={`flex min-w-0 flex-1 items-center gap-1.5 py-1 ${current ? "font-medium" : ""}`}
        >
          <FolderIcon />
          <span className="truncate">{name}</span>
        </Link>
      </div>
      {open ? (
        children.isPending ? (
          <p className="py-1 text-xs text-zinc-500" style={{ paddingLeft: `${depth * 12 + 28}px` }}>
            Loading…
          </p>
        ) : children.isError ? (
          <p
            role="alert"
            className="py-1 text-xs text-red-600 dark:text-red-400"
            style={{ paddingLeft: `${depth * 12 + 28}px` }}
          >
            {children.error.message}
          </p>
        ) : children.data.length ? (
          <ul role="group">
            {children.data.map((child) => (
              <TreeNode
                key={child.id}
                id={child.id}
                name={child.name}
                path={childPath(child)}
                depth={depth + 1}
                initiallyOpen={onCurrentPath(child) && childPath(child).length < currentPath.length}
                basePath={basePath}
                linkToken={linkToken}
                currentPath={currentPath}
                onMove={onMove}
              />
            ))}
          </ul>
        ) : null
      ) : null}
    </li>
  );
}
