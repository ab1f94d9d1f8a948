import { FolderView } from "@/components/files/folder-view";
import { TrashView } from "@/components/files/trash-view";
import { PageHeader } from "@/components/ui/empty-state";
import { allows } from "@/lib/access";
import { loadWorkspace } from "../../load-workspace";

export const dynamic = "force-dynamic";
export const metadata = { title: "Files" };

type Props = {
  params: Promise<{ owner: string; workspace: string; path?: string[] }>;
  searchParams: Promise<{ file?: string | string[]; view?: string | string[] }>;
};

/** Route params arrive decoded; a name that still looks encoded is left as it is. */
function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function FilesPage({ params, searchParams }: Props) {
  const { user, workspace } = await loadWorkspace(params);
  const { path = [] } = await params;
  const query = await searchParams;
  const basePath = `/w/${workspace.owner}/${workspace.slug}/files`;
  const seesTrash = workspace.scope === "workspace" && allows(workspace.role, "write");
  if (first(query.view) === "trash" && seesTrash && path.length === 0) {
    return (
      <>
        <PageHeader
          title="Trash"
          description={
            <a href={basePath} className="text-brand-700 hover:underline dark:text-brand-500">
              ← Back to files
            </a>
          }
        />
        <TrashView workspaceId={workspace.id} canManage={allows(workspace.role, "manage")} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Files"
        description={
          workspace.scope === "shared" ? "Only what is shared with you in this workspace is shown." : undefined
        }
      />
      <FolderView
        actor={user}
        workspaceId={workspace.id}
        path={path.map(segment)}
        fileId={first(query.file) ?? null}
        basePath={basePath}
        trashHref={seesTrash ? `${basePath}?view=trash` : undefined}
      />
    </>
  );
}
