"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { RequestAccessForm } from "./request-access-form";

/**
 * On the page of a link that no longer opens: a signed-in visitor who held the link asks the
 * resource's managers for access (the token in the address is the proof they held it; the server
 * accepts only expired or revoked links). Shown for every link that does not open, so the page
 * itself still gives no hint which ones once worked.
 */
export function LinkRequestAccess() {
  const token = usePathname().split("/")[2] ?? "";
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  if (!token) return null;
  if (sent) {
    return (
      <p role="status" className="mt-6 text-sm">
        Request sent. You will get an e-mail when the managers answer; <Link href="/requests">My requests</Link> shows
        its status.
      </p>
    );
  }
  return (
    <div className="mt-6 w-full max-w-md text-left">
      {open ? (
        <>
          <RequestAccessForm target={{ source: "link", token }} onSent={() => setSent(true)} />
          <p className="mt-3 text-xs text-zinc-500">
            Not signed in?{" "}
            <Link href={`/signin?callbackUrl=${encodeURIComponent(`/s/${token}`)}`} className="underline">
              Sign in
            </Link>{" "}
            first: requests come from an account.
          </p>
        </>
      ) : (
        <div className="text-center">
          <Button variant="secondary" onClick={() => setOpen(true)}>
            Request access
          </Button>
        </div>
      )}
    </div>
  );
}
