"use client";
import { useState } from "react";
import { Table } from "@/components/ui/table";
import { type ColumnOverride, OVERRIDE_TYPES } from "@/lib/catalog/ingest/ingest-options";
import type { Column } from "@/lib/catalog/types";
import type { Steering } from "./use-steering";

const control =
  "block w-full min-w-32 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

/** The uploader's choices with `patch` applied to one column; a choice equal to the file's own is left out. */
function withChoice(columns: ColumnOverride[], column: Column, patch: Partial<ColumnOverride>): ColumnOverride[] {
  const current = columns.find((c) => c.source === column.name) ?? { source: column.name };
  const next = { ...current, ...patch };
  if (next.name === column.name || next.name === "") delete next.name;
  if (next.type === column.type) delete next.type;
  const rest = columns.filter((c) => c.source !== column.name);
  return next.name === undefined && next.type === undefined ? rest : [...rest, next];
}

function NameInput({ column, steering }: { column: Column; steering: Steering }) {
  const chosen = steering.options.columns?.find((c) => c.source === column.name)?.name ?? column.name;
  const [value, setValue] = useState(chosen);
  const error = steering.fieldErrors[column.name];
  const commit = () => {
    if (value === chosen) return;
    void steering.apply({
      ...steering.options,
      columns: withChoice(steering.options.columns ?? [], column, { name: value }),
    });
  };
  return (
    <input
      aria-label={`Name of column ${column.name}`}
      className={control}
      value={value}
      maxLength={200}
      aria-invalid={error ? true : undefined}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}

function TypeSelect({ column, steering }: { column: Column; steering: Steering }) {
  const chosen = steering.options.columns?.find((c) => c.source === column.name)?.type ?? column.type;
  const types = (OVERRIDE_TYPES as readonly string[]).includes(column.type)
    ? OVERRIDE_TYPES
    : [column.type, ...OVERRIDE_TYPES];
  return (
    <select
      aria-label={`Type of column ${column.name}`}
      className={control}
      value={chosen}
      aria-invalid={steering.fieldErrors[column.name] ? true : undefined}
      onChange={(e) =>
        void steering.apply({
          ...steering.options,
          columns: withChoice(steering.options.columns ?? [], column, { type: e.target.value }),
        })
      }
    >
      {types.map((type) => (
        <option key={type} value={type}>
          {type === column.type ? `${type} (detected)` : type}
        </option>
      ))}
    </select>
  );
}

/** Each column of the file with its detected type, and the name and type it gets; each change re-reads the file. */
export function ColumnChoices({ steering }: { steering: Steering }) {
  const { review } = steering;
  return (
    <fieldset disabled={steering.pending}>
      <legend className="sr-only">Column names and types</legend>
      <Table
        caption="Columns of the file: the name and type each gets"
        rows={review.sourceColumns}
        rowKey={(c) => c.name}
        empty="The file has no columns."
        columns={[
          {
            header: "In the file",
            rowHeader: true,
            cell: (c: Column) => <span className="font-mono text-xs">{c.name}</span>,
          },
          {
            header: "Name",
            cell: (c: Column) => (
              <div>
                <NameInput
                  key={steering.options.columns?.find((o) => o.source === c.name)?.name ?? c.name}
                  column={c}
                  steering={steering}
                />
                {steering.fieldErrors[c.name] ? (
                  <p role="alert" className="mt-1 max-w-64 text-xs text-red-600 dark:text-red-400">
                    {steering.fieldErrors[c.name]}
                  </p>
                ) : null}
              </div>
            ),
          },
          { header: "Type", cell: (c: Column) => <TypeSelect column={c} steering={steering} /> },
        ]}
      />
    </fieldset>
  );
}
