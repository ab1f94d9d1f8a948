import { DiscoverList } from "@/components/requests/discover-list";
import { PageHeader } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { discoverDatasets } from "@/lib/requests/discover";

export const metadata = { title: "Discover" };

export default async function DiscoverPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const user = await requireUser("/discover");
  const { q, page } = await searchParams;
  const result = await discoverDatasets(user, { q: typeof q === "string" ? q.slice(0, 200) : "", page });
  return (
    <>
      <PageHeader
        title="Discover"
        description="Datasets every workspace lists for everyone: open the public ones, or see a listed one's card and request access."
      />
      <DiscoverList result={result} />
    </>
  );
}
