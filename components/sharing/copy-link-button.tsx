"use client";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/**
 * Drive's "Copy link": the resource's own page, which opens for whoever has access (people added,
 * members, a public dataset's readers) and is "not found" for anyone else. Not an access link.
 */
export function CopyLinkButton({ path }: { path: string | undefined }) {
  async function copy() {
    if (!path) return;
    const url = new URL(path, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      toast.success("Link copied: it opens for people with access");
    } catch {
      toast.error(`Copy failed; the link is ${url}`);
    }
  }
  return (
    <Button variant="secondary" disabled={!path} onClick={copy}>
      <span aria-hidden>🔗</span> Copy link
    </Button>
  );
}
