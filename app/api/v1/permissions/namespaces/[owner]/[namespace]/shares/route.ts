import { apiRoute, readJson } from "@/lib/api/route";
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
export const POST = apiRoute<Params>(async ({ actor, request, params }) => {
  const id = await namespaceId(params.owner, params.namespace);
  await shareViaDataLinks(actor, "workspace", id, await readJson(request, dataLinksShareBody));
});

export const GET = apiRoute<Params>(async ({ actor, params }) =>
  listViaDataLinks(actor, "workspace", await namespaceId(params.owner, params.namespace)),
);

export const DELETE = apiRoute<Params>(async ({ actor, request, params }) => {
  const id = await namespaceId(params.owner, params.namespace);
  await revokeViaDataLinks(actor, "workspace", id, await readJson(request, dataLinksRevokeBody));
});
