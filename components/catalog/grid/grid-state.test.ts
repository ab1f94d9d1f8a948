import { describe, expect, it } from "vitest";
import {
  type GridState,
  emptyGridState,
  nextSort,
  parseGridState,
  serializeGridState,
  visibleColumns,
} from "./grid-state";
import { filterProblem, filterValueProblem } from "./filter-value";

const columns = [
  { name: "id", type: "BIGINT" },
  { name: "city", type: "VARCHAR" },
  { name: "temperature", type: "DOUBLE" },
  { name: "recorded_on", type: "DATE" },
  { name: "at", type: "TIMESTAMP" },
  { name: "ok", type: "BOOLEAN" },
  { name: "small", type: "TINYINT" },
  { name: "odd: name.with&chars=", type: "VARCHAR" },
  { name: "tags", type: "VARCHAR[]" },
];

const parse = (qs: string) => parseGridState(new URLSearchParams(qs), columns);

describe("grid state in the URL", () => {
  it("round-trips sort, filters, hidden, pinned, widths, page and size, keeping other parameters", () => {
    const state: GridState = {
      sort: [
        { column: "temperature", direction: "desc" },
        { column: "odd: name.with&chars=", direction: "asc" },
      ],
      filters: [
        { column: "city", op: "eq", value: "Bergen: the city & more" },
        { column: "temperature", op: "range", min: "0", max: "10.5" },
        { column: "at", op: "range", min: "2026-01-01 10:00:00" },
        { column: "recorded_on", op: "range", max: "2026-02-01" },
        { column: "odd: name.with&chars=", op: "contains", value: "x=y&z" },
        { column: "ok", op: "is_null" },
        { column: "tags", op: "not_null" },
      ],
      hidden: ["id", "small"],
      pinned: ["city", "temperature"],
      widths: { city: 240, "odd: name.with&chars=": 90 },
      page: 7,
      pageSize: 100,
    };
    const url = serializeGridState(state, new URLSearchParams("version=2&link=tok"));
    expect(url.get("version")).toBe("2");
    expect(url.get("link")).toBe("tok");
    const again = parseGridState(new URLSearchParams(url.toString()), columns);
    expect(again.notices).toEqual([]);
    expect(again.state).toEqual(state);
  });

  it("leaves an untouched grid out of the URL and replaces the grid's old keys", () => {
    expect(serializeGridState(emptyGridState, new URLSearchParams("version=3")).toString()).toBe("version=3");
    const replaced = serializeGridState(
      { ...emptyGridState, sort: [{ column: "id", direction: "asc" }] },
      new URLSearchParams("sort=city:desc&f.eq.city=Oslo&page=4&hide=id&w.id=100&version=3"),
    );
    expect(replaced.toString()).toBe("version=3&sort=id%3Aasc");
  });

  it("reads readable URLs written by hand", () => {
    const { state, notices } = parse("sort=temperature:desc&sort=city&f.eq.city=Oslo&f.ge.temperature=0&page=2");
    expect(notices).toEqual([]);
    expect(state.sort).toEqual([
      { column: "temperature", direction: "desc" },
      { column: "city", direction: "asc" },
    ]);
    expect(state.filters).toEqual([
      { column: "city", op: "eq", value: "Oslo" },
      { column: "temperature", op: "range", min: "0" },
    ]);
    expect(state.page).toBe(2);
  });

  it("drops what does not fit the dataset and says so, keeping the rest", () => {
    const { state, notices } = parse(
      [
        "sort=nope:asc",
        "sort=city:sideways",
        "sort=id:desc",
        "f.eq.temperature=warm",
        "f.eq.ghost=1",
        "f.like.city=x",
        "f.eq.city=Oslo",
        "f.eq.small=300",
        "f.ge.ok=true",
        "f.eq.tags=x",
        "hide=ghost",
        "pin=ghost",
        "w.city=5",
        "w.ghost=100",
        "page=-1",
        "size=33",
      ].join("&"),
    );
    expect(state).toEqual({
      ...emptyGridState,
      sort: [{ column: "id", direction: "desc" }],
      filters: [{ column: "city", op: "eq", value: "Oslo" }],
    });
    expect(notices).toEqual([
      'Unknown column "nope" in the sort.',
      'The sort direction "sideways" is not "asc" or "desc".',
      'A filter was dropped: "warm" is not a number such as 3.5 (temperature is DOUBLE).',
      'Unknown column "ghost" in the filters.',
      '"f.like.city" is not a filter this grid knows.',
      'A filter was dropped: "300" is not a whole number such as 42 (small is TINYINT).',
      "A filter was dropped: ok (BOOLEAN) cannot be filtered by a range.",
      'A filter was dropped: tags (VARCHAR[]) can only be filtered with "contains" or "is empty".',
      'Unknown column "ghost" in the hidden columns.',
      'Unknown column "ghost" in the pinned columns.',
      'The width "5" of "city" is not 60–1200 pixels.',
      'Unknown column "ghost" in the column widths.',
      'The page "-1" is not a whole number from 1.',
      'The page size "33" is not one of 25, 50, 100, 200.',
    ]);
  });

  it("never hides every column", () => {
    const { state, notices } = parse(columns.map((c) => `hide=${encodeURIComponent(c.name)}`).join("&"));
    expect(state.hidden).toEqual([]);
    expect(notices).toEqual(["Every column was hidden; showing them all."]);
  });

  it("orders visible columns pinned first, hidden left out", () => {
    const names = visibleColumns(columns, { hidden: ["id", "ok"], pinned: ["temperature", "city"] }).map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(["temperature", "city", "recorded_on"]);
    expect(names).not.toContain("id");
    expect(names).not.toContain("ok");
  });
});

