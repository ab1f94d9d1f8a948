import type { ResourceType } from "@/lib/db";
import type { SentencePart } from "./sentence";

/** A live resource as the viewer may see it, with the page that shows it. */
export type NamedResource = { name: string; href: string; trashed?: boolean };

export type NamedUser = { name: string; username: string | null };

export type NamedLink = { label: string | null; expiresAt: Date };

/**
 * What the names of a page of events resolved to. A resource, user or link missing from these
 * maps is deleted or not the viewer's to see; the describer then falls back on what the audit
 * record kept.
 */
export type EventNames = {
  users: Map<string, NamedUser>;
  /** people a record names by username (members added, grants to a user) */
  usernames: Map<string, NamedUser>;
  resources: Map<string, NamedResource>;
  links: Map<string, NamedLink>;
  /** workspaces that hold a grant ("workspace:<id>" grantees), by "owner/slug" */
  granteeWorkspaces: Map<string, string>;
};

export const resourceKey = (type: ResourceType, id: string) => `${type}:${id}`;

export function emptyNames(): EventNames {
  return {
    users: new Map(),
    usernames: new Map(),
    resources: new Map(),
    links: new Map(),
    granteeWorkspaces: new Map(),
  };
}

export const strong = (text: string, href?: string): SentencePart =>
  href ? { text, strong: true, href } : { text, strong: true };
