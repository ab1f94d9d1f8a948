"use client";
import { SelectField } from "@/components/ui/field";
import { CSV_ENCODINGS, ENCODING_LABELS, type IngestOptions } from "@/lib/catalog/ingest/ingest-options";
import type { Steering } from "./use-steering";

const DELIMITERS: [string, string][] = [
  [",", "Comma ,"],
  [";", "Semicolon ;"],
  ["\t", "Tab"],
  ["|", "Pipe |"],
  [":", "Colon :"],
];
const QUOTES: [string, string][] = [
  ['"', 'Double quote "'],
  ["'", "Single quote '"],
  ["", "None"],
];

/** How a CSV/TSV is read: delimiter, header row, quote character and encoding; each change re-reads the file. */
export function CsvReadingFields({ steering }: { steering: Steering }) {
  const csv = steering.review.reading.csv;
  if (!csv) return null;
  const { options } = steering;
  const current = {
    delimiter: options.delimiter ?? csv.delimiter,
    header: options.header ?? csv.header,
    quote: options.quote ?? csv.quote,
    encoding: options.encoding ?? csv.encoding,
  };
  // Another dialect means other columns: earlier column choices no longer apply.
  const change = (patch: Partial<IngestOptions>) => void steering.apply({ ...current, ...patch, columns: undefined });
  const delimiters = DELIMITERS.some(([d]) => d === current.delimiter)
    ? DELIMITERS
    : [...DELIMITERS, [current.delimiter, `“${current.delimiter}”`] as [string, string]];
  return (
    <fieldset className="grid gap-4 sm:grid-cols-4" disabled={steering.pending}>
      <legend className="sr-only">How the file is read</legend>
      <SelectField label="Delimiter" value={current.delimiter} onChange={(e) => change({ delimiter: e.target.value })}>
        {delimiters.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="First line"
        value={current.header ? "header" : "data"}
        onChange={(e) => change({ header: e.target.value === "header" })}
      >
        <option value="header">Names the columns</option>
        <option value="data">Is data (no header)</option>
      </SelectField>
      <SelectField label="Quote character" value={current.quote} onChange={(e) => change({ quote: e.target.value })}>
        {QUOTES.map(([value, label]) => (
          <option key={label} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Encoding"
        value={current.encoding}
        onChange={(e) => change({ encoding: e.target.value as (typeof CSV_ENCODINGS)[number] })}
      >
        {CSV_ENCODINGS.map((encoding) => (
          <option key={encoding} value={encoding}>
            {ENCODING_LABELS[encoding]}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
