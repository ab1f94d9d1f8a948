"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import { revokeSharesAction } from "@/lib/actions/sharing/revoke-shares";
import { foldForSearch } from "@/lib/catalog/search-fold";
import { formatDate } from "@/lib/util/format";
import { ResourceTypeOptions } from "@/components/sharing/resource-type-options";

export type SharedByMeItem = {
  shareId: string;
  resourceType: string;
  name: string;
  path: string;
  workspace: string;
  grantee: string;
  granteeType: string;
  role: string;
  sharedBy: string;
  sharedAt: string;
  expiresAt: string | null;
  pending: boolean;
  /** a slice of a dataset, in words; null: the whole resource */
  slice?: string | null;
};

export function SharedByMeTable({ items }: { items: SharedByMeItem[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, start] = useTransition();
  const [text, setText] = useState("");
  const [type, setType] = useState("");
  const needle = foldForSearch(text.trim());
  const shown = items.filter(
    (i) =>
      (!type || i.resourceType === type) &&
      (!needle || foldForSearch(`${i.name} ${i.grantee} ${i.workspace}`).includes(needle)),
  );
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <input
          type="search"
          aria-label="Filter grants"
          placeholder="Filter by name, person or workspace"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="w-72 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <select
          aria-label="Resource type"
          value={type}
          onChange={(e) => setType(e.target.value)}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">Everything</option>
          <ResourceTypeOptions />
        </select>
        <Button
          variant="danger"
          disabled={selected.size === 0 || pending}
          onClick={() =>
            start(async () => {
              const r = await revokeSharesAction({ shareIds: [...selected] });
              if (r.ok) {
                toast.success(`Revoked ${r.data.revoked} grant(s)`);
                setSelected(new Set());
                router.refresh();
              } else toast.error(r.message);
            })
          }
        >
          Revoke selected ({selected.size})
        </Button>
      </div>
      <Table
        caption="Grants you made"
        rows={shown}
        rowKey={(i) => i.shareId}
        rowTestId="shared-by-me-row"
        empty="No grant matches the filter."
        columns={[
          {
            header: (
              <input
                type="checkbox"
                aria-label="Select all"
                checked={shown.length > 0 && shown.every((i) => selected.has(i.shareId))}
                onChange={(e) => setSelected(e.target.checked ? new Set(shown.map((i) => i.shareId)) : new Set())}
              />
            ),
            className: "w-8",
            cell: (i) => (
              <input
                type="checkbox"
                aria-label={`Select ${i.name} for ${i.grantee}`}
                checked={selected.has(i.shareId)}
                onChange={() => toggle(i.shareId)}
              />
            ),
          },
          {
            header: "What",
            rowHeader: true,
            cell: (i) => (
              <>
                <Link className="font-medium hover:underline" href={i.path}>
                  {i.name}
                </Link>
                <span className="block text-xs font-normal text-zinc-500">
                  {i.resourceType} · {i.workspace}
                </span>
              </>
            ),
          },
          {
            header: "With",
            cell: (i) => (
              <>
                {i.granteeType === "workspace" ? "Workspace " : ""}
                {i.grantee}
                {i.pending ? <span className="ml-1 text-xs text-amber-700 dark:text-amber-400">(pending)</span> : null}
              </>
            ),
          },
          {
            header: "Role",
            cell: (i) => (
              <>
                <span className="capitalize">{i.role}</span>
                {i.slice ? <span className="block text-xs text-zinc-500">only {i.slice}</span> : null}
              </>
            ),
          },
          { header: "Shared", cell: (i) => `${formatDate(i.sharedAt)} by ${i.sharedBy}` },
          { header: "Until", cell: (i) => formatDate(i.expiresAt) },
        ]}
      />
    </div>
  );
}
