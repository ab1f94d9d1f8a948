import { fetchJson } from "@/components/ui/fetch-json";
import type { ActivityEvent } from "@/lib/audit/list-events";
import type { ResourceType } from "@/lib/sharing/schemas";

/** A resource's history in sentences (GET /api/sharing/history), for the share dialog's History tab. */
export const fetchResourceActivity = (type: ResourceType, id: string, signal?: AbortSignal) =>
  fetchJson<ActivityEvent[]>(`/api/sharing/history?${new URLSearchParams({ type, id })}`, { signal });
