import { MAX_NAME_LENGTH, nameKey } from "./names";

/** "report.csv" → ["report", ".csv"]; dotfiles and names without an extension have none. */
export function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
}

/**
 * The "keep both" name: the first of "name (1).ext", "name (2).ext", … whose key is not taken.
 * `taken` holds name keys (see nameKey) of the folder's entries.
 */
export function keepBothName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(nameKey(name))) return name;
  const [stem, ext] = splitExtension(name);
  const base = stem.replace(/ \(\d+\)$/, "");
  for (let n = 1; ; n++) {
    const suffix = ` (${n})${ext}`;
    const candidate = base.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}
