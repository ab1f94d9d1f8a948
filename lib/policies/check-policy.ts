import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/util/errors";
import { loadPolicy } from "./load-policy";
import { type PolicyBreach, type PolicySubject, policyBreaches } from "./rules";

/** The refusal for broken rules: 403 naming each rule, with the message on the field it concerns. */
export function policyRefusal(breaches: PolicyBreach[]): AppError {
  const fieldErrors: Record<string, string> = {};
  for (const b of breaches) fieldErrors[b.field] ??= b.message;
  const messages = [...new Set(breaches.map((b) => b.message))];
  return new AppError("forbidden", messages.join(" "), fieldErrors);
}

/**
 * Rule: no link or grant is created or changed against the sharing policy of the workspace the
 * resource belongs to. The one enforcement point every path calls (links: create, extend; grants:
 * share, re-share, role change; add to workspace), so the dialog, the internal routes and the
 * REST API refuse alike: 403 whose message names the rule.
 */
export async function checkPolicy(workspaceId: string, subject: PolicySubject | PolicySubject[]): Promise<void> {
  const policy = await loadPolicy(workspaceId);
  const breaches = [subject].flat().flatMap((s) => policyBreaches(policy, s));
  if (breaches.length) throw policyRefusal(breaches);
}

/**
 * Whether a person (by account id or e-mail address) is the workspace's owner or one of its
 * members: the policy's rules for people outside the workspace do not apply to them.
 */
export async function isWorkspacePerson(
  workspace: { id: string; ownerId: string },
  person: { userId?: string | null; email?: string | null },
): Promise<boolean> {
  const user = person.userId
    ? { id: person.userId }
    : person.email
      ? await getDb().user.findUnique({ where: { email: person.email.toLowerCase() }, select: { id: true } })
      : null;
  if (!user) return false;
  if (user.id === workspace.ownerId) return true;
  const membership = await getDb().membership.findUnique({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
    select: { id: true },
  });
  return Boolean(membership);
}
