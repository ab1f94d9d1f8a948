"use client";
import { useEffect } from "react";

const ONE_YEAR_SECONDS = 365 * 86_400;

/**
 * Remembers the workspace on screen (ds_last_workspace, read by lib/workspaces/last-workspace.ts)
 * once its page has rendered, i.e. after the server let this user see it.
 */
export function RememberWorkspace({ owner, slug, cookie }: { owner: string; slug: string; cookie: string }) {
  useEffect(() => {
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${cookie}=${encodeURIComponent(`${owner}/${slug}`)}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax${secure}`;
  }, [owner, slug, cookie]);
  return null;
}
