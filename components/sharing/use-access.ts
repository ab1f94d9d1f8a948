"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { changeShareRoleAction } from "@/lib/actions/sharing/change-share-role";
import { revokeShareAction } from "@/lib/actions/sharing/revoke-share";
import type { AccessRowView, ResourceAccessView as AccessData } from "@/lib/sharing/resource-access";
import type { ResourceType, ShareRole } from "@/lib/sharing/schemas";
import { fetchAccess, invalidateSharing, sharingKeys, unwrap } from "./api";

export type { AccessRowView, AccessData };

/**
 * The access list as a query cache; role changes and revokes apply at once and roll back if refused.
 * Every change refreshes all sharing queries (invalidateSharing), so an open preview follows it.
 */
export function useAccess(type: ResourceType, id: string, enabled: boolean) {
  const client = useQueryClient();
  const key = sharingKeys.access(type, id);
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchAccess(type, id, signal), enabled });

  function optimistic<V>(apply: (rows: AccessRowView[], vars: V) => AccessRowView[]) {
    return async (vars: V) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<AccessData>(key);
      if (previous) client.setQueryData<AccessData>(key, { ...previous, rows: apply(previous.rows, vars) });
      return { previous };
    };
  }
  const rollback = (error: Error, _vars: unknown, context: { previous?: AccessData } | undefined) => {
    if (context?.previous) client.setQueryData(key, context.previous);
    toast.error(error.message);
  };

  const changeRole = useMutation({
    mutationFn: ({ shareId, role }: { shareId: string; role: ShareRole }) =>
      unwrap(changeShareRoleAction({ shareId, role })),
    onMutate: optimistic<{ shareId: string; role: ShareRole }>((rows, v) =>
      rows.map((r) => (r.shareId === v.shareId ? { ...r, role: v.role } : r)),
    ),
    onError: rollback,
    onSuccess: () => toast.success("Role changed"),
    onSettled: () => invalidateSharing(client),
  });
  const revoke = useMutation({
    mutationFn: (shareId: string) => unwrap(revokeShareAction({ shareId })),
    onMutate: optimistic<string>((rows, shareId) => rows.filter((r) => r.shareId !== shareId)),
    onError: rollback,
    onSuccess: () => toast.success("Access removed"),
    onSettled: () => invalidateSharing(client),
  });
  return { query, changeRole, revoke, invalidate: () => invalidateSharing(client) };
}
