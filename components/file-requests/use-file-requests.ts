"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, unwrap } from "@/components/ui/fetch-json";
import { createFileRequestAction } from "@/lib/actions/file-requests/create-file-request";
import { revokeFileRequestAction } from "@/lib/actions/file-requests/revoke-file-request";
import type { CreateFileRequestInput } from "@/lib/file-requests/schemas";

/** A file request as the folder's members see it in the dialog (dates as JSON strings). */
export type FileRequestItem = {
  id: string;
  title: string;
  audience: "anyone" | "signed-in";
  hasPassword: boolean;
  maxFileBytes: number;
  maxFiles: number;
  received: number;
  createdBy: string;
  expiresAt: string;
  revokedAt: string | null;
  active: boolean;
};

/** A folder's file requests, creating and revoking them; the list refetches after each change. */
export function useFileRequests(folderId: string, enabled: boolean) {
  const client = useQueryClient();
  const key = ["file-requests", folderId];
  const list = useQuery({
    queryKey: key,
    enabled,
    queryFn: ({ signal }) =>
      fetchJson<FileRequestItem[]>(`/api/file-requests?folderId=${encodeURIComponent(folderId)}`, { signal }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const create = useMutation({
    mutationFn: (input: CreateFileRequestInput) => unwrap(createFileRequestAction(input)),
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(revokeFileRequestAction({ id })),
    onSettled: refresh,
  });
  return { list, create, revoke };
}
