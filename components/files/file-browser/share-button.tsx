"use client";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { ShareIcon } from "../icons";

/** The small share icon beside a folder or file, opening its share dialog. */
export function ShareButton({
  type,
  id,
  name,
  label = `Share ${name}`,
}: {
  type: "folder" | "file";
  id: string;
  name: string;
  label?: string;
}) {
  return (
    <ShareDialog
      type={type}
      id={id}
      name={name}
      trigger={
        <button
          type="button"
          aria-label={label}
          title="Share"
          className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-white"
        >
          <ShareIcon />
        </button>
      }
    />
  );
}
