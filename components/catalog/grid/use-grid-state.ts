"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Column } from "@/lib/catalog/types";
import { type GridState, parseGridState, serializeGridState } from "./grid-state";

/**
 * The grid's state, kept in the page's URL so a reload or a copied link opens the same view.
 * Changes replace the current history entry (the native History API, which Next's router
 * follows without asking the server for the page again), so sorting and paging do not fill the
 * back button; other parameters (version, link) stay as they are. Anything in the URL that does
 * not fit the dataset is dropped from it, and the notices say what was dropped.
 */
export function useGridState(columns: Column[]) {
  const search = useSearchParams();
  const query = search.toString();
  const parsed = useMemo(() => parseGridState(new URLSearchParams(query), columns), [query, columns]);
  const [notices, setNotices] = useState(parsed.notices);
  const [seen, setSeen] = useState(parsed);
  if (seen !== parsed) {
    // The URL changed (back/forward, a pasted link): its notices replace the old ones.
    setSeen(parsed);
    if (parsed.notices.length) setNotices(parsed.notices);
  }

  // An updater gets the state in the URL at this moment, not the last one rendered: the router follows a
  // replaceState in a transition, so two key presses in a row could otherwise both start from the same width.
  const setState = useCallback(
    (next: GridState | ((current: GridState) => GridState)) => {
      const params = new URLSearchParams(window.location.search);
      const value = typeof next === "function" ? next(parseGridState(params, columns).state) : next;
      const qs = serializeGridState(value, params).toString();
      window.history.replaceState(null, "", `${window.location.pathname}${qs ? `?${qs}` : ""}${window.location.hash}`);
    },
    [columns],
  );

  useEffect(() => {
    if (parsed.notices.length) setState(parsed.state);
  }, [parsed, setState]);

  return { state: parsed.state, setState, notices, dismissNotices: () => setNotices([]) };
}
