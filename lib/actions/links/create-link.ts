"use server";
import { createAccessLink } from "@/lib/links/manage-links";
import { createLinkInput } from "@/lib/links/schemas";
import { defineAction } from "../define-action";

export const createLinkAction = defineAction(createLinkInput, async (link, user) => {
  const { id, url, expiresAt } = await createAccessLink(user, link);
  return { id, url, expiresAt: expiresAt.toISOString() };
});
