"use client";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { MinGroupSizeField } from "@/components/aggregate/min-group-size-field";
import { shareRolesFor } from "@/lib/aggregate/share-roles";
import { SHARE_ROLE_LABELS, type ResourceType, type ShareRole } from "@/lib/sharing/schemas";
import { formatIsoDate } from "@/lib/util/format";
import { GranteeInput } from "./grantee-input";
import { SliceChooser } from "./slice-chooser";
import type { ShareForm as Form } from "./use-share-form";

const selectClass =
  "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-zinc-700 dark:bg-zinc-900";

function AllowAddCheckbox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <input type="checkbox" className="mt-0.5" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        Recipients may add this to one of their workspaces
        <span className="block text-xs text-zinc-500">
          Its members then get the same access or less; you see them under Who has access.
        </span>
      </span>
    </label>
  );
}

/** The role the new people get, chosen beside the input as in Drive. */
function RoleSelect({
  type,
  value,
  onChange,
}: {
  type: ResourceType;
  value: ShareRole;
  onChange: (role: ShareRole) => void;
}) {
  const id = useId();
  return (
    <div className="sm:shrink-0">
      <label htmlFor={id} className="sr-only">
        Role
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ShareRole)} className={selectClass}>
        {shareRolesFor(type).map((role) => (
          <option key={role} value={role}>
            {SHARE_ROLE_LABELS[role]}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Add people, e-mail addresses or a known workspace with the role beside the input; once someone is
 * added, the note for the e-mail, an end date and Share appear (Drive's compose step).
 */
/** `latestEnd`: the last end date the workspace's policy allows for people outside it (yyyy-mm-dd), if any. */
export function ShareForm({ form, latestEnd }: { form: Form; latestEnd?: string }) {
  const { fields, set } = form;
  return (
    <div className="mt-3 space-y-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <GranteeInput className="min-w-0 flex-1" value={fields.grantees} onChange={set.setGrantees} />
        <RoleSelect type={form.type} value={fields.role} onChange={set.setRole} />
      </div>
      {fields.role === "aggregate" ? (
        <MinGroupSizeField value={fields.minGroupSize} onChange={set.setMinGroupSize} />
      ) : null}
      {/* A slice limits the grant being composed: offered once people are added, like the note and end date. */}
      {form.composing && form.target.type === "dataset" && fields.role !== "aggregate" ? (
        <SliceChooser datasetId={form.target.id} value={form.fields.scope} onChange={set.setScope} />
      ) : null}
      {form.workspaces.length ? (
        <SelectField
          label="Or share with a workspace"
          value={fields.workspace}
          onChange={(e) => set.setWorkspace(e.target.value)}
        >
          <option value="">—</option>
          {form.workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({w.label})
            </option>
          ))}
        </SelectField>
      ) : null}
      {form.composing ? (
        <div
          className="space-y-2 rounded-md border border-zinc-200 p-2.5 dark:border-zinc-800"
          data-testid="share-compose"
        >
          <div className="space-y-1">
            <label htmlFor="share-note" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
              Note (optional)
            </label>
            <textarea
              id="share-note"
              value={fields.note}
              maxLength={1000}
              rows={2}
              onChange={(e) => set.setNote(e.target.value)}
              placeholder="A message added to the e-mail"
              className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-zinc-700 dark:bg-zinc-900"
            />
          </div>
          <div className="grid items-end gap-2 sm:grid-cols-2">
            <TextField
              label="Access ends (optional)"
              type="date"
              value={fields.expires}
              min={formatIsoDate(new Date())}
              max={latestEnd}
              onChange={(e) => set.setExpires(e.target.value)}
            />
            <AllowAddCheckbox checked={fields.allowAdd} onChange={set.setAllowAdd} />
          </div>
          <p className="text-xs text-zinc-500">
            People get an e-mail; an address without an account gets an invitation to sign up.
          </p>
          {form.error ? (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {form.error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={form.cancel} disabled={form.pending}>
              Cancel
            </Button>
            <Button onClick={form.submit} disabled={form.pending}>
              {form.pending ? "Sharing…" : "Share"}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
