import "server-only";
import { getDb } from "@/lib/db";
import { emailKey, userKey, workspaceKey } from "@/lib/access/grantee-keys";
import { emailSchema } from "@/lib/users/schemas";
import { AppError } from "@/lib/util/errors";

export type Grantee =
  | { type: "user"; key: string; userId: string; email: string; label: string }
  | { type: "email"; key: string; email: string; label: string }
  | { type: "workspace"; key: string; workspaceId: string; ownerId: string; label: string };

/**
 * Turns what a sharer typed into a grantee. Rule: usernames are matched lowercase (an unknown
 * one is refused: the DataLinks 422); an e-mail address is always a pending grant for exactly that
 * address, whether or not it has an account, so a share by e-mail never tells the sharer who has
 * an account (it binds when that address accepts the invitation or signs in);
 * "workspace:<id>" is every member of that workspace.
 */
export async function resolveGrantee(input: string): Promise<Grantee> {
  const text = input.trim();
  const db = getDb();
  if (text.startsWith("workspace:")) {
    const workspace = await db.workspace.findUnique({
      where: { id: text.slice("workspace:".length) },
      include: { owner: { select: { username: true } } },
    });
    if (!workspace) throw new AppError("invalid", "That workspace does not exist.");
    return {
      type: "workspace",
      key: workspaceKey(workspace.id),
      workspaceId: workspace.id,
      ownerId: workspace.ownerId,
      label: `${workspace.owner.username}/${workspace.slug}`,
    };
  }
  if (text.includes("@")) {
    const parsed = emailSchema.safeParse(text);
    if (!parsed.success) throw new AppError("invalid", `"${text}" is not a valid e-mail address.`);
    const email = parsed.data;
    return { type: "email", key: emailKey(email), email, label: email };
  }
  const username = text.toLowerCase();
  const user = await db.user.findUnique({ where: { username }, select: { id: true, email: true } });
  if (!user)
    throw new AppError("invalid", `There is no user named "${text}". Share by e-mail address to invite someone new.`);
  return { type: "user", key: userKey(user.id), userId: user.id, email: user.email, label: username };
}
