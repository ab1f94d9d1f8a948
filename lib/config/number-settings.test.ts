import { afterEach, describe, expect, it, vi } from "vitest";
import { numberSetting, numberSettingProblems } from "./number-settings";

const touched = ["LINK_MAX_FAILURES", "API_MAX_JSON_BYTES", "SIGNIN_MAIL_PER_ADDRESS", "CATALOG_QUERY_TIMEOUT_MS"];

afterEach(() => {
  for (const name of touched) delete process.env[name];
  vi.resetModules();
});

describe("numeric settings", () => {
  it("a limit set to something that is not a number stops the module loading, naming the variable, instead of switching the limit off", async () => {
    process.env.LINK_MAX_FAILURES = "ten";
    vi.resetModules();
    await expect(import("@/lib/throttle/throttle")).rejects.toThrow(/LINK_MAX_FAILURES must be a whole number/);
    delete process.env.LINK_MAX_FAILURES;
    process.env.API_MAX_JSON_BYTES = "64MB";
    vi.resetModules();
    await expect(import("@/lib/api/route")).rejects.toThrow(/API_MAX_JSON_BYTES .*"64MB"/);
  });

  it("a valid value is used, unset or blank gives the default", async () => {
    process.env.LINK_MAX_FAILURES = " 3 ";
    vi.resetModules();
    expect((await import("@/lib/throttle/throttle")).THROTTLE_MAX_FAILURES).toBe(3);
    process.env.LINK_MAX_FAILURES = "";
    expect(numberSetting("LINK_MAX_FAILURES")).toBe(10);
    expect(numberSetting("CATALOG_QUERY_TIMEOUT_MS", undefined, {})).toBe(30_000);
  });

  it("refuses values outside the rule: negative, zero where it must be above, fractions where whole, infinity", () => {
    expect(() => numberSetting("SIGNIN_MAIL_PER_ADDRESS", undefined, { SIGNIN_MAIL_PER_ADDRESS: "0" })).toThrow(
      /at least 1/,
    );
    expect(() => numberSetting("SIGNIN_MAIL_PER_ADDRESS", undefined, { SIGNIN_MAIL_PER_ADDRESS: "2.5" })).toThrow(
      /whole number/,
    );
    expect(() => numberSetting("CATALOG_QUERY_TIMEOUT_MS", undefined, { CATALOG_QUERY_TIMEOUT_MS: "0" })).toThrow(
      /above 0/,
    );
    expect(() => numberSetting("LINK_MAX_DELAY_MS", undefined, { LINK_MAX_DELAY_MS: "Infinity" })).toThrow(
      /LINK_MAX_DELAY_MS/,
    );
    expect(numberSetting("LINK_MAX_DELAY_MS", undefined, { LINK_MAX_DELAY_MS: "0" })).toBe(0);
  });

  it("lists every setting that does not fit, for the check before the server starts", () => {
    expect(
      numberSettingProblems({ LINK_MAX_FAILURES: "ten", EMAIL_MAX_ATTEMPTS: "-1", API_MAX_JSON_DEPTH: "64" }),
    ).toEqual([
      'LINK_MAX_FAILURES must be a whole number of failures, at least 1; got "ten".',
      'EMAIL_MAX_ATTEMPTS must be a whole number of attempts, at least 1; got "-1".',
    ]);
    expect(numberSettingProblems({})).toEqual([]);
  });

  it("checks the server's own settings too: a page gate set to a word would otherwise be off", () => {
    expect(numberSettingProblems({ PAGE_RENDER_CONCURRENCY: "two", PAGE_RENDER_HOLD_MS: "0" })).toEqual([
      'PAGE_RENDER_CONCURRENCY must be a whole number of page renders, at least 0; got "two".',
      'PAGE_RENDER_HOLD_MS must be a number of milliseconds, above 0; got "0".',
    ]);
    expect(numberSettingProblems({ PAGE_RENDER_CONCURRENCY: "0" })).toEqual([]);
  });
});
