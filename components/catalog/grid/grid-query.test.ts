import { hashKey } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { gridQuery, rowsQueryKey, toSearchParams } from "./grid-query";
import { parseGridState } from "./grid-state";

const columns = [
  { name: "id", type: "BIGINT" },
  { name: "city", type: "VARCHAR" },
  { name: "temperature", type: "DOUBLE" },
];

/** The grid's page query for a URL's search string, as the browser's grid builds it. */
const inBrowser = (search: string) =>
  gridQuery(parseGridState(new URLSearchParams(search), columns).state, columns).page;
/** The same, from the parameters as Next hands them to a page (what the server renders with). */
const onServer = (record: Record<string, string | string[] | undefined>) =>
  gridQuery(parseGridState(toSearchParams(record), columns).state, columns).page;

describe("the grid's first page read on the server", () => {
  it("is the query the browser's grid asks for, under the same cache key, for the same URL", () => {
    const search = "sort=temperature:desc&sort=city&f.eq.city=Bergen&hide=id&page=3&size=25&version=2";
    const record = {
      sort: ["temperature:desc", "city"],
      "f.eq.city": "Bergen",
      hide: "id",
      page: "3",
      size: "25",
      version: "2",
      ignored: undefined,
    };
    expect(onServer(record)).toEqual({
      sort: [
        { column: "temperature", direction: "desc" },
        { column: "city", direction: "asc" },
      ],
      filters: [{ column: "city", op: "eq", value: "Bergen" }],
      columns: ["city", "temperature"],
      limit: 25,
      offset: 50,
    });
    expect(hashKey(rowsQueryKey("d1", 2, undefined, onServer(record)))).toBe(
      hashKey(rowsQueryKey("d1", 2, undefined, inBrowser(search))),
    );
  });

  it("reads the first page of the whole dataset when the URL says nothing about the grid", () => {
    expect(onServer({})).toEqual({ limit: 50, offset: 0 });
    expect(onServer({ version: "1" })).toEqual(inBrowser("version=1"));
  });

  it("keys pages of other versions, links and views apart", () => {
    const query = onServer({});
    const keys = [
      rowsQueryKey("d1", 1, undefined, query),
      rowsQueryKey("d1", 2, undefined, query),
      rowsQueryKey("d1", 1, "link-token", query),
      rowsQueryKey("d2", 1, undefined, query),
      rowsQueryKey("d1", 1, undefined, onServer({ page: "2" })),
    ].map((key) => hashKey(key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
