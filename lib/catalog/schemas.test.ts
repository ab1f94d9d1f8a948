import { describe, expect, it } from "vitest";
import { datasetMetadataSchema, datasetNameOf, datasetNameSchema } from "./schemas";

const refusal = (name: string) => {
  const result = datasetNameSchema.safeParse(name);
  if (result.success) throw new Error(`accepted ${JSON.stringify(name)}`);
  return result.error.issues[0]!.message;
};

describe("dataset names (reliability 13.9)", () => {
  it("are stored in Unicode NFC", () => {
    expect(datasetNameSchema.parse("Cafe\u0301 sales")).toBe("Caf\u00e9 sales");
    expect(datasetNameSchema.parse("  Sales 2026 ")).toBe("Sales 2026");
  });

  it.each([
    ["Sales\u202E2026", /bidirectional control/],
    ["Sa\u200bles", /invisible/],
    ["Sales.", /end with a space or a dot/],
    ["Sales. ", /end with a space or a dot/],
    ["Caf\ufffd", /valid UTF-8/],
  ])("refuses %j", (name, message) => {
    expect(refusal(name)).toMatch(message);
    expect(datasetMetadataSchema.safeParse({ name, slug: "sales" }).success).toBe(false);
  });

  it("suggests a valid name from a file name that ends with dots", () => {
    expect(datasetNameOf("report..csv")).toBe("Report");
    expect(datasetNameSchema.parse(datasetNameOf("report..csv"))).toBe("Report");
  });
});
