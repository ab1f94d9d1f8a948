import { SharedByMeTable } from "@/components/sharing/shared-by-me-table";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { ShowMore, showParam } from "@/components/ui/show-more";
import { requireUser } from "@/lib/auth/session";
import { pageSharedByMe } from "@/lib/sharing/shared-lists";
import { ResourceTypeOptions } from "@/components/sharing/resource-type-options";

export const metadata = { title: "Shared by me" };

type Search = { type?: string; grantee?: string; q?: string; show?: string };

export default async function SharedByMePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const { type, grantee, q, show: shown } = await searchParams;
  const show = showParam(shown);
  const { items, hasMore } = await pageSharedByMe(
    user,
    { resourceType: type || undefined, granteeType: grantee || undefined, q },
    show,
  );
  // "Show more" keeps the filters.
  const more = (n: number) =>
    `/shared/by-me?${new URLSearchParams({ ...(type ? { type } : {}), ...(grantee ? { grantee } : {}), ...(q ? { q } : {}), show: String(n) })}`;
  const select = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <>
      <PageHeader
        title="Shared by me"
        description="Every grant in the workspaces you manage: who has access to what, and until when."
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter grants">
        <label className="text-sm">
          What{" "}
          <select name="type" defaultValue={type ?? ""} className={select}>
            <option value="">All</option>
            <ResourceTypeOptions />
          </select>
        </label>
        <label className="text-sm">
          With{" "}
          <select name="grantee" defaultValue={grantee ?? ""} className={select}>
            <option value="">Anyone</option>
            <option value="user">People</option>
            <option value="email">Pending invitations</option>
            <option value="workspace">Workspaces</option>
          </select>
        </label>
        <label className="text-sm">
          Search <input name="q" defaultValue={q} className={select} placeholder="name or grantee" />
        </label>
        <button className={select}>Filter</button>
      </form>
      {items.length === 0 ? (
        <EmptyState title="No grants">
          Use Share on a dataset, file, folder or workspace to give someone access.
        </EmptyState>
      ) : (
        <SharedByMeTable
          items={items.map((i) => ({
            shareId: i.shareId,
            resourceType: i.resourceType,
            name: i.name,
            path: i.path,
            workspace: `${i.workspace.owner}/${i.workspace.slug}`,
            grantee: i.grantee,
            granteeType: i.granteeType,
            role: i.role,
            sharedBy: i.sharedBy,
            sharedAt: i.sharedAt.toISOString(),
            expiresAt: i.expiresAt?.toISOString() ?? null,
            pending: i.pending,
            slice: i.slice,
          }))}
        />
      )}
      <ShowMore shown={show} count={items.length} hasMore={hasMore} href={more} />
    </>
  );
}
