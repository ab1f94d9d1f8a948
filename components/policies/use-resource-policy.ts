"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { SharingPolicy } from "@/lib/policies/schemas";
import type { ResourceType } from "@/lib/sharing/schemas";

/** The sharing policy over a resource (its workspace's), under the share dialog's query keys. */
export function useResourcePolicy(type: ResourceType, id: string) {
  return useQuery({
    queryKey: ["sharing", "policy", type, id],
    queryFn: ({ signal }) => fetchJson<SharingPolicy>(`/api/policies?${new URLSearchParams({ type, id })}`, { signal }),
    staleTime: 30_000,
  });
}
