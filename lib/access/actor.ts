import type { Scope } from "@/lib/scopes";

/**
 * The scope an access link grants: read-only, on one resource and (for containers) what is inside it;
 * view-only (no downloads, exports or raw bytes) when `allowDownload` is false.
 */
export type LinkScope = {
  id: string;
  resourceType: string;
  resourceId: string;
  workspaceId: string;
  allowDownload: boolean;
  /** "upload": a file request, which lets its visitors add files and read nothing (linkCovers) */
  purpose: "read" | "upload";
  /** who opened it, as a short keyed hash (never an address): tells visitors apart in insights */
  visitor?: string;
  /** a dataset link's slice (lib/scopes), "broken" when a new version dropped a column it uses (serves nothing) */
  scope?: Scope | "broken" | null;
};

/**
 * A signed-in user (UI session or API token). Through an access link they act with `link` set:
 * they then see exactly what the link covers, and stay themselves for limits and the audit trail.
 */
export type UserActor = { kind?: "user"; id: string; email: string; username: string | null; link?: LinkScope };

/**
 * A visitor through a public access link, without an account. `id` only keeps them apart from
 * every user (it is never an account id: use accountIdOf); `link` is always set.
 */
export type LinkVisitor = { kind: "link"; id: string; email: ""; username: null; link: LinkScope };

/** Whoever is acting; `kind` tells a link visitor apart from a user. */
export type Actor = UserActor | LinkVisitor;

export function linkActor(link: LinkScope, viewer?: Actor | null): Actor {
  return viewer ? { ...viewer, link } : { kind: "link", id: `link:${link.id}`, email: "", username: null, link };
}

/** The account behind an actor: the user's id, or null for a link visitor (who has none). */
export function accountIdOf(actor: Actor): string | null {
  return actor.kind === "link" ? null : actor.id;
}
