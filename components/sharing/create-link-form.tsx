"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { createLinkAction } from "@/lib/actions/links/create-link";
import type { ResourceType } from "@/lib/sharing/schemas";
import { unwrap } from "./api";
import { NewLinkNotice } from "./new-link-notice";
import { inDays } from "./use-access-links";

/** The "new link" fields: who can open it, label, end and start dates, password. */
export function CreateLinkForm({ type, id, onCreated }: { type: ResourceType; id: string; onCreated: () => void }) {
  const [mode, setMode] = useState<"public" | "authenticated">("public");
  const [expires, setExpires] = useState(inDays(7));
  const [starts, setStarts] = useState("");
  const [password, setPassword] = useState("");
  const [label, setLabel] = useState("");
  const [allowDownload, setAllowDownload] = useState(true);
  const [created, setCreated] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});

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
        }),
      ),
    onSuccess: (data) => {
      setCreated(data.url);
      setPassword("");
      setLabel("");
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
        <FromTodayField label="Ends on" required value={expires} onChange={setExpires} error={errors.expiresAt} />
        <FromTodayField label="Starts on (optional)" value={starts} onChange={setStarts} error={errors.startsAt} />
        <TextField
          label="Password (optional)"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          hint="At least 8 characters."
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
      <div className="mt-3 flex justify-end">
        <Button variant="secondary" disabled={create.isPending} onClick={() => create.mutate()}>
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
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
}) {
  return (
    <TextField
      label={label}
      type="date"
      required={required}
      value={value}
      min={inDays(0)}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}
