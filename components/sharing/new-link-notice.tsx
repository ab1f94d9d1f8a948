"use client";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** A link just created: shown once, with a copy button (only its hash is stored). */
export function NewLinkNotice({ url }: { url: string }) {
  return (
    <div className="mt-3 rounded-md border border-green-300 bg-green-50 p-3 text-sm dark:border-green-800 dark:bg-green-950">
      <p className="font-medium">Copy the link now; it is shown only once.</p>
      <div className="mt-2 flex gap-2">
        <input
          readOnly
          aria-label="New link"
          data-testid="new-link"
          value={url}
          className="flex-1 rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          variant="secondary"
          onClick={() =>
            navigator.clipboard.writeText(url).then(
              () => toast.success("Link copied"),
              () => toast.error("Copy failed; select the link and copy it"),
            )
          }
        >
          Copy
        </Button>
      </div>
    </div>
  );
}
