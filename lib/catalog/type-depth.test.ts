import { describe, expect, it } from "vitest";
import { typeDepth } from "./type-depth";

describe("typeDepth", () => {
  it.each([
    ["BIGINT", 0],
    ["TIMESTAMP WITH TIME ZONE", 0],
    ["DECIMAL(18,3)", 1],
    ["BIGINT[]", 1],
    ["BIGINT[][]", 2],
    ["BIGINT[3]", 1],
    ["STRUCT(a BIGINT)", 1],
    ['STRUCT("a(b" BIGINT[], "c,d" VARCHAR)', 2],
    ["STRUCT(a STRUCT(b BIGINT[])[])", 4],
    ["MAP(VARCHAR, BIGINT[])", 2],
    ["STRUCT(a BIGINT, b VARCHAR)[]", 2],
    [`${"STRUCT(x ".repeat(20)}BIGINT${")".repeat(20)}`, 20],
    [`BIGINT${"[]".repeat(1000)}`, 1000],
  ])("%s is %i deep", (type, depth) => {
    expect(typeDepth(type)).toBe(depth);
  });
});
