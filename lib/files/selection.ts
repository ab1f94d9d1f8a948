/** Which rows are selected, the row a Shift-range starts from, and the row with keyboard focus. */
export type Selection = { ids: Set<string>; anchor: number; focus: number };

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: -1, focus: -1 };

type Modifiers = { shift?: boolean; toggle?: boolean };

function range(ids: string[], from: number, to: number): string[] {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return ids.slice(Math.max(0, a), b + 1);
}

/**
 * A click (or arrow key) on row `index`: alone it selects just that row; with Ctrl/Cmd it
 * toggles the row; with Shift it selects the range from the anchor (keeping Ctrl-selected rows
 * when both are held), like a desktop file manager.
 */
export function selectAt(
  sel: Selection,
  ids: string[],
  index: number,
  { shift = false, toggle = false }: Modifiers = {},
): Selection {
  const id = ids[index];
  if (id === undefined) return sel;
  if (shift && sel.anchor >= 0) {
    const next = new Set(toggle ? sel.ids : []);
    for (const r of range(ids, sel.anchor, index)) next.add(r);
    return { ids: next, anchor: sel.anchor, focus: index };
  }
  if (toggle) {
    const next = new Set(sel.ids);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return { ids: next, anchor: index, focus: index };
  }
  return { ids: new Set([id]), anchor: index, focus: index };
}

/** Drops selected ids that are no longer listed (after a move, delete or refresh). */
export function pruneSelection(sel: Selection, ids: string[]): Selection {
  const listed = new Set(ids);
  const kept = [...sel.ids].filter((id) => listed.has(id));
  if (kept.length === sel.ids.size && sel.focus < ids.length) return sel;
  return {
    ids: new Set(kept),
    anchor: Math.min(sel.anchor, ids.length - 1),
    focus: Math.min(sel.focus, ids.length - 1),
  };
}
