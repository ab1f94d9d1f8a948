import {
  dataLinksRevokeBody,
  dataLinksShareBody,
  listViaDataLinks,
  revokeViaDataLinks,
  shareViaDataLinks,
} from "@/lib/api/datalinks-shares";
import { findDatasetId } from "@/lib/api/namespaces";
import { apiRoute, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";

type Params = { owner: string; namespace: string; datasetName: string };

export const dynamic = "force-dynamic";

const datasetId = (p: Params) => findDatasetId(p.owner, p.namespace, p.datasetName);

/** Share one dataset (200, empty body); sharing again with the same person changes the role. */
const write = apiRoute<Params>(async ({ actor, request, params }) => {
  const id = await datasetId(params);
  await shareViaDataLinks(actor, "dataset", id, await readJson(request, dataLinksShareBody));
});

const read = apiRoute<Params>(async ({ actor, params }) => listViaDataLinks(actor, "dataset", await datasetId(params)));

/** Revoke a person's grant on the dataset, whatever role the body names. */
const remove = apiRoute<Params>(async ({ actor, request, params }) => {
  const id = await datasetId(params);
  await revokeViaDataLinks(actor, "dataset", id, await readJson(request, dataLinksRevokeBody));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: read,
  POST: write,
  DELETE: remove,
});
