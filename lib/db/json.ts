// The value types of `Json` columns, named once so services need not reach into the generated client.
import type { Prisma } from "./generated/sqlite/client";

/** What a `Json` column reads back as. */
export type JsonValue = Prisma.JsonValue;
/** What a `Json` column accepts (no `undefined` array items, no `Date`: store ISO strings). */
export type JsonInput = Prisma.InputJsonValue;
/** A JSON object a `Json` column accepts. */
export type JsonObjectInput = Prisma.InputJsonObject;

/**
 * A `Json` column that holds an object (audit details, an upload's answer), as a plain record;
 * anything else (only a hand-edited row could hold it) reads as an empty object rather than
 * failing the page that lists it.
 */
export function jsonObject(value: JsonValue): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : {};
}
