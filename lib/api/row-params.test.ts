import { describe, expect, it } from "vitest";
import {
  parseColumns,
  parseFilter,
  parseSort,
  rowsQuerySchema,
  searchParamsObject,
  toDatasetQuery,
} from "./row-params";

describe("row query parameters", () => {
  it("parses the short filter syntax", () => {
    expect(parseFilter("region:eq:North")).toEqual({ column: "region", op: "eq", value: "North" });
    expect(parseFilter("note:contains:a:b")).toEqual({ column: "note", op: "contains", value: "a:b" });
    expect(parseFilter("quantity:range:5..10")).toEqual({ column: "quantity", op: "range", min: "5", max: "10" });
    expect(parseFilter("quantity:range:..10")).toEqual({ column: "quantity", op: "range", max: "10" });
    expect(parseFilter("shipped:is_null")).toEqual({ column: "shipped", op: "is_null" });
    expect(parseFilter("a:b:not_null")).toEqual({ column: "a:b", op: "not_null" });
    expect(() => parseFilter("region=North")).toThrow(/column:op/);
    expect(() => parseFilter("region:eq")).toThrow(/needs a value/);
    expect(() => parseFilter("q:range:5")).toThrow(/min\.\.max/);
  });

  it("parses columns and sort as lists or JSON arrays", () => {
    expect(parseColumns("a, b,")).toEqual(["a", "b"]);
    expect(parseColumns('["a,b"]')).toEqual(["a,b"]);
    expect(parseSort("-price,name")).toEqual([
      { column: "price", direction: "desc" },
      { column: "name", direction: "asc" },
    ]);
    expect(() => parseSort("[oops")).toThrow(/JSON array/);
  });

  it("builds the structured query from URL parameters", () => {
    const params = new URLSearchParams(
      "limit=5&filter=region:eq:North&filter=quantity:range:3..&sort=-quantity&columns=order_id,quantity",
    );
    const q = rowsQuerySchema.parse(searchParamsObject(params));
    expect(q.format).toBe("json");
    expect(toDatasetQuery(q)).toEqual({
      limit: 5,
      columns: ["order_id", "quantity"],
      sort: [{ column: "quantity", direction: "desc" }],
      filters: [
        { column: "region", op: "eq", value: "North" },
        { column: "quantity", op: "range", min: "3" },
      ],
    });
    expect(toDatasetQuery(rowsQuerySchema.parse({ filter: '[{"column":"a","op":"is_null"}]' })).filters).toEqual([
      { column: "a", op: "is_null" },
    ]);
  });
});
