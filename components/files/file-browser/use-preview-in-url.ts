"use client";
import { useEffect } from "react";
import type { EntryRow } from "@/lib/files/entry-types";

/** Keeps ?file= in the address bar in step with the open preview, so the URL can be shared. */
export function usePreviewInUrl(preview: EntryRow | null) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (preview) url.searchParams.set("file", preview.id);
    else url.searchParams.delete("file");
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [preview]);
}
