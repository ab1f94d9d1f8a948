import type { QueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { LinkRowView } from "@/lib/sharing/access-link-views";
import type { suggestCollaborators } from "@/lib/sharing/collaborators";
import type { AccessPreview } from "@/lib/sharing/preview-as";
import type { ResourceAccessView } from "@/lib/sharing/resource-access";
import type { HistoryRow } from "@/lib/sharing/resource-history";
import type { ResourceType } from "@/lib/sharing/schemas";

export { unwrap } from "@/components/ui/fetch-json";

export type Collaborator = Awaited<ReturnType<typeof suggestCollaborators>>[number];

/** The query keys of the share dialog and its panels; invalidate `sharingKeys.all` after any change. */
export const sharingKeys = {
  all: ["sharing"] as const,
  access: (type: ResourceType, id: string) => ["sharing", "access", type, id] as const,
  links: (type: ResourceType, id: string) => ["sharing", "links", type, id] as const,
  history: (type: ResourceType, id: string) => ["sharing", "history", type, id] as const,
  previewAs: (type: ResourceType, id: string, shareId: string) => ["sharing", "preview-as", type, id, shareId] as const,
  collaborators: (query: string) => ["sharing", "collaborators", query] as const,
};

/**
 * After any sharing change: every sharing query refetches (the access list, links, history and an
 * open "What … sees" preview), since one grant changes what all of them show.
 */
export const invalidateSharing = (client: QueryClient) => client.invalidateQueries({ queryKey: sharingKeys.all });

const resourceUrl = (path: string, type: ResourceType, id: string, extra: Record<string, string> = {}) =>
  `/api/sharing/${path}?${new URLSearchParams({ type, id, ...extra })}`;

export const fetchAccess = (type: ResourceType, id: string, signal?: AbortSignal) =>
  fetchJson<ResourceAccessView>(resourceUrl("access", type, id), { signal });
export const fetchLinks = (type: ResourceType, id: string, signal?: AbortSignal) =>
  fetchJson<LinkRowView[]>(resourceUrl("links", type, id), { signal });
export const fetchHistory = (type: ResourceType, id: string, signal?: AbortSignal) =>
  fetchJson<HistoryRow[]>(resourceUrl("history", type, id), { signal });
export const fetchPreviewAs = (type: ResourceType, id: string, shareId: string, signal?: AbortSignal) =>
  fetchJson<AccessPreview>(resourceUrl("preview-as", type, id, { shareId }), { signal });
export const fetchCollaborators = (query: string, signal?: AbortSignal) =>
  fetchJson<Collaborator[]>(`/api/sharing/collaborators?${new URLSearchParams({ q: query })}`, { signal });
