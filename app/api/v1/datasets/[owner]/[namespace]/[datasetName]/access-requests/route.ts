import { apiRoute, noStoreJson, readJson, readQuery } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import {
  apiDatasetRequestBody,
  apiRequestsQuery,
  listDatasetRequestsByPath,
  requestDatasetByPath,
} from "@/lib/requests/api";

type Params = { owner: string; namespace: string; datasetName: string };

export const dynamic = "force-dynamic";

/** Ask for access to a Listed dataset (201). */
const create = apiRoute<Params>(async ({ actor, request, params }) =>
  noStoreJson(await requestDatasetByPath(actor, params, await readJson(request, apiDatasetRequestBody)), {
    status: 201,
  }),
);

/** The dataset's access requests, for its managers. */
const list = apiRoute<Params>(async ({ actor, request, params }) => {
  const { status } = readQuery(request, apiRequestsQuery);
  return { requests: await listDatasetRequestsByPath(actor, params, status) };
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: list, POST: create });
