"use client";
import { useId, useState } from "react";
import { DatasetUpload } from "./dataset-upload";

/** Editors add rows (same columns) or replace all of a dataset's data with a new file; both become a new version after review. */
export function IngestPanel({
  workspaceId,
  datasetId,
  columns,
}: {
  workspaceId: string;
  datasetId: string;
  columns: string[];
}) {
  const name = useId();
  const [mode, setMode] = useState<"append" | "replace">("append");
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium">What should the file do?</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name={name} checked={mode === "append"} onChange={() => setMode("append")} /> Add its
            rows
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={name} checked={mode === "replace"} onChange={() => setMode("replace")} /> Replace
            all rows
          </label>
        </div>
      </fieldset>
      <p className="text-xs text-zinc-500">
        {mode === "append"
          ? `The file needs exactly these columns (any order): ${columns.join(", ")}.`
          : "The file may have different columns. The current data stays available as an earlier version."}
      </p>
      <DatasetUpload
        key={mode}
        target={{ workspaceId, mode, datasetId }}
        label={mode === "append" ? "File with rows to add" : "File with the new data"}
      />
    </div>
  );
}
