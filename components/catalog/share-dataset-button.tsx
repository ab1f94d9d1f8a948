"use client";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";

const loadShareDialog = () => import("@/components/sharing/share-dialog").then((m) => m.ShareDialog);

// The dialog (its panels, queries and forms) is loaded and rendered only once someone opens it:
// a catalog page has a Share button per card, and rendering a full dialog per card on the server,
// then shipping and hydrating it, cost more than the rest of the card.
const ShareDialog = dynamic(loadShareDialog, { ssr: false });

/**
 * A dataset's Share button (managers only), opening the share dialog. The dialog's code is fetched
 * when the pointer or focus reaches the button, so it is usually there by the time of the click.
 */
export function ShareDatasetButton({
  id,
  name,
  variant = "secondary",
  className = "",
}: {
  id: string;
  name: string;
  variant?: "secondary" | "ghost";
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        className={buttonClass(variant, className)}
        onPointerEnter={() => void loadShareDialog()}
        onFocus={() => void loadShareDialog()}
        onClick={() => setOpen(true)}
      >
        Share
      </button>
      {open ? (
        <ShareDialog
          type="dataset"
          id={id}
          name={name}
          trigger={null}
          open
          onOpenChange={(next) => {
            if (next) return;
            setOpen(false);
            // Without a trigger of its own, the dialog does not give focus back to the button.
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}
