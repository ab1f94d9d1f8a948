import Link from "next/link";
import { CatalogList } from "@/components/catalog/catalog-list";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/empty-state";
import { allows } from "@/lib/access";
import { allowPageCache } from "@/lib/page-cache/render-context";
import { loadWorkspace } from "../load-workspace";

export const metadata = { title: "Catalog" };

type Props = {
  params: Promise<{ owner: string; workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CatalogPage({ params, searchParams }: Props) {
  // Everything below comes from the database (scripts/page-cache.mjs may serve it again until that changes).
  allowPageCache();
  const { user, workspace } = await loadWorkspace(params);
  const basePath = `/w/${workspace.owner}/${workspace.slug}/catalog`;
  const canWrite = workspace.scope === "workspace" && allows(workspace.role, "write");
  const newButton = canWrite ? (
    <Link href={`${basePath}/new`} className={buttonClass("primary")}>
      New dataset
    </Link>
  ) : null;
  return (
    <>
      <PageHeader
        title="Data catalog"
        description={`${workspace.name} · ${workspace.owner}/${workspace.slug}${workspace.scope === "shared" ? " · showing what is shared with you" : ""}`}
        actions={newButton}
      />
      <CatalogList
        actor={user}
        workspace={workspace}
        basePath={basePath}
        searchParams={await searchParams}
        canManage={workspace.scope === "workspace" && allows(workspace.role, "manage")}
        emptyAction={newButton}
      />
    </>
  );
}
