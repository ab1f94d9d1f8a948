import { z } from "zod";
import { scopeSchema } from "@/lib/scopes/scope-schema";
import { resourceTypeSchema } from "@/lib/sharing/schemas";
import { numberSetting } from "@/lib/config/number-settings";

export const LINK_DEFAULT_DAYS = numberSetting("LINK_DEFAULT_DAYS");
export const LINK_MAX_DAYS = numberSetting("LINK_MAX_DAYS");

export const createLinkInput = z
  .object({
    resourceType: resourceTypeSchema,
    resourceId: z.string().min(1),
    mode: z.enum(["public", "authenticated"], { error: 'Mode must be "public" or "authenticated".' }).default("public"),
    expiresAt: z.coerce.date({ error: "Enter a valid end date." }).optional(),
    startsAt: z.coerce.date({ error: "Enter a valid start date." }).optional(),
    password: z
      .string()
      .min(8, "A link password needs at least 8 characters.")
      .max(200)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    label: z.string().trim().max(100, "A label can have at most 100 characters.").optional(),
    /** false makes a view-only link: grid, statistics and previews, no downloads, exports or raw bytes */
    allowDownload: z.boolean({ error: "allowDownload must be true or false." }).default(true),
    /** a dataset link's slice (lib/scopes): its visitors see only these rows and columns */
    scope: scopeSchema.nullable().optional(),
  })
  .transform((v) => ({ ...v, expiresAt: v.expiresAt ?? new Date(Date.now() + LINK_DEFAULT_DAYS * 86_400_000) }))
  .superRefine((v, ctx) => {
    if (v.expiresAt.getTime() <= Date.now())
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "The end date must be in the future." });
    if (v.expiresAt.getTime() > Date.now() + LINK_MAX_DAYS * 86_400_000 + 60_000) {
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: `A link can last at most ${LINK_MAX_DAYS} days.` });
    }
    if (v.startsAt && v.startsAt >= v.expiresAt)
      ctx.addIssue({ code: "custom", path: ["startsAt"], message: "The start must be before the end." });
  });
export type CreateLinkInput = z.input<typeof createLinkInput>;
