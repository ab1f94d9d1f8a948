"use client";
import { formatNumber } from "@/lib/util/format";
import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/ui/fetch-json";
import type { ResourceType } from "@/lib/sharing/schemas";
import { fetchPreviewAs, sharingKeys } from "./api";

function List({ title, items, total }: { title: string; items: { type: string; name: string }[]; total: number }) {
  return (
    <div>
      <p className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
        {title} ({total})
      </p>
      {items.length === 0 ? (
        <p className="text-sm text-zinc-500">Nothing</p>
      ) : (
        <ul className="text-sm">
          {items.map((item, i) => (
            <li key={i}>
              <span aria-hidden>{item.type === "folder" ? "📁" : item.type === "dataset" ? "▦" : "📄"}</span>{" "}
              {item.name}
            </li>
          ))}
          {total > items.length ? <li className="text-zinc-500">and {total - items.length} more</li> : null}
        </ul>
      )}
    </div>
  );
}

/**
 * "Preview as": what one grantee sees, from the same listings their own requests run. Sharing
 * changes invalidate it (invalidateSharing), so it follows a role change or revoke in the dialog.
 */
export function PreviewAsPanel({
  type,
  id,
  shareId,
  onClose,
}: {
  type: ResourceType;
  id: string;
  shareId: string;
  onClose: () => void;
}) {
  const preview = useQuery({
    queryKey: sharingKeys.previewAs(type, id, shareId),
    queryFn: ({ signal }) => fetchPreviewAs(type, id, shareId, signal),
    // A revoked grant is gone for good: no retry before saying so.
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 1,
  });
  // Once the grant is revoked the server no longer knows it: say what that means for the grantee.
  const revoked = preview.isError && preview.error instanceof ApiError && preview.error.status === 404;
  const grantee = preview.data?.grantee;
  return (
    <section
      className="mt-3 rounded-md border border-indigo-200 bg-indigo-50 p-3 dark:border-indigo-900 dark:bg-indigo-950"
      aria-label="Preview as grantee"
      data-testid="preview-as"
    >
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-sm font-semibold">{grantee ? `What ${grantee} sees` : "Preview"}</h4>
        <Button variant="ghost" onClick={onClose}>
          Close preview
        </Button>
      </div>
      {preview.isPending ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : revoked ? (
        <p className="text-sm" data-testid="preview-revoked">
          {grantee ?? "They"} no longer {grantee ? "has" : "have"} access from this grant: this {type} is “not found”
          for them unless another grant or their workspace gives it.
        </p>
      ) : preview.isError ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {preview.error.message}
        </p>
      ) : preview.data.pending ? (
        <p className="text-sm">
          No account yet: they will see this {type} as {preview.data.role} once they accept the invitation.
        </p>
      ) : (
        <div className="mt-2 space-y-2">
          <p className="text-sm">
            {preview.data.canRead
              ? `Can ${preview.data.canWrite ? "read and change" : preview.data.canDownload ? "read" : "view (not download)"} this ${type} (${preview.data.role}).`
              : `Cannot see this ${type}.`}{" "}
            Anything not listed below is “not found” for them.
          </p>
          {preview.data.slice ? (
            <p className="text-sm" data-testid="preview-slice">
              Only {preview.data.slice.words}
              {preview.data.slice.rows !== null ? `: ${formatNumber(preview.data.slice.rows)} rows` : ""}.
            </p>
          ) : null}
          <div className="grid gap-3 sm:grid-cols-2">
            <List title="Catalog" items={preview.data.datasets.items} total={preview.data.datasets.total} />
            {type === "workspace" || type === "folder" ? (
              <List title="Files" items={preview.data.files.items} total={preview.data.files.total} />
            ) : null}
          </div>
        </div>
      )}
    </section>
  );
}
