import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { userKey } from "@/lib/access/grantee-keys";
import { getDb } from "@/lib/db";
import { listResourceAccess } from "@/lib/sharing/list-access";
import { revokeGrantee, revokeGranteeByEmail } from "@/lib/sharing/revoke-share";
import { type ResourceType, minGroupSizeSchema, shareRoleSchema } from "@/lib/sharing/schemas";
import { shareResource } from "@/lib/sharing/share-resource";
import { emailSchema } from "@/lib/users/schemas";
import { AppError } from "@/lib/util/errors";
import { scopeSchema } from "@/lib/scopes/scope-schema";
import { findNamespace } from "./namespaces";

/**
 * A username, never an e-mail address or a "workspace:<id>" grantee (the sharing service accepts
 * those too): what a DataLinks body names is exactly what it shares with.
 */
const usernameField = z
  .string()
  .trim()
  .min(1)
  .regex(/^[^@:\s]+$/, 'Give a username here; use "email" for an e-mail address.');

/** For the OpenAPI document: the refinement above, as JSON Schema. */
const EXACTLY_ONE_GRANTEE = { oneOf: [{ required: ["username"] }, { required: ["email"] }] };

/** DataLinks' share body: a username (or, our extension, an e-mail for someone without an account) and a role. */
export const dataLinksShareBody = z
  .object({
    username: usernameField.optional(),
    email: emailSchema.optional(),
    role: shareRoleSchema,
    /** "aggregate" grants: the smallest group a summary may show (2..1000, default 10) */
    minGroupSize: minGroupSizeSchema.optional(),
    scope: scopeSchema
      .nullable()
      .optional()
      .describe(
        'Datasets only: limit the grant to a slice, { rows: [filters, all must hold], columns: [visible columns] | null }. Filters are the rows API\'s own: {column, op: "eq"|"contains"|"range"|"is_null"|"not_null", value | min/max}. With "viewonly" or "viewer" only.',
      ),
  })
  .refine((b) => Boolean(b.username) !== Boolean(b.email), {
    message: 'Give exactly one of "username" or "email".',
    path: ["username"],
  })
  .meta(EXACTLY_ONE_GRANTEE);

/** The revoke body names the grantee; the role in it does not matter (DataLinks: revoke matches on the user). */
export const dataLinksRevokeBody = z
  .object({
    username: usernameField.optional(),
    email: emailSchema.optional(),
    role: z.string().max(32).optional().describe("ignored: any grant of the person is revoked"),
  })
  .refine((b) => Boolean(b.username) !== Boolean(b.email), {
    message: 'Give exactly one of "username" or "email".',
    path: ["username"],
  })
  .meta(EXACTLY_ONE_GRANTEE);

export type DataLinksGrant = {
  username?: string;
  email?: string;
  workspace?: string;
  role: string;
  /** a slice the grant is limited to, in words (absent: the whole resource) */
  slice?: string;
};

/** The workspace at {owner}/{namespace}; access is checked by the service that uses it. */
export async function namespaceId(owner: string, namespace: string): Promise<string> {
  return (await findNamespace(owner, namespace)).id;
}

export async function shareViaDataLinks(
  actor: Actor,
  type: ResourceType,
  id: string,
  body: z.infer<typeof dataLinksShareBody>,
): Promise<void> {
  await shareResource(actor, type, id, {
    grantees: [body.username ?? body.email!],
    role: body.role,
    minGroupSize: body.minGroupSize,
    ...(body.scope === undefined ? {} : { scope: body.scope }),
  });
}

/** Current grants on the resource itself, as DataLinks lists them. */
export async function listViaDataLinks(actor: Actor, type: ResourceType, id: string): Promise<DataLinksGrant[]> {
  const rows = await listResourceAccess(actor, type, id);
  return rows
    .filter((r) => r.kind === "grant" && !r.expired)
    .map((r) => ({
      ...(r.granteeType === "user"
        ? { username: r.grantee }
        : r.granteeType === "email"
          ? { email: r.grantee }
          : { workspace: r.grantee }),
      role: r.role,
      ...(r.slice ? { slice: r.slice } : {}),
    }));
}

export async function revokeViaDataLinks(
  actor: Actor,
  type: ResourceType,
  id: string,
  body: z.infer<typeof dataLinksRevokeBody>,
): Promise<void> {
  if (body.email) {
    await revokeGranteeByEmail(actor, type, id, body.email);
    return;
  }
  const user = await getDb().user.findUnique({
    where: { username: body.username!.toLowerCase() },
    select: { id: true },
  });
  if (!user) throw new AppError("invalid", `There is no user named "${body.username}".`);
  await revokeGrantee(actor, type, id, userKey(user.id));
}
