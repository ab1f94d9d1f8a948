"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { addToWorkspaceAction } from "@/lib/actions/sharing/add-to-workspace";
import { revokeShareAction } from "@/lib/actions/sharing/revoke-share";
import { formatDate } from "@/lib/util/format";

export type SharedWithMeItem = {
  shareId: string;
  resourceType: string;
  name: string;
  path: string;
  owner: string;
  workspace: string;
  role: string;
  via: string;
  sharedBy: string;
  sharedAt: string;
  expiresAt: string | null;
  /** the sharer allowed adding it to one of the recipient's workspaces */
  allowAddToWorkspace: boolean;
};

export function SharedWithMeList({
  items,
  myWorkspaces,
}: {
  items: SharedWithMeItem[];
  myWorkspaces: { id: string; label: string }[];
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const groups = new Map<string, SharedWithMeItem[]>();
  for (const item of items) {
    const group = groups.get(item.owner);
    if (group) group.push(item);
    else groups.set(item.owner, [item]);
  }
  const run = (fn: () => Promise<{ ok: boolean; message?: string }>, success: string) =>
    start(async () => {
      const r = await fn();
      if (r.ok) {
        toast.success(success);
        router.refresh();
      } else toast.error(r.message ?? "Failed");
    });
  return (
    <div className="space-y-8">
      {[...groups].map(([owner, list]) => (
        <section key={owner} aria-label={`Shared by ${owner}`}>
          <h2 className="mb-2 text-sm font-semibold text-zinc-500">From {owner}</h2>
          <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
            {list.map((item) => (
              <li
                key={item.shareId}
                className="flex flex-wrap items-center justify-between gap-3 p-4"
                data-testid="shared-item"
              >
                <div className="min-w-0">
                  <Link href={item.path} className="font-medium hover:underline">
                    {item.name}
                  </Link>
                  <p className="text-xs text-zinc-500">
                    {item.resourceType} in {item.workspace} · {item.role} · shared by {item.sharedBy} on{" "}
                    {formatDate(item.sharedAt)}
                    {item.via !== "you" ? ` · through ${item.via}` : ""}
                    {item.expiresAt ? ` · until ${formatDate(item.expiresAt)}` : ""}
                  </p>
                </div>
                {item.via === "you" ? (
                  <div className="flex items-center gap-2">
                    {item.allowAddToWorkspace &&
                    myWorkspaces.length > 0 &&
                    (item.resourceType === "dataset" || item.resourceType === "folder") ? (
                      <select
                        aria-label={`Add ${item.name} to a workspace`}
                        disabled={pending}
                        defaultValue=""
                        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                        onChange={(e) =>
                          e.target.value &&
                          run(
                            () => addToWorkspaceAction({ shareId: item.shareId, workspaceId: e.target.value }),
                            "Added to your workspace",
                          )
                        }
                      >
                        <option value="" disabled>
                          Add to workspace…
                        </option>
                        {myWorkspaces.map((w) => (
                          <option key={w.id} value={w.id}>
                            {w.label}
                          </option>
                        ))}
                      </select>
                    ) : null}
                    <Button
                      variant="ghost"
                      disabled={pending}
                      onClick={() => run(() => revokeShareAction({ shareId: item.shareId }), "You left it")}
                    >
                      Leave
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
