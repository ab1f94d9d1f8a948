import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyRanges } from "./copy-ranges";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copy-ranges-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("copyRanges", () => {
  it("copies ranges of several files in order, also across the 8 MiB block", () => {
    const big = Buffer.alloc(9 * 1024 * 1024 + 5);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    fs.writeFileSync(path.join(dir, "big"), big);
    fs.writeFileSync(path.join(dir, "small"), "0123456789");
    const target = path.join(dir, "out-1");
    return copyRanges(
      [
        { file: path.join(dir, "small"), offset: 3, size: 4 },
        { file: path.join(dir, "big"), offset: 7, size: big.length - 9 },
        { file: path.join(dir, "small"), offset: 0, size: 10 },
      ],
      target,
    ).then(() => {
      const expected = Buffer.concat([Buffer.from("3456"), big.subarray(7, big.length - 2), Buffer.from("0123456789")]);
      expect(fs.readFileSync(target).equals(expected)).toBe(true);
    });
  });

  it("a range the file no longer holds in full is an error, never a shorter or padded copy", async () => {
    fs.writeFileSync(path.join(dir, "short"), "abc");
    await expect(
      copyRanges([{ file: path.join(dir, "short"), offset: 1, size: 5 }], path.join(dir, "out-2")),
    ).rejects.toThrow("shorter than 6 bytes");
  });

  it("refuses to write over an existing file", async () => {
    fs.writeFileSync(path.join(dir, "taken"), "x");
    await expect(copyRanges([], path.join(dir, "taken"))).rejects.toMatchObject({ code: "EEXIST" });
  });
});
