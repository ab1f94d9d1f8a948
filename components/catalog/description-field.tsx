"use client";
import { FieldShell } from "@/components/ui/field";

/** A dataset's free-text description (at most 2,000 characters, as the schema allows); shared by the upload review and the metadata editor. */
export function DescriptionField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <FieldShell id={id} label="Description" error={error}>
      <textarea
        id={id}
        value={value}
        maxLength={2000}
        rows={3}
        onChange={(e) => onChange(e.target.value)}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
    </FieldShell>
  );
}
