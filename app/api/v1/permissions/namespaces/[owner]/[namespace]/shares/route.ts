import { apiRoute, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import {
  dataLinksRevokeBody,
  dataLinksShareBody,
  listViaDataLinks,
  namespaceId,
  revokeViaDataLinks,
  shareViaDataLinks,
} from "@/lib/api/datalinks-shares";

type Params = { owner: string; namespace: string };

export const dynamic = "force-dynamic";

/** Share a namespace (workspace): the grant covers every dataset in it, including later ones. */
const write = apiRoute<Params>(async ({ actor, request, params }) => {
  const id = await namespaceId(params.owner, params.namespace);
  await shareViaDataLinks(actor, "workspace", id, await readJson(request, dataLinksShareBody));
});

const read = apiRoute<Params>(async ({ actor, params }) =>
  listViaDataLinks(actor, "workspace", await namespaceId(params.owner, params.namespace)),
);

const remove = apiRoute<Params>(async ({ actor, request, params }) => {
  const id = await namespaceId(params.owner, params.namespace);
  await revokeViaDataLinks(actor, "workspace", id, await readJson(request, dataLinksRevokeBody));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: read,
  POST: write,
  DELETE: remove,
});
