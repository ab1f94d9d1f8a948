"use client";
import { useState } from "react";
import type { SortDir, SortField } from "@/lib/files/entry-types";

type Sort = { sort: SortField; dir: SortDir };

const FIELDS: readonly SortField[] = ["name", "size", "type", "modified"];
const DEFAULT: Sort = { sort: "name", dir: "asc" };

const storageKey = (viewerKey: string) => `datashelf:files-sort:${viewerKey}`;

function read(viewerKey: string): Sort {
  if (typeof window === "undefined") return DEFAULT;
  try {
    const saved = JSON.parse(window.localStorage.getItem(storageKey(viewerKey)) ?? "null") as Partial<Sort> | null;
    if (saved && FIELDS.includes(saved.sort as SortField) && (saved.dir === "asc" || saved.dir === "desc"))
      return { sort: saved.sort as SortField, dir: saved.dir };
  } catch {
    // Storage off (private mode) or a value from elsewhere: the default order.
  }
  return DEFAULT;
}

/**
 * The listing's sort order, remembered in this browser for this viewer (localStorage, keyed by the
 * account): it follows them from folder to folder and across reloads, and never rides along in a URL
 * they share. Stored values are checked, so a stale or edited one falls back to name order.
 */
export function useRememberedSort(viewerKey: string) {
  const [state, setState] = useState<Sort>(() => read(viewerKey));
  const change = (next: Sort) => {
    setState(next);
    try {
      window.localStorage.setItem(storageKey(viewerKey), JSON.stringify(next));
    } catch {
      // Not remembered, still applied.
    }
  };
  return [state, change] as const;
}
