"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FieldShell, SelectField, TextField } from "@/components/ui/field";
import { updateDatasetCardAction } from "@/lib/actions/catalog/update-dataset-card";
import {
  CITATION_MAX,
  COLUMN_DESCRIPTION_MAX,
  README_MAX_BYTES,
  type CardLicense,
  cardUpdateSchema,
} from "@/lib/catalog/card/card-schema";
import type { CardView } from "@/lib/catalog/card/card-view";
import { LICENSES } from "@/lib/catalog/card/licenses";
import type { Column } from "@/lib/catalog/types";
import { formatBytes, formatNumber } from "@/lib/util/format";
import { zodFieldErrors } from "@/lib/util/result";
import { Markdown } from "./markdown";

const textareaClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

function licenseChoice(license: CardView["license"]): string {
  return license.kind === "spdx" ? license.id : license.kind;
}

function licenseOf(choice: string, otherText: string): CardLicense {
  if (choice === "none") return { kind: "none" };
  if (choice === "other") return { kind: "other", text: otherText };
  return { kind: "spdx", id: choice };
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/**
 * Edits a dataset card (editors): the README with a Write/Preview toggle, license, citation, source
 * and one description per column. The limits are checked as you type with the same schema the
 * server applies; a save names the revision it started from, so a concurrent edit is not overwritten.
 */
export function CardEditor({
  datasetId,
  card,
  columns,
  onDone,
}: {
  datasetId: string;
  card: CardView;
  columns: Column[];
  onDone: () => void;
}) {
  const router = useRouter();
  const id = useId();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [readme, setReadme] = useState(card.readme);
  const [licenseKind, setLicenseKind] = useState(licenseChoice(card.license));
  const [licenseText, setLicenseText] = useState(card.license.kind === "other" ? card.license.text : "");
  const [citationFormat, setCitationFormat] = useState(card.citation.format);
  const [citation, setCitation] = useState(card.citation.text);
  const [source, setSource] = useState(card.source);
  const [descriptions, setDescriptions] = useState<Record<string, string>>(() =>
    Object.fromEntries(columns.map((c) => [c.name, card.columns[c.name] ?? ""])),
  );
  const [pending, setPending] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  const body = {
    readme,
    license: licenseOf(licenseKind, licenseText),
    citation: { format: citationFormat, text: citation },
    source,
    columns: descriptions,
    baseRevision: card.revision,
  };
  const checked = cardUpdateSchema.safeParse(body);
  const errors = { ...(checked.success ? {} : zodFieldErrors(checked.error)), ...serverErrors };
  const readmeBytes = byteLength(readme);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!checked.success) {
      setError("Fix the fields marked below, then save again.");
      return;
    }
    setPending(true);
    const result = await updateDatasetCardAction(datasetId, body);
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setServerErrors(result.fieldErrors ?? {});
      return;
    }
    toast.success(
      result.data.revision === card.revision ? "Nothing changed" : `Card saved (revision ${result.data.revision})`,
    );
    onDone();
    router.refresh();
  }

  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setServerErrors({});
      setError(undefined);
      set(value);
    };

  return (
    <form onSubmit={save} aria-label="Edit dataset card" className="space-y-5" noValidate>
      <div className="space-y-2">
        <div className="flex items-center justify-between gap-2">
          <span id={`${id}-readme-label`} className="text-sm font-medium">
            README (Markdown)
          </span>
          <div role="tablist" aria-label="README editor" className="flex gap-1">
            {(["write", "preview"] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                onClick={() => setTab(t)}
                className={`rounded px-2 py-1 text-xs font-medium ${tab === t ? "bg-zinc-200 dark:bg-zinc-700" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
              >
                {t === "write" ? "Write" : "Preview"}
              </button>
            ))}
          </div>
        </div>
        {tab === "write" ? (
          <textarea
            aria-labelledby={`${id}-readme-label`}
            aria-invalid={errors.readme ? true : undefined}
            aria-describedby={`${id}-readme-help`}
            value={readme}
            rows={14}
            onChange={(e) => edit(setReadme)(e.target.value)}
            className={`${textareaClass} font-mono`}
            placeholder={"# About this dataset\n\nWhat it holds, how it was collected, how to use it."}
          />
        ) : (
          <div
            role="tabpanel"
            aria-label="README preview"
            className="min-h-40 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
          >
            {readme.trim() ? <Markdown text={readme} /> : <p className="text-sm text-zinc-500">Nothing to preview.</p>}
          </div>
        )}
        <p id={`${id}-readme-help`} className={`text-xs ${errors.readme ? "text-red-600" : "text-zinc-500"}`}>
          {errors.readme ? <span role="alert">{errors.readme} </span> : null}
          {formatBytes(readmeBytes)} of {formatBytes(README_MAX_BYTES)}. GitHub-flavoured Markdown; HTML is shown as
          text, links open in a new tab.
        </p>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-2">
          <SelectField
            label="License"
            value={licenseKind}
            error={errors["license.id"]}
            onChange={(e) => edit(setLicenseKind)(e.target.value)}
          >
            <option value="none">None stated</option>
            {LICENSES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} ({l.id})
              </option>
            ))}
            <option value="other">Other…</option>
          </SelectField>
          {licenseKind === "other" ? (
            <TextField
              label="License name"
              value={licenseText}
              error={errors["license.text"]}
              onChange={(e) => edit(setLicenseText)(e.target.value)}
            />
          ) : null}
        </div>
        <TextField
          label="Source"
          value={source}
          error={errors.source}
          hint="A URL, or where the data comes from in words"
          onChange={(e) => edit(setSource)(e.target.value)}
        />
      </div>

      <FieldShell id={`${id}-citation`} label="Citation" error={errors["citation.text"]}>
        <div className="mb-1 flex gap-4 text-sm" role="radiogroup" aria-label="Citation format">
          {(["text", "bibtex"] as const).map((f) => (
            <label key={f} className="flex items-center gap-1">
              <input
                type="radio"
                name={`${id}-citation-format`}
                checked={citationFormat === f}
                onChange={() => edit(setCitationFormat)(f)}
              />
              {f === "text" ? "Plain text" : "BibTeX"}
            </label>
          ))}
        </div>
        <textarea
          id={`${id}-citation`}
          value={citation}
          rows={4}
          aria-invalid={errors["citation.text"] ? true : undefined}
          onChange={(e) => edit(setCitation)(e.target.value)}
          className={`${textareaClass} font-mono text-xs`}
        />
        <p className="text-xs text-zinc-500">
          {formatNumber(citation.length)} of {formatNumber(CITATION_MAX)} characters
        </p>
      </FieldShell>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Column descriptions</legend>
        {columns.map((column) => {
          const value = descriptions[column.name] ?? "";
          const fieldError = errors[`columns.${column.name}`];
          return (
            <FieldShell key={column.name} id={`${id}-col-${column.name}`} label={column.name} error={fieldError}>
              <textarea
                id={`${id}-col-${column.name}`}
                value={value}
                rows={2}
                aria-invalid={fieldError ? true : undefined}
                onChange={(e) => edit(setDescriptions)({ ...descriptions, [column.name]: e.target.value })}
                className={textareaClass}
              />
              <p className="text-xs text-zinc-500">
                {column.type} · {formatNumber(value.length)} of {formatNumber(COLUMN_DESCRIPTION_MAX)} characters
              </p>
            </FieldShell>
          );
        })}
      </fieldset>

      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save card"}
        </Button>
      </div>
    </form>
  );
}
