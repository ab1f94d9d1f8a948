import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { findDatasetId } from "@/lib/api/namespaces";
import { AppError, notFound } from "@/lib/util/errors";
import { createAccessRequest } from "./create-request";
import { listResourceRequests } from "./list-requests";
import { createRequestInput, requestStatusSchema, requestTargetInput } from "./schemas";

/** POST /requests: the target (where the request starts) and the request itself in one body. */
export const apiCreateRequestBody = z.intersection(requestTargetInput, createRequestInput);

/** POST /datasets/{owner}/{namespace}/{datasetName}/access-requests */
export const apiDatasetRequestBody = createRequestInput;

export const apiRequestsQuery = z.object({ status: requestStatusSchema.optional() });

/**
 * Rule: over the API a dataset path the caller may not see answers exactly like one that does
 * not exist (404 "Not found"), whichever service noticed first.
 */
async function samePathNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw notFound("Not found");
    throw error;
  }
}

export function requestDatasetByPath(
  actor: Actor,
  path: { owner: string; namespace: string; datasetName: string },
  body: z.input<typeof apiDatasetRequestBody>,
) {
  return samePathNotFound(async () => {
    const datasetId = await findDatasetId(path.owner, path.namespace, path.datasetName);
    return createAccessRequest(actor, { source: "discover", datasetId }, body);
  });
}

export function listDatasetRequestsByPath(
  actor: Actor,
  path: { owner: string; namespace: string; datasetName: string },
  status: unknown,
) {
  return samePathNotFound(async () => {
    const datasetId = await findDatasetId(path.owner, path.namespace, path.datasetName);
    return listResourceRequests(actor, "dataset", datasetId, status);
  });
}

export function createRequestFromBody(actor: Actor, body: z.output<typeof apiCreateRequestBody>) {
  const { message, answers, acceptTerms, ...target } = body;
  return createAccessRequest(actor, target as z.output<typeof requestTargetInput>, { message, answers, acceptTerms });
}
