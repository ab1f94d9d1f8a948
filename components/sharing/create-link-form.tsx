"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useResourcePolicy } from "@/components/policies/use-resource-policy";
import { createLinkAction } from "@/lib/actions/links/create-link";
import type { Scope } from "@/lib/scopes/scope-schema";
import type { ResourceType } from "@/lib/sharing/schemas";
import { unwrap } from "./api";
import { NewLinkNotice } from "./new-link-notice";
import { SliceChooser } from "./slice-chooser";
import { inDays } from "./use-access-links";

/**
 * The "new link" fields: who can open it, label, end and start dates, password and, on a dataset,
 * the slice its visitors are limited to ("Share a slice…"). The workspace's
 * sharing policy shapes them before submitting: no "anyone" choice when public links are off, a
 * required password, an end date picker that offers no day beyond the longest lifetime.
 */
export function CreateLinkForm({ type, id, onCreated }: { type: ResourceType; id: string; onCreated: () => void }) {
  const policy = useResourcePolicy(type, id).data;
  const [pickedMode, setMode] = useState<"public" | "authenticated">("public");
  const [pickedExpires, setExpires] = useState(inDays(7));
  const [starts, setStarts] = useState("");
  const [password, setPassword] = useState("");
  const [label, setLabel] = useState("");
  const [allowDownload, setAllowDownload] = useState(true);
  // a dataset link's slice (null: the whole dataset); the chooser resets it when closed
  const [scope, setScope] = useState<Scope | null>(null);
  // a new chooser after each created link, so the next link starts from the whole dataset again
  const [chooserKey, setChooserKey] = useState(0);
  const [created, setCreated] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const maxDays = policy?.linkMaxDays ?? null;
  const noPublic = policy?.publicLinksDisabled ?? false;
  const passwordRequired = policy?.linkPasswordRequired ?? false;
  // the latest end day the policy allows, counted from the start when one is set
  const latest = maxDays === null ? undefined : inDays(maxDays + (starts ? Math.max(0, daysFromToday(starts)) : 0));
  // what the policy rules out is never what the form holds: "anyone" becomes signed-in, the end the latest allowed
  const mode = noPublic && pickedMode === "public" ? "authenticated" : pickedMode;
  const expires = latest && pickedExpires > latest ? latest : pickedExpires;

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
          allowDownload,
          ...(type === "dataset" && scope ? { scope } : {}),
        }),
      ),
    onSuccess: (data) => {
      setCreated(data.url);
      setPassword("");
      setLabel("");
      setScope(null);
      setChooserKey((k) => k + 1);
      setErrors({});
      onCreated();
    },
    onError: (e: Error & { fieldErrors?: Record<string, string> }) => {
      setErrors(e.fieldErrors ?? {});
      toast.error(e.message);
    },
  });

  return (
    <>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div>
          <SelectField label="Who can open it" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
            <option value="public" disabled={noPublic}>
              Anyone with the link{noPublic ? " (not allowed)" : ""}
            </option>
            <option value="authenticated">Signed-in users with the link</option>
          </SelectField>
          {noPublic ? (
            <p className="mt-1 text-xs text-zinc-500">
              This workspace&apos;s policy allows no “anyone with the link” links.
            </p>
          ) : null}
        </div>
        <TextField
          label="Label (optional)"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          error={errors.label}
        />
        <FromTodayField
          label="Ends on"
          required
          value={expires}
          max={latest}
          onChange={setExpires}
          error={errors.expiresAt}
          hint={maxDays === null ? undefined : `This workspace's policy: links last at most ${maxDays} days.`}
        />
        <FromTodayField label="Starts on (optional)" value={starts} onChange={setStarts} error={errors.startsAt} />
        <TextField
          label={passwordRequired ? "Password" : "Password (optional)"}
          type="password"
          autoComplete="new-password"
          required={passwordRequired}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          hint={
            passwordRequired ? "Required by this workspace's policy; at least 8 characters." : "At least 8 characters."
          }
        />
        <label className="flex items-start gap-2 self-end text-sm text-zinc-700 dark:text-zinc-300">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={allowDownload}
            onChange={(e) => setAllowDownload(e.target.checked)}
          />
          <span>
            Allow downloads
            <span className="block text-xs text-zinc-500">Off: visitors can view but not download or export.</span>
          </span>
        </label>
      </div>
      {type === "dataset" ? (
        <div className="mt-3">
          <SliceChooser key={chooserKey} datasetId={id} value={scope} onChange={setScope} />
          {errors.scope ? <p className="mt-1 text-xs text-red-600 dark:text-red-400">{errors.scope}</p> : null}
        </div>
      ) : null}
      <div className="mt-3 flex justify-end">
        <Button
          variant="secondary"
          disabled={create.isPending || (passwordRequired && password.length < 8)}
          onClick={() => create.mutate()}
        >
          {create.isPending ? "Creating…" : "Create link"}
        </Button>
      </div>
      {created ? <NewLinkNotice url={created} /> : null}
    </>
  );
}

/** A date picker that offers no day before today: a link can neither start nor end in the past. */
function FromTodayField({
  label,
  value,
  onChange,
  error,
  required,
  max,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  max?: string;
  hint?: string;
}) {
  return (
    <TextField
      label={label}
      type="date"
      required={required}
      value={value}
      min={inDays(0)}
      max={max}
      hint={hint}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** Whole days from today (UTC, like inDays) to a picked "YYYY-MM-DD". */
const daysFromToday = (day: string) => Math.round((Date.parse(day) - Date.parse(inDays(0))) / 86_400_000);
