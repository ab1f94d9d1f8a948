import { EmptyState, PageHeader } from "@/components/ui/empty-state";

export const metadata = { title: "Shared by me" };

export default function SharedByMePage() {
  return (
    <>
      <PageHeader title="Shared by me" description="Every grant you gave, with who has access and until when." />
      <EmptyState title="You have not shared anything yet">Use Share on a dataset, file, folder or workspace to give someone access.</EmptyState>
    </>
  );
}
