import { describe, expect, it } from "vitest";
import { foldForSearch, searchWordsOf } from "./search-fold";

describe("foldForSearch", () => {
  it.each([
    ["Zürich", "zurich"],
    ["ZURICH", "zurich"],
    ["ZÜRICH", "zurich"],
    ["Zürich", "zurich"], // u + combining diaeresis (NFD input)
    ["São Paulo", "sao paulo"],
    ["Straße", "strasse"],
    ["STRASSE", "strasse"],
    ["Łódź", "lodz"],
    ["Ærøskøbing", "aeroskobing"],
    ["Œuvre", "oeuvre"],
    ["İstanbul", "istanbul"],
    ["ﬁle №１", "file no1"], // compatibility forms: ligature, numero sign, full-width digit
    ["Crème Brûlée", "creme brulee"],
  ])("%s → %s", (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it("folds stored text and queries alike, so either spelling finds the other", () => {
    const pairs: [string, string][] = [
      ["Zürich weather", "zurich"],
      ["zürich", "ZURICH"],
      ["Straße", "strasse"],
      ["Strasse", "straße"],
    ];
    for (const [stored, query] of pairs) expect(foldForSearch(stored)).toContain(foldForSearch(query));
  });
});

describe("searchWordsOf", () => {
  it("splits a folded query into at most 8 words", () => {
    expect(searchWordsOf("  Zürich   Größe ")).toEqual(["zurich", "grosse"]);
    expect(searchWordsOf("a b c d e f g h i j")).toHaveLength(8);
    expect(searchWordsOf(undefined)).toEqual([]);
  });
});
