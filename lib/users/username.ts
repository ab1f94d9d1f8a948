import { getDb } from "@/lib/db";
import { usernameSchema } from "./schemas";

/** A free, valid username derived from an e-mail's local part ("Ann.Lee+x@…" → "ann-lee", "ann-lee2", …). */
export async function suggestUsername(email: string): Promise<string> {
  const local = email.split("@")[0] ?? "";
  let base = local
    .split("+")[0]!
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 28);
  if (!usernameSchema.safeParse(base).success) base = `user-${base}`.replace(/-+$/, "").slice(0, 28);
  if (!usernameSchema.safeParse(base).success) base = "user";
  const taken = new Set(
    (await getDb().user.findMany({ where: { username: { startsWith: base } }, select: { username: true } })).map(
      (u) => u.username,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

export async function isUsernameTaken(username: string): Promise<boolean> {
  return (await getDb().user.count({ where: { username: username.toLowerCase() } })) > 0;
}
