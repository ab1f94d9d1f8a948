"use server";
import {
  createAccessLink,
  extendAccessLink,
  listAccessLinks,
  revokeAccessLink,
  revokeAllAccessLinks,
} from "@/lib/links/manage-links";
import type { CreateLinkInput } from "@/lib/links/schemas";
import { type ResourceType, resourceTypeSchema } from "@/lib/sharing/schemas";
import { withUser } from "../with-user";

export async function listLinksAction(type: ResourceType, id: string) {
  return withUser(async (user) => {
    const links = await listAccessLinks(user, resourceTypeSchema.parse(type), id);
    return links.map((l) => ({
      ...l,
      createdAt: l.createdAt.toISOString(),
      startsAt: l.startsAt?.toISOString() ?? null,
      expiresAt: l.expiresAt.toISOString(),
      revokedAt: l.revokedAt?.toISOString() ?? null,
      lastUsedAt: l.lastUsedAt?.toISOString() ?? null,
    }));
  });
}

export async function createLinkAction(input: CreateLinkInput) {
  return withUser(async (user) => {
    const { id, url, expiresAt } = await createAccessLink(user, input);
    return { id, url, expiresAt: expiresAt.toISOString() };
  });
}

export async function revokeLinkAction(linkId: string) {
  return withUser((user) => revokeAccessLink(user, linkId));
}

export async function revokeAllLinksAction(type: ResourceType, id: string) {
  return withUser((user) =>
    revokeAllAccessLinks(user, resourceTypeSchema.parse(type), id, { wholeWorkspace: type === "workspace" }),
  );
}

export async function extendLinkAction(linkId: string, expiresAt: string) {
  return withUser((user) => extendAccessLink(user, linkId, new Date(expiresAt)));
}
