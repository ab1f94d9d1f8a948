import { describe, expect, it } from "vitest";
import { EMPTY_SELECTION, pruneSelection, selectAt } from "./selection";

const ids = ["a", "b", "c", "d", "e"];
const picked = (s: { ids: Set<string> }) => [...s.ids].sort();

describe("file list selection", () => {
  it("click selects one, Ctrl toggles, Shift selects a range from the anchor", () => {
    let s = selectAt(EMPTY_SELECTION, ids, 1);
    expect(picked(s)).toEqual(["b"]);
    s = selectAt(s, ids, 3, { toggle: true });
    expect(picked(s)).toEqual(["b", "d"]);
    s = selectAt(s, ids, 3, { toggle: true });
    expect(picked(s)).toEqual(["b"]);
    s = selectAt(selectAt(EMPTY_SELECTION, ids, 1), ids, 3, { shift: true });
    expect(picked(s)).toEqual(["b", "c", "d"]);
    s = selectAt(s, ids, 0, { shift: true }); // the anchor stays where the range started
    expect(picked(s)).toEqual(["a", "b"]);
    s = selectAt(selectAt(s, ids, 4, { toggle: true }), ids, 2, { shift: true, toggle: true });
    expect(picked(s)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("forgets rows that are gone", () => {
    const s = selectAt(selectAt(EMPTY_SELECTION, ids, 0), ids, 4, { shift: true });
    expect(picked(pruneSelection(s, ["a", "c"]))).toEqual(["a", "c"]);
  });
});
