import { z } from "zod";
import { MIN_GROUP_SIZE_RANGE } from "@/lib/aggregate/grant-rules";
import { scopeSchema } from "@/lib/scopes/scope-schema";

/**
 * Exactly "aggregate" (totals only, datasets only), "viewonly" (can view, cannot download),
 * "viewer" or "editor"; anything else is refused (422 in the API). Weakest first: the order the
 * share dialog offers them in.
 */
export const SHARE_ROLES = ["aggregate", "viewonly", "viewer", "editor"] as const;
export const shareRoleSchema = z.enum(SHARE_ROLES, {
  error: 'Role must be exactly "aggregate", "viewonly", "viewer" or "editor".',
});
export type ShareRole = z.infer<typeof shareRoleSchema>;

/** How the share dialog and access lists name each role. */
export const SHARE_ROLE_LABELS: Record<ShareRole, string> = {
  aggregate: "Totals only",
  viewonly: "Can view (no download)",
  viewer: "Viewer (can download)",
  editor: "Editor",
};

/** A "Totals only" grant's minimum group size (K): a whole number from 2 to 1000. */
export const minGroupSizeSchema = z.coerce
  .number({ error: "The minimum group size must be a whole number." })
  .int("The minimum group size must be a whole number.")
  .min(MIN_GROUP_SIZE_RANGE.min, `The minimum group size must be at least ${MIN_GROUP_SIZE_RANGE.min}.`)
  .max(MIN_GROUP_SIZE_RANGE.max, `The minimum group size can be at most ${MIN_GROUP_SIZE_RANGE.max}.`);

export const resourceTypeSchema = z.enum(["workspace", "dataset", "folder", "file"], {
  error: "Unknown resource type.",
});
export type ResourceType = z.infer<typeof resourceTypeSchema>;

export const granteeTypeSchema = z.enum(["user", "email", "workspace"]);

export const shareInput = z.object({
  /** usernames, e-mail addresses, or "workspace:<id>" entries */
  grantees: z
    .array(z.string().trim().min(1))
    .min(1, "Add at least one person or workspace.")
    .max(50, "Share with at most 50 at once."),
  role: shareRoleSchema,
  note: z.string().trim().max(1000, "A note can have at most 1000 characters.").optional(),
  expiresAt: z.coerce
    .date({ error: "Enter a valid expiry date." })
    .refine((d) => d.getTime() > Date.now(), "The expiry must be in the future.")
    .optional(),
  /** "Totals only" grants: the smallest group a summary may show (default 10); ignored for other roles */
  minGroupSize: minGroupSizeSchema.optional(),
  /** recipients may add this to one of their own workspaces; unset: the workspace's default */
  allowAddToWorkspace: z.boolean().optional(),
  /** a dataset slice the grant is limited to (lib/scopes); null: the whole dataset; unset: unchanged */
  scope: scopeSchema.nullable().optional(),
});
export type ShareInput = z.input<typeof shareInput>;
