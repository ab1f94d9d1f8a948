"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { updateDatasetAction } from "@/lib/actions/catalog/update-dataset";
import { DatasetMetadataFields } from "./dataset-metadata-fields";

type Metadata = { name: string; slug: string; description: string; tags: string[] };

/** Edits name, URL name, description and tags (editors and managers); opens in place of the header text. */
export function DatasetMetadataForm({ datasetId, initial }: { datasetId: string; initial: Metadata }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(initial.name);
  const [slug, setSlug] = useState(initial.slug);
  const [description, setDescription] = useState(initial.description);
  const [tags, setTags] = useState(initial.tags.join(", "));
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Edit details
      </Button>
    );

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const result = await updateDatasetAction(datasetId, { name, slug, description, tags });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    toast.success("Dataset details saved");
    setOpen(false);
    setError(undefined);
    setFieldErrors({});
    if (slug.trim().toLowerCase() !== initial.slug) router.replace(result.data.url);
    else router.refresh();
  }

  return (
    <form
      onSubmit={save}
      aria-label="Edit dataset details"
      className="w-full space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <DatasetMetadataFields
        gridClassName="grid gap-3 sm:grid-cols-2"
        name={name}
        onNameChange={setName}
        slug={slug}
        onSlugChange={setSlug}
        descriptionId={`desc-${datasetId}`}
        description={description}
        onDescriptionChange={setDescription}
        tags={tags}
        onTagsChange={setTags}
        tagsHint="Separated by commas"
        // The editor has never shown a description error of its own; the form-level message covers it.
        errors={{ name: fieldErrors.name, slug: fieldErrors.slug, tags: fieldErrors.tags }}
      />
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
