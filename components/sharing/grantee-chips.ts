import { emailSchema, usernameSchema } from "@/lib/users/schemas";

/** One person or e-mail address in the share dialog's input, with what is known to show for it. */
export type GranteeChip = {
  /** what is sent to the server: a username or an e-mail address, lowercase */
  handle: string;
  name?: string | null;
  username?: string | null;
  email?: string | null;
};

const NAMED_ADDRESS = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/;

/**
 * Splits typed or pasted text into chips: separators are commas, semicolons, new lines and
 * spaces; "Bob Berg <bob@example.com>" (as mail programs copy addresses) keeps the name.
 */
export function parseGrantees(text: string): GranteeChip[] {
  const chips: GranteeChip[] = [];
  for (const part of text.split(/[,;\n\r]+/)) {
    const named = NAMED_ADDRESS.exec(part);
    if (named) {
      const [, name = "", address = ""] = named;
      const email = address.toLowerCase();
      chips.push({ handle: email, email, name: name.trim() || null });
      continue;
    }
    for (const word of part.split(/\s+/)) {
      const handle = word.replace(/^[<"']+|[>"']+$/g, "").toLowerCase();
      if (handle) chips.push(handle.includes("@") ? { handle, email: handle } : { handle, username: handle });
    }
  }
  return chips;
}

/** Adds chips that are not there yet (same handle), keeping the order they came in. */
export function mergeGrantees(current: GranteeChip[], added: GranteeChip[]): GranteeChip[] {
  const next = [...current];
  for (const chip of added) {
    const at = next.findIndex((c) => c.handle === chip.handle);
    const known = next[at];
    if (!known) next.push(chip);
    // a suggestion picked after typing the same handle brings the name and address
    else if (!known.name && chip.name) next[at] = { ...known, ...chip };
  }
  return next;
}

/** Why a chip cannot be shared with as it stands, or null: the same rules the server applies to the text. */
export function granteeProblem(handle: string): string | null {
  const parsed = handle.includes("@") ? emailSchema.safeParse(handle) : usernameSchema.safeParse(handle);
  if (parsed.success) return null;
  const reason = parsed.error.issues[0]?.message ?? "Not valid";
  return handle.includes("@") ? reason : `Not a username or e-mail address: ${reason.toLowerCase()}`;
}
