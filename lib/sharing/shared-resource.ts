import "server-only";
import type { Resource } from "@/lib/access";
import { notFound } from "@/lib/util/errors";
import { loadDatasets, loadFileEntries, loadWorkspaces } from "./resource-loaders";
import type { ResourceType } from "./schemas";

/** A shareable resource with what people see of it: a label for e-mails and lists, and its URL path. */
export type SharedResource = {
  resource: Resource;
  name: string;
  /** e.g. 'dataset "orders"' */
  label: string;
  path: string;
  workspace: { id: string; slug: string; name: string; owner: string };
};

/** Loads many resources of one type at once (lists of grants must not query per row). */
export type Loader = (ids: string[]) => Promise<SharedResource[]>;

const LOADERS: Partial<Record<ResourceType, Loader>> = {
  workspace: loadWorkspaces,
  dataset: loadDatasets,
  folder: async (ids) => (await loadFileEntries(ids)).filter((r) => r.resource.type === "folder"),
  file: async (ids) => (await loadFileEntries(ids)).filter((r) => r.resource.type === "file"),
};

/** Registers how a feature's resources are loaded for sharing (datasets, folders, files). */
export function registerSharedResourceLoader(type: ResourceType, loader: Loader): void {
  LOADERS[type] = loader;
}

/** Loads resources by type and ids, keyed by id; missing ones are simply absent. */
export async function loadSharedResources(type: ResourceType, ids: string[]): Promise<Map<string, SharedResource>> {
  const loader = LOADERS[type];
  if (!loader || ids.length === 0) return new Map();
  return new Map((await loader([...new Set(ids)])).map((r) => [r.resource.id, r]));
}

/** Loads one resource; unknown ones are a 404 (the caller still checks access). */
export async function loadSharedResource(type: ResourceType, id: string): Promise<SharedResource> {
  const loaded = (await loadSharedResources(type, [id])).get(id);
  if (!loaded) throw notFound("Not found");
  return loaded;
}
