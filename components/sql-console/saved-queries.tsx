"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteSavedQueryAction } from "@/lib/actions/sql-console/delete-saved-query";
import { renameSavedQueryAction } from "@/lib/actions/sql-console/rename-saved-query";
import { saveQueryAction } from "@/lib/actions/sql-console/save-query";
import { updateSavedQueryAction } from "@/lib/actions/sql-console/update-saved-query";
import { Button } from "@/components/ui/button";
import { formatRelative } from "@/lib/util/format";
import type { SavedQueryItem } from "./types";

/** The user's saved queries: save the editor's SQL under a name, open, overwrite, rename, delete. */
export function SavedQueries({
  saved,
  sql,
  onOpen,
}: {
  saved: SavedQueryItem[];
  sql: string;
  onOpen: (sql: string) => void;
}) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);

  const act = async (action: Promise<{ ok: boolean; message?: string }>, done?: () => void) => {
    const result = await action;
    if (!result.ok) return setMessage(result.message ?? "That did not work.");
    setMessage(null);
    done?.();
    router.refresh();
  };

  return (
    <aside aria-label="Saved queries" className="space-y-3">
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void act(saveQueryAction({ name, sql }), () => setName(""));
        }}
      >
        <label className="sr-only" htmlFor="saved-query-name">
          Name for this query
        </label>
        <input
          id="saved-query-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Name this query"
          maxLength={120}
          className="min-w-0 flex-1 rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button type="submit" variant="secondary" disabled={!name.trim() || !sql.trim()}>
          Save
        </Button>
      </form>
      {message && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {message}
        </p>
      )}
      <h2 className="text-sm font-semibold">Saved queries</h2>
      {saved.length === 0 ? (
        <p className="text-xs text-zinc-500">Nothing saved yet.</p>
      ) : (
        <ul className="space-y-2">
          {saved.map((q) => (
            <li key={q.id} className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
              {renaming?.id === q.id ? (
                <form
                  className="flex gap-1"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void act(renameSavedQueryAction({ id: q.id, name: renaming.name }), () => setRenaming(null));
                  }}
                >
                  <input
                    aria-label={`New name for ${q.name}`}
                    value={renaming.name}
                    onChange={(e) => setRenaming({ id: q.id, name: e.target.value })}
                    className="min-w-0 flex-1 rounded border border-zinc-300 px-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                  />
                  <Button type="submit" variant="secondary">
                    OK
                  </Button>
                </form>
              ) : (
                <button
                  type="button"
                  className="text-left font-medium text-brand-700 hover:underline dark:text-brand-500"
                  onClick={() => onOpen(q.sql)}
                >
                  {q.name}
                </button>
              )}
              <p className="text-xs text-zinc-500">changed {formatRelative(q.updatedAt)}</p>
              <div className="mt-1 flex gap-2 text-xs">
                <button
                  type="button"
                  className="underline"
                  onClick={() => void act(updateSavedQueryAction({ id: q.id, sql }))}
                  aria-label={`Overwrite ${q.name} with the editor's SQL`}
                >
                  Overwrite
                </button>
                <button
                  type="button"
                  className="underline"
                  onClick={() => setRenaming({ id: q.id, name: q.name })}
                  aria-label={`Rename ${q.name}`}
                >
                  Rename
                </button>
                <button
                  type="button"
                  className="underline text-red-700 dark:text-red-400"
                  onClick={() => void act(deleteSavedQueryAction({ id: q.id }))}
                  aria-label={`Delete ${q.name}`}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
