import { AppError } from "@/lib/util/errors";

/** Longest name, in characters, of a file or folder (common filesystems allow 255 bytes; we count characters). */
export const MAX_NAME_LENGTH = 255;
/** Deepest folder nesting below the workspace root. */
export const MAX_DEPTH = 40;

// C0 and C1 control characters, DEL, and the Unicode line/paragraph separators and BOM.

const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
// Bidirectional controls: they make "evil\u202Etxt.exe" display as "evilexe.txt".
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// Invisible characters: two names that look the same would be different names.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064]/;
// Joiners that scripts and emoji need (Persian and Indic words, family emoji) are allowed
// between two letters or two pictographs, and nowhere else.
const NEEDED_JOINERS =
  /(?<=[\p{L}\p{M}])[\u200c\u200d](?=[\p{L}\p{M}])|(?<=\p{Extended_Pictographic}\ufe0f?)\u200d(?=\p{Extended_Pictographic})/gu;

/**
 * Why a name's characters are refused, or null: control, bidirectional and invisible characters,
 * U+FFFD (what text that was not valid UTF-8 turns into), unpaired surrogates, and a name that
 * ends with a dot or a space (Windows drops them, so the file would be renamed on download;
 * normaliseName trims spaces, so only a name checked without it can still end with one).
 * Shared by file, folder and dataset names.
 */
export function nameCharacterProblem(name: string): string | null {
  if (FORBIDDEN_CHARS.test(name)) return "A name cannot contain control characters.";
  if (!name.isWellFormed() || name.includes("\ufffd"))
    return "A name must be valid UTF-8 text (it contains an undecodable character).";
  if (BIDI_CONTROLS.test(name))
    return "A name cannot contain bidirectional control characters (they disguise the name).";
  if (INVISIBLE.test(name.replace(NEEDED_JOINERS, "")))
    return "A name cannot contain invisible (zero-width) characters.";
  if (/[\s.]$/u.test(name)) return "A name cannot end with a space or a dot.";
  return null;
}

/** Why a name is refused, or null when it is acceptable (after normalising it with normaliseName). */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return "A name cannot be empty.";
  if (name.length > MAX_NAME_LENGTH) return `A name can be at most ${MAX_NAME_LENGTH} characters long.`;
  if (name === "." || name === "..") return `"${name}" is not allowed as a name.`;
  if (name.includes("/")) return 'A name cannot contain "/".';
  if (name.includes("\\")) return 'A name cannot contain "\\".';
  return nameCharacterProblem(name);
}

/**
 * Unicode NFC and no surrounding whitespace, so the same name typed twice is the same name and
 * no stored name ends with a space (nameProblem refuses the other invisible endings).
 */
export function normaliseName(name: string): string {
  return name.normalize("NFC").trim();
}

/**
 * Rule: a file or folder name is one path segment and nothing else. It is never empty, "." or
 * "..", contains no "/" or "\" (so it can never address another folder, on any OS), no NUL or
 * other control characters, no bidirectional controls or invisible characters, nothing that was
 * not valid UTF-8, does not end with a dot (surrounding spaces are trimmed), is in Unicode NFC,
 * and is at most MAX_NAME_LENGTH characters. Names never reach the filesystem (blobs are stored under
 * generated keys); this keeps ZIP entries, URLs, what users see and their own disks safe. Returns the normalised name or throws an "invalid" AppError.
 */
export function validateName(raw: string, field = "name"): string {
  const name = normaliseName(raw);
  const problem = nameProblem(name);
  if (problem) throw new AppError("invalid", problem, { [field]: problem });
  return name;
}

/** The key names clash on: lowercase, so "Report.csv" and "report.CSV" are the same name in a folder. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/**
 * Rule: the relative path of a file in a folder upload ("photos/2026/a.jpg") is a list of
 * "/"-separated names, each valid by validateName; empty segments, ".", "..", absolute paths and
 * backslashes are refused, never resolved. Returns the validated segments, the file name last.
 */
export function validateRelativePath(raw: string, field = "relativePath"): string[] {
  if (raw.startsWith("/"))
    throw new AppError("invalid", 'A relative path cannot start with "/".', { [field]: "Must be relative." });
  const segments = raw.split("/").map((segment) => validateName(segment, field));
  if (segments.length - 1 > MAX_DEPTH)
    throw new AppError("invalid", `Folders can be nested at most ${MAX_DEPTH} levels deep.`, { [field]: "Too deep." });
  return segments;
}
