"use client";
import { Button } from "@/components/ui/button";
import type { ResourceType } from "@/lib/sharing/schemas";
import { useAccessLinks } from "./use-access-links";
import { VisibilityToggle } from "./visibility-toggle";

const INSIDE: Record<ResourceType, string> = {
  workspace: "this workspace",
  dataset: "this dataset",
  folder: "this folder and everything in it",
  file: "this file",
};

/** How many of the resource's links are live, per kind, as one sentence. */
function linkSummary({ data: links, error }: ReturnType<typeof useAccessLinks>["links"]): string {
  if (error) return `cannot be listed (${error.message}).`;
  if (!links) return "Loading…";
  const live = links.filter((l) => l.active);
  const anyone = live.filter((l) => l.mode === "public").length;
  const signedIn = live.length - anyone;
  if (live.length === 0) return "No active link: nobody gets in through a link.";
  const parts = [
    anyone ? `${anyone} for anyone with the link` : null,
    signedIn ? `${signedIn} for signed-in users with the link` : null,
  ].filter(Boolean);
  return `${live.length} active link${live.length === 1 ? "" : "s"}: ${parts.join(", ")}.`;
}

/**
 * Drive's "General access" in one place: who gets in beyond the people listed. A dataset's
 * visibility (private, listed, public to every signed-in user) comes from VisibilityToggle; links
 * (anyone, or signed-in users, with the link) are summarised here and managed in the Access links tab.
 */
export function GeneralAccess({
  type,
  id,
  visibility,
  onManageLinks,
}: {
  type: ResourceType;
  id: string;
  visibility: string | null;
  onManageLinks: () => void;
}) {
  const { links } = useAccessLinks(type, id);
  return (
    <section aria-labelledby={`general-access-${id}`} className="mt-2">
      <h3 id={`general-access-${id}`} className="text-sm font-semibold">
        General access
      </h3>
      {type === "dataset" && visibility ? (
        // VisibilityToggle brings its own top margin, meant for standing alone
        <div className="[&>fieldset]:mt-1 [&>fieldset]:py-2">
          <VisibilityToggle datasetId={id} visibility={visibility} />
        </div>
      ) : (
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300" data-testid="general-access-restricted">
          <span className="font-medium">Restricted:</span> only the people listed above can open {INSIDE[type]}.
        </p>
      )}
      <div className="mt-1 flex items-center justify-between gap-2 text-sm">
        <p className="min-w-0 text-zinc-700 dark:text-zinc-300" data-testid="general-access-links">
          <span className="font-medium">Links:</span> {linkSummary(links)}
        </p>
        <Button variant="ghost" className="shrink-0 px-2 py-0.5 text-xs" onClick={onManageLinks}>
          Manage links
        </Button>
      </div>
    </section>
  );
}
