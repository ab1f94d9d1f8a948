import { EmptyState, PageHeader } from "@/components/ui/empty-state";

export const metadata = { title: "Shared with me" };

export default function SharedWithMePage() {
  return (
    <>
      <PageHeader title="Shared with me" description="Datasets, files, folders and workspaces other people shared with you." />
      <EmptyState title="Nothing has been shared with you yet">When someone shares something with your e-mail address, it appears here.</EmptyState>
    </>
  );
}
