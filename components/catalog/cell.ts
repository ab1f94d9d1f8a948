/** A grid cell's text: JSON values from the server (nested ones as compact JSON), empty for null. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
