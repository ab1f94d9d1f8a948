import "server-only";
import type { Actor } from "@/lib/access";
import { type LinkRow, listAccessLinks } from "@/lib/links/manage-links";
import { insightsPath } from "@/lib/insights/paths";
import type { ResourceType } from "./schemas";
import { loadSharedResource } from "./shared-resource";

export type LinkRowView = Omit<LinkRow, "createdAt" | "startsAt" | "expiresAt" | "revokedAt" | "lastUsedAt"> & {
  createdAt: string;
  startsAt: string | null;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** the link's insights page (who opened it, what they downloaded) */
  insightsPath: string;
};

/** A resource's access links as the share dialog shows them (managers only, via listAccessLinks). */
export async function listAccessLinkViews(actor: Actor, type: ResourceType, id: string): Promise<LinkRowView[]> {
  const links = await listAccessLinks(actor, type, id);
  const { workspace } = await loadSharedResource(type, id);
  return links.map((l) => ({
    ...l,
    createdAt: l.createdAt.toISOString(),
    startsAt: l.startsAt?.toISOString() ?? null,
    expiresAt: l.expiresAt.toISOString(),
    revokedAt: l.revokedAt?.toISOString() ?? null,
    lastUsedAt: l.lastUsedAt?.toISOString() ?? null,
    insightsPath: insightsPath(workspace, "link", l.id),
  }));
}
