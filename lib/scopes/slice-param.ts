import { invalid } from "@/lib/util/errors";

/** A slice sent as a JSON search parameter; anything but JSON is a clear 422, never a server error. */
export function parseSliceParam(text: string | null): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid("The scope parameter must be JSON: { rows: [...], columns: [...] }.");
  }
}
