"use client";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** Copies `text` to the clipboard and says so (or says why not). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  return (
    <Button
      variant="secondary"
      className="px-2 py-1 text-xs"
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => toast.success("Copied"),
          () => toast.error("The browser did not allow copying; select the text instead."),
        )
      }
    >
      {label}
    </Button>
  );
}
