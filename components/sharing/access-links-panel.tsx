"use client";
import type { ResourceType } from "@/lib/sharing/schemas";
import { CreateLinkForm } from "./create-link-form";
import { LinkList } from "./link-list";
import { useAccessLinks } from "./use-access-links";

/** Read-only links of a resource: create (shown once, copy), list with usage, extend, revoke one or all. */
export function AccessLinksPanel({ type, id }: { type: ResourceType; id: string }) {
  const access = useAccessLinks(type, id);
  return (
    <section className="mt-6" aria-label="Access links">
      <h3 className="text-sm font-semibold">Read-only links</h3>
      <p className="text-xs text-zinc-500">
        Anyone with a public link can read{type === "workspace" || type === "folder" ? " everything inside" : ""} this
        until the end date; an authenticated link also needs a signed-in account.
      </p>
      <CreateLinkForm type={type} id={id} onCreated={access.refresh} />
      <LinkList type={type} access={access} />
    </section>
  );
}
