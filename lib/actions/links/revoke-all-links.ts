"use server";
import { z } from "zod";
import { revokeAllAccessLinks } from "@/lib/links/manage-links";
import { resourceTypeSchema } from "@/lib/sharing/schemas";
import { defineAction } from "../define-action";

const input = z.object({ type: resourceTypeSchema, id: z.string().min(1) });

export const revokeAllLinksAction = defineAction(input, ({ type, id }, user) =>
  revokeAllAccessLinks(user, type, id, { wholeWorkspace: type === "workspace" }),
);
