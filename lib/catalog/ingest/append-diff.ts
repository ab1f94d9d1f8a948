import { isScalarType, typeFamily } from "../sql";
import type { Column } from "../types";

/** One difference between a dataset's columns and an appended file's, and whether it stops the append. */
export type AppendChange = {
  name: string;
  change: "added" | "missing" | "type";
  datasetType: string | null;
  fileType: string | null;
  blocks: boolean;
  reason: string;
};

/**
 * Rule of an append: the file has every column of the dataset (in any order) and no other; a
 * column of another type is converted to the dataset's plain scalar type (each value is checked
 * when converting), except a decimal read from a typed file into an integer column, which would
 * silently round. Everything else blocks the append, with the reason.
 */
export function appendChanges(dataset: Column[], file: Column[], typedReader: boolean): AppendChange[] {
  const fileTypes = new Map(file.map((c) => [c.name, c.type]));
  const datasetNames = new Set(dataset.map((c) => c.name));
  const changes: AppendChange[] = [];
  for (const column of dataset) {
    const fileType = fileTypes.get(column.name);
    if (fileType === undefined) {
      changes.push({
        name: column.name,
        change: "missing",
        datasetType: column.type,
        fileType: null,
        blocks: true,
        reason: "The file has no such column; every added row needs one.",
      });
    } else if (fileType !== column.type) {
      const convertible =
        isScalarType(column.type) &&
        (typedReader || !(typeFamily(fileType) === "decimal" && typeFamily(column.type) === "integer"));
      changes.push({
        name: column.name,
        change: "type",
        datasetType: column.type,
        fileType,
        blocks: !convertible,
        reason: convertible
          ? `Its values are converted to ${column.type} (a value that does not fit stops the append).`
          : `${fileType} values cannot become ${column.type} without changing them.`,
      });
    }
  }
  for (const column of file)
    if (!datasetNames.has(column.name))
      changes.push({
        name: column.name,
        change: "added",
        datasetType: null,
        fileType: column.type,
        blocks: true,
        reason: "Not a column of the dataset: rename it to one, or replace the data to change the columns.",
      });
  return changes;
}
