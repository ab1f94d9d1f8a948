/** The scope an access link grants: read-only, on one resource and (for containers) what is inside it. */
export type LinkScope = { id: string; resourceType: string; resourceId: string; workspaceId: string };

/**
 * Whoever is acting: a signed-in user (UI session or API token), or a visitor through an access
 * link, who acts with `link` set (for a public link without sign-in, as a synthetic actor whose
 * id is "link:<linkId>").
 */
export type Actor = { id: string; email: string; username: string | null; link?: LinkScope };

export function linkActor(link: LinkScope, viewer?: Actor | null): Actor {
  return viewer ? { ...viewer, link } : { id: `link:${link.id}`, email: "", username: null, link };
}
