"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useResourcePolicy } from "@/components/policies/use-resource-policy";
import { extendLinkAction } from "@/lib/actions/links/extend-link";
import { revokeAllLinksAction } from "@/lib/actions/links/revoke-all-links";
import { revokeLinkAction } from "@/lib/actions/links/revoke-link";
import type { ResourceType } from "@/lib/sharing/schemas";
import { fetchLinks, sharingKeys, unwrap } from "./api";

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A resource's access links as a query, with revoke, revoke-all and extend (30 days from today, or
 * the workspace policy's longest lifetime when shorter); each refetches the list.
 */
export function useAccessLinks(type: ResourceType, id: string) {
  const client = useQueryClient();
  const key = sharingKeys.links(type, id);
  const links = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchLinks(type, id, signal) });
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const done = (message: string) => () => {
    toast.success(message);
    refresh();
  };
  const failed = (e: Error) => toast.error(e.message);
  const maxDays = useResourcePolicy(type, id).data?.linkMaxDays ?? null;
  const extendDays = Math.min(30, maxDays ?? 30);

  const revoke = useMutation({
    mutationFn: (linkId: string) => unwrap(revokeLinkAction({ linkId })),
    onSuccess: done("Link revoked"),
    onError: failed,
  });
  const revokeAll = useMutation({
    mutationFn: () => unwrap(revokeAllLinksAction({ type, id })),
    onSuccess: (n) => done(`Revoked ${n} link(s)`)(),
    onError: failed,
  });
  const extend = useMutation({
    mutationFn: (linkId: string) =>
      unwrap(extendLinkAction({ linkId, expiresAt: new Date(`${inDays(extendDays)}T23:59:59`) })),
    onSuccess: done(`Link extended to ${extendDays} days from today`),
    onError: failed,
  });
  return { links, refresh, revoke, revokeAll, extend };
}

export type AccessLinks = ReturnType<typeof useAccessLinks>;
