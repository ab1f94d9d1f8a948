"use client";
import { useQuery } from "@tanstack/react-query";
import { type Collaborator, fetchCollaborators, sharingKeys } from "./api";
import { useDebouncedValue } from "./use-debounced-value";

const DEBOUNCE_MS = 250;

const matches = (s: Collaborator, prefix: string) =>
  Boolean(s.username?.toLowerCase().startsWith(prefix) || s.email?.toLowerCase().startsWith(prefix));

/**
 * Suggestions for what is being typed: one request once typing pauses; a request for text that
 * has since changed is aborted (TanStack cancels a query nobody observes once it used `signal`).
 * Until the new answer comes, the previous one is narrowed to the current text, so Enter never
 * picks a suggestion for an older prefix.
 */
export function useCollaborators(text: string) {
  const typed = text.trim().toLowerCase();
  const query = useDebouncedValue(typed, DEBOUNCE_MS);
  const result = useQuery({
    queryKey: sharingKeys.collaborators(query),
    queryFn: ({ signal }) => fetchCollaborators(query, signal),
    enabled: query.length > 0,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
    retry: false,
  });
  const suggestions = typed ? (result.data ?? []).filter((s) => matches(s, typed)) : [];
  return { suggestions, error: typed && result.isError ? result.error : null };
}
