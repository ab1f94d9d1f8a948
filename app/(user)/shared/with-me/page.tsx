import { EndedGrants } from "@/components/requests/ended-grants";
import { SharedWithMeList } from "@/components/sharing/shared-with-me-list";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { ShowMore, showParam } from "@/components/ui/show-more";
import { allows } from "@/lib/access";
import { requireUser } from "@/lib/auth/session";
import { endedGrantsWithRequests } from "@/lib/requests/ended-grants";
import { pageSharedWithMe } from "@/lib/sharing/shared-lists";
import { listMyWorkspaces } from "@/lib/workspaces/queries";

export const metadata = { title: "Shared with me" };

export default async function SharedWithMePage({ searchParams }: { searchParams: Promise<{ show?: string }> }) {
  const user = await requireUser();
  // "Show more" asks for the next 200 on top; the list stays one grouped list.
  const show = showParam((await searchParams).show);
  const [{ items, hasMore }, workspaces, ended] = await Promise.all([
    pageSharedWithMe(user, show),
    listMyWorkspaces(user),
    endedGrantsWithRequests(user),
  ]);
  return (
    <>
      <PageHeader
        title="Shared with me"
        description="Datasets, files, folders and workspaces other people shared with you or your workspaces."
      />
      {items.length === 0 ? (
        <EmptyState title="Nothing has been shared with you yet">
          When someone shares something with your e-mail address, it appears here.
        </EmptyState>
      ) : (
        <SharedWithMeList
          myWorkspaces={workspaces
            .filter((w) => allows(w.role, "manage"))
            .map((w) => ({ id: w.id, label: `${w.owner}/${w.slug}` }))}
          items={items.map((i) => ({
            shareId: i.shareId,
            resourceType: i.resourceType,
            name: i.name,
            path: i.path,
            owner: i.workspace.owner,
            workspace: `${i.workspace.owner}/${i.workspace.slug}`,
            role: i.role,
            via: i.via,
            sharedBy: i.sharedBy,
            sharedAt: i.sharedAt.toISOString(),
            expiresAt: i.expiresAt?.toISOString() ?? null,
            allowAddToWorkspace: i.allowAddToWorkspace,
          }))}
        />
      )}
      <ShowMore shown={show} count={items.length} hasMore={hasMore} href={(n) => `/shared/with-me?show=${n}`} />
      {ended.length > 0 ? <EndedGrants items={ended} /> : null}
    </>
  );
}
