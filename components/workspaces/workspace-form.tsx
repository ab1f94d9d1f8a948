"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError, useActionResult } from "@/components/ui/use-action-result";
import type { Result } from "@/lib/util/result";
// The server's slugify, so the suggested URL name is one the schema accepts (no hyphen left at the end by the cut to 48).
import { slugify } from "@/lib/workspaces/schemas";

type Action = (prev: unknown, form: FormData) => Promise<Result<{ url: string }>>;
type Initial = { name: string; slug: string; description: string };

/** Name, URL name and description; used to create a workspace and to rename one. */
export function WorkspaceForm({
  action,
  initial,
  submitLabel,
  success,
  slugLocked = false,
  readOnly = false,
}: {
  action: Action;
  initial?: Initial;
  submitLabel: string;
  success: string;
  slugLocked?: boolean;
  readOnly?: boolean;
}) {
  const [result, formAction, pending] = useActionState(action, null);
  const [slug, setSlug] = useState(initial?.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(Boolean(initial));
  useActionResult(result, success);
  return (
    <form action={formAction} className="max-w-lg space-y-4">
      <TextField
        label="Name"
        name="name"
        required
        defaultValue={initial?.name}
        disabled={readOnly}
        error={fieldError(result, "name")}
        onChange={(e) => {
          if (!slugEdited) setSlug(slugify(e.target.value));
        }}
      />
      <TextField
        label="URL name"
        name="slug"
        required
        value={slug}
        readOnly={slugLocked || readOnly}
        disabled={readOnly}
        onChange={(e) => {
          setSlugEdited(true);
          setSlug(e.target.value);
        }}
        hint={slugLocked ? "The personal workspace keeps its URL name." : "Lowercase letters, digits and hyphens."}
        error={fieldError(result, "slug")}
      />
      <TextField
        label="Description (optional)"
        name="description"
        defaultValue={initial?.description}
        disabled={readOnly}
        error={fieldError(result, "description")}
      />
      {readOnly ? null : (
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      )}
    </form>
  );
}
