"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/empty-state";
import { cancelIngestAction } from "@/lib/actions/catalog/cancel-ingest";
import { commitIngestAction } from "@/lib/actions/catalog/commit-ingest";
import type { IngestReview } from "@/lib/catalog/ingest/ingest-review";
import { datasetSlugOf } from "@/lib/catalog/schemas";
import { plural } from "@/lib/catalog/units";
import { formatBytes, formatNumber } from "@/lib/util/format";
import { cellText } from "./cell";
import { DatasetMetadataFields } from "./dataset-metadata-fields";
import { SchemaTable } from "./schema-table";
import { Table } from "@/components/ui/table";
import { AppendSchemaDiff } from "./ingest/append-schema-diff";
import { ColumnChoices } from "./ingest/column-choices";
import { CsvReadingFields } from "./ingest/csv-reading-fields";
import { useSteering } from "./ingest/use-steering";

/**
 * The review step of an upload: how the file is read (CSV dialect, each column's name and type,
 * re-read at once on every change), the first rows (an append: the rows it adds) and, for an
 * append, how its columns compare with the dataset's; for a new dataset its name, URL name,
 * description and tags. Confirm creates the dataset (or the new version); Cancel deletes the
 * converted upload.
 */
export function IngestReviewForm({ review: initial, catalogPath }: { review: IngestReview; catalogPath: string }) {
  const router = useRouter();
  const steering = useSteering(initial);
  const review = steering.review;
  const [name, setName] = useState(review.suggested.name);
  const [slug, setSlug] = useState(review.suggested.slug);
  const [slugTouched, setSlugTouched] = useState(false);
  const [description, setDescription] = useState("");
  const [tags, setTags] = useState("");
  const [pending, setPending] = useState<"confirm" | "cancel" | null>(null);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function confirm(e: React.FormEvent) {
    e.preventDefault();
    setPending("confirm");
    setError(undefined);
    if (review.blocked) return;
    const result = await commitIngestAction(
      review.id,
      review.mode === "create" ? { name, slug, description, tags } : undefined,
    );
    if (!result.ok) {
      setPending(null);
      setError(result.message);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    toast.success(review.mode === "create" ? `Created “${name}”` : `Version ${result.data.version} is now current`);
    router.push(result.data.url);
  }

  async function cancel() {
    setPending("cancel");
    const result = await cancelIngestAction(review.id);
    if (!result.ok) toast.error(result.message);
    router.push(review.dataset?.path ?? catalogPath);
  }

  const summary =
    review.mode === "append" && review.blocked
      ? `The file has ${plural(review.addedRows, "row")}, but its columns do not fit the dataset yet (see below).`
      : review.mode === "append"
        ? `${plural(review.addedRows, "row")} will be added to the ${formatNumber(review.dataset?.rowCount ?? 0)} of version ${review.dataset?.version}, making ${formatNumber(review.rowCount)}.`
        : review.mode === "replace"
          ? `The dataset's ${formatNumber(review.dataset?.rowCount ?? 0)} rows will be replaced by ${plural(review.rowCount, "row")} (the current version stays in the history).`
          : `${plural(review.rowCount, "row")} and ${plural(review.columns.length, "column")} (${formatBytes(review.sizeBytes)} as Parquet).`;

  return (
    <form onSubmit={confirm} className="space-y-6">
      {review.reading.rereadable && review.reading.csv ? (
        <Card>
          <h2 className="text-base font-semibold">How the file is read</h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Detected from the file; change any of them and the columns and rows below are read again.
          </p>
          <div className="mt-3">
            <CsvReadingFields steering={steering} />
          </div>
        </Card>
      ) : null}

      <Card>
        <h2 className="text-base font-semibold">Columns</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{summary}</p>
        {review.columnChanges.length ? (
          <div className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-300">
            <p className="font-medium">The columns change:</p>
            <ul className="mt-1 list-disc pl-5">
              {review.columnChanges.map((c) => (
                <li key={c.name}>
                  {c.before === null
                    ? `new column “${c.name}” (${c.after})`
                    : c.after === null
                      ? `column “${c.name}” is removed`
                      : `“${c.name}” changes from ${c.before} to ${c.after}`}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p role="status" className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          {steering.pending ? "Reading the file again…" : ""}
        </p>
        {steering.error ? (
          <div
            role="alert"
            data-testid="steer-error"
            className="mt-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
          >
            {steering.error} The columns and rows below are still the last reading that worked.
          </div>
        ) : null}
        <div className="mt-3">
          {review.reading.rereadable ? (
            <ColumnChoices steering={steering} />
          ) : (
            <SchemaTable columns={review.columns} caption="Columns found in the file" />
          )}
        </div>
      </Card>

      {review.mode === "append" && review.dataset ? (
        <Card>
          <h2 className="text-base font-semibold">Compared with the dataset</h2>
          <div className="mt-3">
            <AppendSchemaDiff changes={review.appendChanges} dataset={review.dataset.columns} />
          </div>
        </Card>
      ) : null}

      <Card>
        <h2 className="text-base font-semibold">
          {review.mode === "append" && !review.blocked ? "Rows to be added" : "First rows"}
        </h2>
        <div className="mt-3">
          <Table
            caption={
              review.mode === "append"
                ? `The first ${review.preview.length} rows the file adds`
                : `The first ${review.preview.length} rows of the file`
            }
            rows={review.preview}
            rowKey={(_, i) => i}
            empty="The file has no rows."
            columns={review.columns.map((c, j) => ({
              header: <span className="normal-case">{c.name}</span>,
              cell: (row: (typeof review.preview)[number]) => cellText(row[j]),
              className: "max-w-64 truncate whitespace-nowrap",
            }))}
          />
        </div>
      </Card>

      {review.mode === "create" ? (
        <Card className="space-y-4">
          <h2 className="text-base font-semibold">About the dataset</h2>
          <DatasetMetadataFields
            gridClassName="grid gap-4 sm:grid-cols-2"
            name={name}
            onNameChange={(value) => {
              setName(value);
              if (!slugTouched) setSlug(datasetSlugOf(value));
            }}
            slug={slug}
            onSlugChange={(value) => {
              setSlug(value);
              setSlugTouched(true);
            }}
            slugHint={`${catalogPath}/${slug || "…"}`}
            descriptionId="dataset-description"
            description={description}
            onDescriptionChange={setDescription}
            tags={tags}
            onTagsChange={setTags}
            tagsHint="Separated by commas, e.g. sales, 2026"
            errors={fieldErrors}
          />
        </Card>
      ) : null}

      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => void cancel()} disabled={pending !== null}>
          {pending === "cancel" ? "Cancelling…" : "Cancel upload"}
        </Button>
        <Button type="submit" disabled={pending !== null || steering.pending || review.blocked}>
          {pending === "confirm"
            ? "Saving…"
            : review.mode === "create"
              ? "Create dataset"
              : review.mode === "append"
                ? "Add the rows"
                : "Replace the data"}
        </Button>
      </div>
    </form>
  );
}
