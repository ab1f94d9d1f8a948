import type { AppendChange } from "@/lib/catalog/ingest/append-diff";
import type { Column } from "@/lib/catalog/types";

const CHANGE_LABEL: Record<AppendChange["change"], string> = {
  added: "Not in the dataset",
  missing: "Missing from the file",
  type: "Other type",
};

function types(change: AppendChange): string {
  if (change.change === "added") return `${change.fileType} in the file`;
  if (change.change === "missing") return `${change.datasetType} in the dataset`;
  return `${change.fileType} in the file → ${change.datasetType} in the dataset`;
}

/** How the appended file's columns compare with the dataset's: each difference, and whether it stops the append and why. */
export function AppendSchemaDiff({ changes, dataset }: { changes: AppendChange[]; dataset: Column[] }) {
  if (changes.length === 0)
    return (
      <p className="text-sm text-emerald-700 dark:text-emerald-400" data-testid="append-schema-diff">
        The file has the dataset&apos;s {dataset.length} columns with the same types.
      </p>
    );
  const blocking = changes.filter((c) => c.blocks).length;
  return (
    <div data-testid="append-schema-diff" className="space-y-2">
      <p className="text-sm font-medium">
        {blocking
          ? `${blocking} ${blocking === 1 ? "difference blocks" : "differences block"} the append. Rename or retype the file's columns below, or replace the data instead.`
          : "The columns differ in ways an append accepts:"}
      </p>
      <ul className="space-y-1 text-sm">
        {changes.map((c) => (
          <li
            key={`${c.change}-${c.name}`}
            className={`rounded-md border px-3 py-2 ${c.blocks ? "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300" : "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-300"}`}
          >
            <span className="font-medium">{c.blocks ? "Blocks" : "Accepted"}:</span> {CHANGE_LABEL[c.change]} “{c.name}”
            ({types(c)}). {c.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
