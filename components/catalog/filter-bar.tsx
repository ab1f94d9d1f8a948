"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Filter } from "@/lib/catalog/query-schema";
import type { Column } from "@/lib/catalog/types";

type Op = Filter["op"];

const OPS: { op: Op; label: string }[] = [
  { op: "eq", label: "equals" },
  { op: "contains", label: "contains" },
  { op: "range", label: "between" },
  { op: "is_null", label: "is empty" },
  { op: "not_null", label: "is not empty" },
];

/** A filter as people read it: `city = "Oslo"`, `temp between 0 and 10`. */
export function describeFilter(f: Filter): string {
  switch (f.op) {
    case "eq":
      return `${f.column} = ${JSON.stringify(f.value)}`;
    case "contains":
      return `${f.column} contains ${JSON.stringify(f.value)}`;
    case "range":
      return f.min !== undefined && f.max !== undefined
        ? `${f.column} between ${f.min} and ${f.max}`
        : f.min !== undefined
          ? `${f.column} ≥ ${f.min}`
          : `${f.column} ≤ ${f.max}`;
    case "is_null":
      return `${f.column} is empty`;
    case "not_null":
      return `${f.column} is not empty`;
  }
}

const inputClass =
  "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Adds a filter on one column (values are sent as text; the server converts them to the column's type). */
export function FilterBar({
  columns,
  filters,
  onChange,
}: {
  columns: Column[];
  filters: Filter[];
  onChange: (next: Filter[]) => void;
}) {
  const id = useId();
  const [column, setColumn] = useState(columns[0]?.name ?? "");
  const [op, setOp] = useState<Op>("eq");
  const [value, setValue] = useState("");
  const [min, setMin] = useState("");
  const [max, setMax] = useState("");
  const [error, setError] = useState<string>();

  function add(e: React.FormEvent) {
    e.preventDefault();
    let filter: Filter;
    if (op === "eq" || op === "contains") {
      if (!value) {
        setError("Type a value to look for.");
        return;
      }
      filter = { column, op, value };
    } else if (op === "range") {
      if (!min && !max) {
        setError("Give a lowest value, a highest value or both.");
        return;
      }
      filter = { column, op, ...(min ? { min } : {}), ...(max ? { max } : {}) };
    } else filter = { column, op };
    setError(undefined);
    setValue("");
    setMin("");
    setMax("");
    onChange([...filters, filter]);
  }

  return (
    <form onSubmit={add} aria-label="Add a filter" className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={`${id}-col`} className="block text-xs text-zinc-600 dark:text-zinc-400">
          Column
        </label>
        <select
          id={`${id}-col`}
          value={column}
          onChange={(e) => setColumn(e.target.value)}
          className={`${inputClass} max-w-48`}
        >
          {columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-op`} className="block text-xs text-zinc-600 dark:text-zinc-400">
          Condition
        </label>
        <select id={`${id}-op`} value={op} onChange={(e) => setOp(e.target.value as Op)} className={inputClass}>
          {OPS.map((o) => (
            <option key={o.op} value={o.op}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {op === "eq" || op === "contains" ? (
        <div>
          <label htmlFor={`${id}-value`} className="block text-xs text-zinc-600 dark:text-zinc-400">
            Value
          </label>
          <input
            id={`${id}-value`}
            value={value}
            maxLength={1000}
            onChange={(e) => setValue(e.target.value)}
            className={`${inputClass} w-40`}
          />
        </div>
      ) : op === "range" ? (
        <>
          <div>
            <label htmlFor={`${id}-min`} className="block text-xs text-zinc-600 dark:text-zinc-400">
              From
            </label>
            <input
              id={`${id}-min`}
              value={min}
              maxLength={1000}
              onChange={(e) => setMin(e.target.value)}
              className={`${inputClass} w-28`}
            />
          </div>
          <div>
            <label htmlFor={`${id}-max`} className="block text-xs text-zinc-600 dark:text-zinc-400">
              To
            </label>
            <input
              id={`${id}-max`}
              value={max}
              maxLength={1000}
              onChange={(e) => setMax(e.target.value)}
              className={`${inputClass} w-28`}
            />
          </div>
        </>
      ) : null}
      <Button type="submit" variant="secondary">
        Add filter
      </Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
