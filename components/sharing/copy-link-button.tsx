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
      <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1" strokeLinecap="round" />
        <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" strokeLinecap="round" />
      </svg>
      Copy link
    </Button>
  );
}
