"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/util/format";
import { RequestAccessForm } from "./request-access-form";

export type EndedGrantItem = {
  shareId: string;
  resourceType: string;
  name: string;
  workspace: string;
  role: string;
  endedAt: string;
  /** the person's latest request for it: "pending", "approved", "denied", or null */
  request: { status: string; reason: string | null } | null;
};

/** Shared with me's "Ended" list: each grant that ended, with Request access again. */
export function EndedGrants({ items }: { items: EndedGrantItem[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="ended-grants" className="mt-10">
      <h2 id="ended-grants" className="mb-2 text-sm font-semibold text-zinc-500">
        Ended
      </h2>
      <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {items.map((item) => (
          <li key={item.shareId} className="space-y-3 p-4" data-testid="ended-grant">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div>
                <p className="font-medium">{item.name}</p>
                <p className="text-xs text-zinc-500">
                  {item.resourceType} in {item.workspace} · {item.role} · ended {formatDate(item.endedAt)}
                  {item.request?.status === "pending" ? " · request pending" : ""}
                  {item.request?.status === "denied"
                    ? ` · request declined${item.request.reason ? `: “${item.request.reason}”` : ""}`
                    : ""}
                </p>
              </div>
              {item.request?.status === "pending" ? null : (
                <Button
                  variant="secondary"
                  aria-expanded={open === item.shareId}
                  onClick={() => setOpen(open === item.shareId ? null : item.shareId)}
                >
                  Request access again
                </Button>
              )}
            </div>
            {open === item.shareId ? (
              <RequestAccessForm target={{ source: "grant", shareId: item.shareId }} onSent={() => setOpen(null)} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
