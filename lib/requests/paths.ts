/** Where a manager reviews one request in the app (the e-mail's link; deciding there needs a signed-in manager). */
export function requestReviewPath(workspace: { owner: string; slug: string }, requestId: string): string {
  return `/w/${workspace.owner}/${workspace.slug}/requests/${requestId}`;
}

/** Where a requester follows their requests. */
export const MY_REQUESTS_PATH = "/requests";
