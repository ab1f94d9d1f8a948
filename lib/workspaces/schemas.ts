import { z } from "zod";

export const workspaceSlugSchema = z
  .string({ error: "Choose a short name for the URL" })
  .trim()
  .toLowerCase()
  .min(2, "The URL name needs at least 2 characters")
  .max(48, "The URL name can have at most 48 characters")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Use lowercase letters, digits and hyphens (not at the start or end)");

export const workspaceNameSchema = z
  .string({ error: "Give the workspace a name" })
  .trim()
  .min(1, "Give the workspace a name")
  .max(80, "A workspace name can have at most 80 characters");

export const memberRoleSchema = z.enum(["admin", "member"], { error: 'Role must be "admin" or "member"' });
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** A readable slug from a free-text name ("Sales Data 2026" → "sales-data-2026"). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
}
