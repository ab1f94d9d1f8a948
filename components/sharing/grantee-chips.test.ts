import { describe, expect, it } from "vitest";
import { granteeProblem, mergeGrantees, parseGrantees } from "./grantee-chips";

describe("parseGrantees", () => {
  it("makes one chip per entry of a pasted list, whatever separates them", () => {
    const chips = parseGrantees("Ann@Example.com, bob-1;carol@example.org\n dave@example.net  erin");
    expect(chips.map((c) => c.handle)).toEqual([
      "ann@example.com",
      "bob-1",
      "carol@example.org",
      "dave@example.net",
      "erin",
    ]);
    expect(chips[0]).toEqual({ handle: "ann@example.com", email: "ann@example.com" });
    expect(chips[1]).toEqual({ handle: "bob-1", username: "bob-1" });
  });

  it("keeps the name of an address copied from a mail program", () => {
    expect(parseGrantees('"Bob Berg" <Bob@Example.com>, Carol Chen <carol@example.org>')).toEqual([
      { handle: "bob@example.com", email: "bob@example.com", name: "Bob Berg" },
      { handle: "carol@example.org", email: "carol@example.org", name: "Carol Chen" },
    ]);
  });

  it("ignores empty entries", () => {
    expect(parseGrantees(" ,, ;\n ")).toEqual([]);
  });
});

describe("mergeGrantees", () => {
  it("adds each handle once and lets a picked suggestion bring the name", () => {
    const merged = mergeGrantees(
      [{ handle: "bob", username: "bob" }],
      [
        { handle: "bob", username: "bob", email: "bob@example.com", name: "Bob Berg" },
        { handle: "ann@example.com", email: "ann@example.com" },
        { handle: "ann@example.com", email: "ann@example.com" },
      ],
    );
    expect(merged).toEqual([
      { handle: "bob", username: "bob", email: "bob@example.com", name: "Bob Berg" },
      { handle: "ann@example.com", email: "ann@example.com" },
    ]);
  });
});

describe("granteeProblem", () => {
  it("accepts usernames and e-mail addresses", () => {
    expect(granteeProblem("bob-berg")).toBeNull();
    expect(granteeProblem("ann@example.com")).toBeNull();
  });

  it("says why an entry would be refused", () => {
    expect(granteeProblem("ann@")).toBe("Enter a valid e-mail address, like name@example.com");
    expect(granteeProblem("al")).toBe("Not a username or e-mail address: a username needs at least 3 characters");
    expect(granteeProblem("bob!")).toMatch(/^Not a username or e-mail address: use lowercase letters/);
  });
});
