"use client";
import { TextField } from "@/components/ui/field";
import { DescriptionField } from "./description-field";

type MetadataErrors = { name?: string; slug?: string; description?: string; tags?: string };

/**
 * Name, URL name, description and tags, with the limits the schema enforces; the upload review
 * (a new dataset) and the metadata editor ask for the same details, and differ only in spacing,
 * hints and what typing a name does to the URL name.
 */
export function DatasetMetadataFields({
  gridClassName,
  name,
  onNameChange,
  slug,
  onSlugChange,
  slugHint,
  descriptionId,
  description,
  onDescriptionChange,
  tags,
  onTagsChange,
  tagsHint,
  errors,
}: {
  gridClassName: string;
  name: string;
  onNameChange: (value: string) => void;
  slug: string;
  onSlugChange: (value: string) => void;
  slugHint?: string;
  descriptionId: string;
  description: string;
  onDescriptionChange: (value: string) => void;
  tags: string;
  onTagsChange: (value: string) => void;
  tagsHint: string;
  errors: MetadataErrors;
}) {
  return (
    <>
      <div className={gridClassName}>
        <TextField
          label="Name"
          value={name}
          required
          maxLength={120}
          error={errors.name}
          onChange={(e) => onNameChange(e.target.value)}
        />
        <TextField
          label="URL name"
          value={slug}
          required
          maxLength={64}
          error={errors.slug}
          hint={slugHint}
          onChange={(e) => onSlugChange(e.target.value)}
        />
      </div>
      <DescriptionField
        id={descriptionId}
        value={description}
        onChange={onDescriptionChange}
        error={errors.description}
      />
      <TextField
        label="Tags"
        value={tags}
        error={errors.tags}
        hint={tagsHint}
        onChange={(e) => onTagsChange(e.target.value)}
      />
    </>
  );
}
