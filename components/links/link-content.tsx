import "server-only";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CatalogList } from "@/components/catalog/catalog-list";
import { DatasetDetails } from "@/components/catalog/dataset-view";
import { FileView, FolderView } from "@/components/files/folder-view";
import type { OpenedLink } from "@/lib/links/open-link";
import { AppError } from "@/lib/util/errors";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { link: OpenedLink; token: string; path: string[]; searchParams: SearchParams };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Anything the link's actor may not read is the link page's 404, like an unknown link. */
async function orNotFound(node: Promise<ReactNode>): Promise<ReactNode> {
  try {
    return await node;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

function WorkspaceTabs({ base, current }: { base: string; current: "catalog" | "files" }) {
  const tab = (id: "catalog" | "files", label: string) => (
    <Link
      href={`${base}/${id}`}
      aria-current={current === id ? "page" : undefined}
      className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${current === id ? "border-indigo-600 font-medium" : "border-transparent text-zinc-600 dark:text-zinc-400"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Shared workspace" className="mb-6 flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {tab("catalog", "Catalog")}
      {tab("files", "Files")}
    </nav>
  );
}

/**
 * What a link shows, by the kind of resource it names: the catalog's dataset page, the file
 * browser (rooted at the linked folder) or a file's preview, or a workspace's catalog and files;
 * all read-only, with every data request carrying the link (the link's actor is all they act as).
 */
export async function LinkContent({ link, token, path, searchParams }: Props) {
  const { actor, target } = link;
  const base = `/s/${token}`;
  const resource = target.resource;
  switch (resource.type) {
    case "dataset":
      if (path.length) notFound();
      return orNotFound(
        DatasetDetails({
          actor,
          dataset: { id: resource.id },
          pagePath: base,
          searchParams,
          linkToken: token,
        }),
      );
    case "file":
      if (path.length) notFound();
      return orNotFound(FileView({ actor, fileId: resource.id, linkToken: token }));
    case "folder":
      return orNotFound(
        FolderView({
          actor,
          workspaceId: resource.workspaceId,
          path,
          fileId: first(searchParams.file),
          rootFolderId: resource.id,
          basePath: base,
          linkToken: token,
          readOnly: true,
        }),
      );
    case "workspace": {
      const [section = "catalog", ...rest] = path;
      if (section === "files") {
        return (
          <>
            <WorkspaceTabs base={base} current="files" />
            {await orNotFound(
              FolderView({
                actor,
                workspaceId: resource.id,
                path: rest,
                fileId: first(searchParams.file),
                basePath: `${base}/files`,
                linkToken: token,
                readOnly: true,
              }),
            )}
          </>
        );
      }
      if (section !== "catalog" || rest.length > 1) notFound();
      if (rest.length === 1) {
        return orNotFound(
          DatasetDetails({
            actor,
            dataset: { workspaceId: resource.id, slug: rest[0]! },
            pagePath: `${base}/catalog/${encodeURIComponent(rest[0]!)}`,
            searchParams,
            linkToken: token,
          }),
        );
      }
      // The opened link already loaded the workspace: no second read (and no database access from here).
      const { id, slug, owner } = target.workspace;
      const workspace = { id, slug, owner, ownerId: resource.workspaceOwnerId };
      return (
        <>
          <WorkspaceTabs base={base} current="catalog" />
          {await CatalogList({
            actor,
            workspace,
            basePath: `${base}/catalog`,
            searchParams,
            linkToken: token,
          })}
        </>
      );
    }
  }
}
