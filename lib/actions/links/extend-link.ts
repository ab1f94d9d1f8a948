"use server";
import { z } from "zod";
import { extendAccessLink } from "@/lib/links/manage-links";
import { defineAction } from "../define-action";

const input = z.object({ linkId: z.string().min(1), expiresAt: z.coerce.date({ error: "Enter a valid end date." }) });

export const extendLinkAction = defineAction(input, ({ linkId, expiresAt }, user) =>
  extendAccessLink(user, linkId, expiresAt),
);
