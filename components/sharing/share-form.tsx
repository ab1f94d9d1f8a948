"use client";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { SHARE_ROLES, SHARE_ROLE_LABELS, type ShareRole } from "@/lib/sharing/schemas";
import { GranteeInput } from "./grantee-input";
import type { ShareForm as Form } from "./use-share-form";
import { formatIsoDate } from "@/lib/util/format";

function AllowAddCheckbox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <input type="checkbox" className="mt-0.5" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        Recipients may add this to one of their workspaces
        <span className="block text-xs text-zinc-500">
          Its members then get the same access or less; you see them under Who has access and are told by e-mail.
        </span>
      </span>
    </label>
  );
}

/** Add people, e-mail addresses or a known workspace, with a role, an end date and a note. */
export function ShareForm({ form }: { form: Form }) {
  const { fields, set } = form;
  return (
    <div className="mt-4 space-y-3">
      <GranteeInput value={fields.grantees} onChange={set.setGrantees} />
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
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Role" value={fields.role} onChange={(e) => set.setRole(e.target.value as ShareRole)}>
          {SHARE_ROLES.map((role) => (
            <option key={role} value={role}>
              {SHARE_ROLE_LABELS[role]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Access ends (optional)"
          type="date"
          value={fields.expires}
          min={formatIsoDate(new Date())}
          onChange={(e) => set.setExpires(e.target.value)}
        />
      </div>
      <TextField
        label="Note (optional)"
        value={fields.note}
        maxLength={1000}
        onChange={(e) => set.setNote(e.target.value)}
        placeholder="Added to the e-mail"
      />
      <AllowAddCheckbox checked={fields.allowAdd} onChange={set.setAllowAdd} />
      {form.error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {form.error}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button onClick={form.submit} disabled={form.pending}>
          {form.pending ? "Sharing…" : "Share"}
        </Button>
      </div>
    </div>
  );
}
