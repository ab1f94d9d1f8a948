"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { createLinkAction } from "@/lib/actions/links/create-link";
import { extendLinkAction } from "@/lib/actions/links/extend-link";
import { revokeAllLinksAction } from "@/lib/actions/links/revoke-all-links";
import { revokeLinkAction } from "@/lib/actions/links/revoke-link";
import type { ResourceType } from "@/lib/sharing/schemas";
import { fetchLinks, sharingKeys, unwrap } from "./api";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const fmt = (d: string | null) =>
  d ? new Date(d).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "—";

/** Read-only links of a resource: create (shown once, copy), list with usage, extend, revoke one or all. */
export function AccessLinksPanel({ type, id }: { type: ResourceType; id: string }) {
  const client = useQueryClient();
  const key = sharingKeys.links(type, id);
  const links = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchLinks(type, id, signal) });
  const [mode, setMode] = useState<"public" | "authenticated">("public");
  const [expires, setExpires] = useState(inDays(7));
  const [starts, setStarts] = useState("");
  const [password, setPassword] = useState("");
  const [label, setLabel] = useState("");
  const [created, setCreated] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refresh = () => client.invalidateQueries({ queryKey: key });

  const create = useMutation({
    mutationFn: () =>
      unwrap(
        createLinkAction({
          resourceType: type,
          resourceId: id,
          mode,
          label: label || undefined,
          password: password || undefined,
          expiresAt: new Date(`${expires}T23:59:59`),
          startsAt: starts ? new Date(`${starts}T00:00:00`) : undefined,
        }),
      ),
    onSuccess: (data) => {
      setCreated(data.url);
      setPassword("");
      setLabel("");
      setErrors({});
      refresh();
    },
    onError: (e: Error & { fieldErrors?: Record<string, string> }) => {
      setErrors(e.fieldErrors ?? {});
      toast.error(e.message);
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => unwrap(revokeLinkAction({ linkId })),
    onSuccess: () => {
      toast.success("Link revoked");
      refresh();
    },
    onError: (e) => toast.error(e.message),
  });
  const revokeAll = useMutation({
    mutationFn: () => unwrap(revokeAllLinksAction({ type, id })),
    onSuccess: (n) => {
      toast.success(`Revoked ${n} link(s)`);
      refresh();
    },
    onError: (e) => toast.error(e.message),
  });
  const extend = useMutation({
    mutationFn: (linkId: string) => unwrap(extendLinkAction({ linkId, expiresAt: new Date(`${inDays(30)}T23:59:59`) })),
    onSuccess: () => {
      toast.success("Link extended by 30 days from today");
      refresh();
    },
    onError: (e) => toast.error(e.message),
  });

  return (
    <section className="mt-6" aria-label="Access links">
      <h3 className="text-sm font-semibold">Read-only links</h3>
      <p className="text-xs text-zinc-500">
        Anyone with a public link can read{type === "workspace" || type === "folder" ? " everything inside" : ""} this
        until the end date; an authenticated link also needs a signed-in account.
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <SelectField label="Who can open it" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
          <option value="public">Anyone with the link</option>
          <option value="authenticated">Signed-in users with the link</option>
        </SelectField>
        <TextField
          label="Label (optional)"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          error={errors.label}
        />
        <TextField
          label="Ends on"
          type="date"
          required
          value={expires}
          min={inDays(0)}
          onChange={(e) => setExpires(e.target.value)}
          error={errors.expiresAt}
        />
        <TextField
          label="Starts on (optional)"
          type="date"
          value={starts}
          min={inDays(0)}
          onChange={(e) => setStarts(e.target.value)}
          error={errors.startsAt}
        />
        <TextField
          label="Password (optional)"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          hint="At least 8 characters."
        />
      </div>
      <div className="mt-3 flex justify-end">
        <Button variant="secondary" disabled={create.isPending} onClick={() => create.mutate()}>
          {create.isPending ? "Creating…" : "Create link"}
        </Button>
      </div>
      {created ? (
        <div className="mt-3 rounded-md border border-green-300 bg-green-50 p-3 text-sm dark:border-green-800 dark:bg-green-950">
          <p className="font-medium">Copy the link now; it is shown only once.</p>
          <div className="mt-2 flex gap-2">
            <input
              readOnly
              aria-label="New link"
              data-testid="new-link"
              value={created}
              className="flex-1 rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              variant="secondary"
              onClick={() =>
                navigator.clipboard.writeText(created).then(
                  () => toast.success("Link copied"),
                  () => toast.error("Copy failed; select the link and copy it"),
                )
              }
            >
              Copy
            </Button>
          </div>
        </div>
      ) : null}
      {links.data?.length ? (
        <>
          <ul className="mt-3 divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Links">
            {links.data.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="link-row">
                <div className="min-w-0 text-sm">
                  <p className="font-medium">
                    {l.label || <span className="font-mono">{l.prefix}…</span>}{" "}
                    <span className="text-xs font-normal text-zinc-500">
                      {l.mode}
                      {l.hasPassword ? " · password" : ""}
                      {l.active ? "" : l.revokedAt ? " · revoked" : " · not active"}
                    </span>
                  </p>
                  <p className="text-xs text-zinc-500">
                    by {l.createdBy} {fmt(l.createdAt)} · ends {fmt(l.expiresAt)} · used {l.useCount}× · last{" "}
                    {fmt(l.lastUsedAt)}
                  </p>
                </div>
                {l.revokedAt ? null : (
                  <div className="flex gap-1">
                    <Button variant="ghost" onClick={() => extend.mutate(l.id)}>
                      Extend
                    </Button>
                    <Button
                      variant="ghost"
                      aria-label={`Revoke link ${l.label || l.prefix}`}
                      onClick={() => revoke.mutate(l.id)}
                    >
                      Revoke
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <Button variant="ghost" className="mt-1 text-red-700" onClick={() => revokeAll.mutate()}>
            {type === "workspace" ? "Revoke every link in this workspace" : "Revoke all links"}
          </Button>
        </>
      ) : null}
    </section>
  );
}
