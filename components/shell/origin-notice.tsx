"use client";
import { useEffect, useState } from "react";

const DISMISSED_KEY = "datashelf.origin-notice-dismissed";

/**
 * Says so when this page is open on another origin than APP_URL: the links in the e-mails Datashelf
 * sends (sign-in, shares, invitations) are built from APP_URL and open there. Dismissed per pair of
 * origins, so a new mismatch shows again.
 */
export function OriginNotice({ appOrigin }: { appOrigin: string }) {
  const [browserOrigin, setBrowserOrigin] = useState<string | null>(null);
  const pair = `${browserOrigin} ${appOrigin}`;
  useEffect(() => {
    const here = window.location.origin;
    if (here === appOrigin || window.localStorage.getItem(DISMISSED_KEY) === `${here} ${appOrigin}`) return;
    // The origin is only known in the browser; the server renders nothing.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setBrowserOrigin(here);
  }, [appOrigin]);
  if (!browserOrigin) return null;
  return (
    <div
      role="region"
      aria-label="Address notice"
      className="flex items-start gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="flex-1">
        You are using Datashelf at <strong>{browserOrigin}</strong>, but links in e-mails it sends point to{" "}
        <strong>{appOrigin}</strong> (APP_URL). Open those links there, or ask your administrator to set APP_URL to this
        address.
      </p>
      <button
        type="button"
        className="rounded px-2 py-0.5 font-medium underline hover:bg-amber-100 dark:hover:bg-amber-900"
        onClick={() => {
          window.localStorage.setItem(DISMISSED_KEY, pair);
          setBrowserOrigin(null);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
