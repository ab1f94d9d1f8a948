import "server-only";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";

/** A DataLinks namespace: the workspace at {owner}/{namespace} (owner = its owner's username). */
export type Namespace = { id: string; ownerId: string; slug: string; owner: string };

/**
 * The workspace at {owner}/{namespace}, matched lowercase. Rule: this only locates it; every
 * caller then goes through a lib service that checks access, and an unknown namespace is the
 * same "Not found" as an unreadable one.
 */
export async function findNamespace(owner: string, namespace: string): Promise<Namespace> {
  const workspace = await getDb().workspace.findFirst({
    where: { slug: namespace.toLowerCase(), owner: { username: owner.toLowerCase() } },
    select: { id: true, ownerId: true, slug: true, owner: { select: { username: true } } },
  });
  if (!workspace) throw notFound("Not found");
  return { id: workspace.id, ownerId: workspace.ownerId, slug: workspace.slug, owner: workspace.owner.username ?? "" };
}

/** The id of the dataset {datasetName} (its URL name, matched lowercase) in {owner}/{namespace}; access is checked by the caller's service. */
export async function findDatasetId(owner: string, namespace: string, datasetName: string): Promise<string> {
  const workspace = await findNamespace(owner, namespace);
  const dataset = await getDb().dataset.findUnique({
    where: { workspaceId_slug: { workspaceId: workspace.id, slug: datasetName.toLowerCase() } },
    select: { id: true },
  });
  if (!dataset) throw notFound("Not found");
  return dataset.id;
}

/** The caller's own workspace {namespace} (DataLinks' plain ingest writes only there). */
export async function findOwnNamespace(userId: string, namespace: string): Promise<Namespace> {
  const workspace = await getDb().workspace.findUnique({
    where: { ownerId_slug: { ownerId: userId, slug: namespace.toLowerCase() } },
    select: { id: true, ownerId: true, slug: true, owner: { select: { username: true } } },
  });
  if (!workspace) throw notFound(`You have no namespace "${namespace}". Create it first (POST /api/v1/workspaces).`);
  return { id: workspace.id, ownerId: workspace.ownerId, slug: workspace.slug, owner: workspace.owner.username ?? "" };
}
