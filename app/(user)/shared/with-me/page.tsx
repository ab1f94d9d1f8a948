import { SharedWithMeList } from "@/components/sharing/shared-with-me-list";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { listSharedWithMe } from "@/lib/sharing/shared-lists";
import { listMyWorkspaces } from "@/lib/workspaces/queries";

export const metadata = { title: "Shared with me" };

export default async function SharedWithMePage() {
  const user = await requireUser();
  const [items, workspaces] = await Promise.all([listSharedWithMe(user), listMyWorkspaces(user)]);
  return (
    <>
      <PageHeader title="Shared with me" description="Datasets, files, folders and workspaces other people shared with you or your workspaces." />
      {items.length === 0 ? (
        <EmptyState title="Nothing has been shared with you yet">When someone shares something with your e-mail address, it appears here.</EmptyState>
      ) : (
        <SharedWithMeList
          myWorkspaces={workspaces.filter((w) => w.role === "owner" || w.role === "manager").map((w) => ({ id: w.id, label: `${w.owner}/${w.slug}` }))}
          items={items.map((i) => ({
            shareId: i.shareId, resourceType: i.resourceType, name: i.name, path: i.path, owner: i.workspace.owner, workspace: `${i.workspace.owner}/${i.workspace.slug}`,
            role: i.role, via: i.via, sharedBy: i.sharedBy, sharedAt: i.sharedAt.toISOString(), expiresAt: i.expiresAt?.toISOString() ?? null,
          }))}
        />
      )}
    </>
  );
}
