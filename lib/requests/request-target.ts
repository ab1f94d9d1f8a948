import "server-only";
import { type Actor, type EffectiveRole, allows, getEffectiveRole, listedCardVisible } from "@/lib/access";
import { getDb, type ResourceType } from "@/lib/db";
import { loadSharedResource, type SharedResource } from "@/lib/sharing/shared-resource";
import { AppError, notFound } from "@/lib/util/errors";
import { hashToken } from "@/lib/util/tokens";
import { parseQuestions } from "./request-form";
import type { RequestTarget } from "./schemas";

/** The resource a request is about, with the questions and terms its requester must answer (a Listed dataset's card). */
export type ResolvedTarget = {
  type: ResourceType;
  id: string;
  shared: SharedResource;
  role: EffectiveRole | null;
  questions: string[];
  terms: string;
};

async function datasetForm(id: string) {
  const row = await getDb().dataset.findUnique({
    where: { id },
    select: { visibility: true, requestQuestions: true, requestTerms: true },
  });
  return row
    ? { visibility: row.visibility, questions: parseQuestions(row.requestQuestions), terms: row.requestTerms }
    : null;
}

/** The resource behind an ended grant of the actor's (to them by account or by their e-mail). */
async function endedGrant(actor: Actor, shareId: string) {
  const share = await getDb().share.findFirst({
    where: {
      id: shareId,
      OR: [{ granteeUserId: actor.id }, { granteeEmail: actor.email.toLowerCase() }],
      expiresAt: { lte: new Date() },
    },
    select: { resourceType: true, resourceId: true },
  });
  if (!share) throw notFound("Grant not found");
  return { type: share.resourceType, id: share.resourceId };
}

/** The resource behind an access link that no longer works (expired or revoked), for someone holding its token. */
async function endedLink(token: string) {
  const link = await getDb().accessLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      resourceType: true,
      resourceId: true,
      revokedAt: true,
      expiresAt: true,
      purpose: true,
      passwordHash: true,
    },
  });
  // A file request's visitors never saw the folder, and the token of a password link proves nothing without the
  // password: a request would tell either holder the resource's name, so both answer like an unknown link.
  if (!link || link.purpose !== "read" || link.passwordHash) throw notFound("Link not found");
  if (!link.revokedAt && link.expiresAt > new Date()) {
    throw new AppError("conflict", "This link still works: open it instead of asking for access.");
  }
  return { type: link.resourceType, id: link.resourceId };
}

/**
 * Rule: who may ask for access to what. A signed-in person (never through a link) may ask for a
 * Listed dataset (from its card), for the resource of a grant of theirs that ended, or for the
 * resource of an expired or revoked read link without a password whose token they hold. A Private dataset reached any other
 * way is the same 404 as a missing one. Someone who can already read it has nothing to ask for (409);
 * a view-only grantee may ask for more.
 */
export async function resolveRequestTarget(actor: Actor, target: RequestTarget): Promise<ResolvedTarget> {
  if (actor.kind === "link" || actor.link) throw notFound("Not found");
  let ref: { type: ResourceType; id: string };
  if (target.source === "discover") ref = { type: "dataset", id: target.datasetId };
  else if (target.source === "grant") ref = await endedGrant(actor, target.shareId);
  else ref = await endedLink(target.token);

  const form = ref.type === "dataset" ? await datasetForm(ref.id) : null;
  if (target.source === "discover" && !form) throw notFound("Dataset not found");
  let shared: SharedResource;
  try {
    shared = await loadSharedResource(ref.type, ref.id);
  } catch {
    throw notFound(ref.type === "dataset" ? "Dataset not found" : "Not found");
  }
  const role = await getEffectiveRole(actor, shared.resource);
  if (target.source === "discover" && !role && !listedCardVisible(actor, { visibility: form!.visibility })) {
    throw notFound("Dataset not found");
  }
  if (allows(role, "read")) throw new AppError("conflict", "You can already read this.");
  // The questions and terms gate a Listed dataset's card; someone who held a link or a grant asks with a message.
  const gate = target.source === "discover" ? form : null;
  return { type: ref.type, id: ref.id, shared, role, questions: gate?.questions ?? [], terms: gate?.terms ?? "" };
}