describe("filter values checked by the column's type", () => {
  const col = (name: string) => columns.find((c) => c.name === name)!;
  it.each([
    ["id", "42", true],
    ["id", "-7", true],
    ["id", "4.2", false],
    ["id", "9223372036854775808", false],
    ["small", "127", true],
    ["small", "128", false],
    ["temperature", "-10.5", true],
    ["temperature", "1e3", true],
    ["temperature", "warm", false],
    ["temperature", "", false],
    ["recorded_on", "2026-02-28", true],
    ["recorded_on", "2026-02-30", false],
    ["recorded_on", "28/02/2026", false],
    ["recorded_on", "0042-03-01", true],
    ["recorded_on", "2024-02-29", true],
    ["at", "2026-02-28", true],
    ["at", "2026-02-28 14:30", true],
    ["at", "2026-02-28T14:30:15.123", true],
    ["at", "2026-02-28 25:00", false],
    ["ok", "true", true],
    ["ok", "F", true],
    ["ok", "maybe", false],
    ["city", "anything at all", true],
  ])("%s = %j: accepted %s", (name, value, accepted) => {
    expect(filterValueProblem(col(name), value) === undefined).toBe(accepted);
  });

  it("checks both ends of a range, and ranges on text compare as text", () => {
    expect(filterProblem(columns, { column: "temperature", op: "range", min: "0", max: "hot" })).toBe(
      '"hot" is not a number such as 3.5 (temperature is DOUBLE).',
    );
    expect(filterProblem(columns, { column: "city", op: "range", min: "A", max: "M" })).toBeUndefined();
  });
});

describe("sorting by header clicks", () => {
  const asc = (column: string) => ({ column, direction: "asc" as const });
  const desc = (column: string) => ({ column, direction: "desc" as const });
  it("cycles one column: ascending, descending, unsorted; a plain click drops other keys", () => {
    expect(nextSort([], "a", false)).toEqual([asc("a")]);
    expect(nextSort([asc("a")], "a", false)).toEqual([desc("a")]);
    expect(nextSort([desc("a")], "a", false)).toEqual([]);
    expect(nextSort([asc("a"), desc("b")], "c", false)).toEqual([asc("c")]);
  });
  it("Shift+click adds, flips or removes only that key", () => {
    expect(nextSort([asc("a")], "b", true)).toEqual([asc("a"), asc("b")]);
    expect(nextSort([asc("a"), asc("b")], "b", true)).toEqual([asc("a"), desc("b")]);
    expect(nextSort([asc("a"), desc("b")], "b", true)).toEqual([asc("a")]);
    const eight = "abcdefgh".split("").map(asc);
    expect(nextSort(eight, "z", true)).toEqual(eight);
  });
});
