"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Filter } from "@/lib/catalog/query-schema";
import type { Column } from "@/lib/catalog/types";
import { filterProblem, supportsOp } from "./grid/filter-value";

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

/**
 * Adds a filter on one column. The value is checked against the column's type here first (a date
 * column takes dates), then by the server: `onAdd` answers with the server's message when it
 * still refuses, and the filter is not added. Either way the typed value stays for correcting.
 */
export function FilterBar({
  columns,
  onAdd,
}: {
  columns: Column[];
  /** tries the filter; resolves to a message when it is refused */
  onAdd: (filter: Filter) => Promise<string | undefined>;
}) {
  const id = useId();
  const [column, setColumn] = useState(columns[0]?.name ?? "");
  const [op, setOp] = useState<Op>("eq");
  const [value, setValue] = useState("");
  const [min, setMin] = useState("");
  const [max, setMax] = useState("");
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);
  const type = columns.find((c) => c.name === column)?.type ?? "VARCHAR";

  function chooseColumn(name: string) {
    setColumn(name);
    setError(undefined);
    const nextType = columns.find((c) => c.name === name)?.type ?? "VARCHAR";
    if (!supportsOp(nextType, op)) setOp("contains");
  }

  async function add(e: React.FormEvent) {
    e.preventDefault();
    let filter: Filter;
    if (op === "eq" || op === "contains") filter = { column, op, value };
    else if (op === "range") filter = { column, op, ...(min ? { min } : {}), ...(max ? { max } : {}) };
    else filter = { column, op };
    const problem = filterProblem(columns, filter);
    if (problem) {
      setError(problem);
      return;
    }
    setChecking(true);
    const refused = await onAdd(filter).finally(() => setChecking(false));
    if (refused) {
      setError(refused);
      return;
    }
    setError(undefined);
    setValue("");
    setMin("");
    setMax("");
  }

  const errorId = `${id}-error`;
  const invalid = error ? { "aria-invalid": true, "aria-describedby": errorId } : {};
  return (
    <form onSubmit={add} aria-label="Add a filter" className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={`${id}-col`} className="block text-xs text-zinc-600 dark:text-zinc-400">
          Column
        </label>
        <select
          id={`${id}-col`}
          value={column}
          onChange={(e) => chooseColumn(e.target.value)}
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
        <select
          id={`${id}-op`}
          value={op}
          onChange={(e) => {
            setOp(e.target.value as Op);
            setError(undefined);
          }}
          className={inputClass}
        >
          {OPS.map((o) => (
            <option key={o.op} value={o.op} disabled={!supportsOp(type, o.op)}>
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
            placeholder={placeholder(type, op)}
            className={`${inputClass} w-40`}
            {...invalid}
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
              placeholder={placeholder(type, op)}
              className={`${inputClass} w-28`}
              {...invalid}
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
              placeholder={placeholder(type, op)}
              className={`${inputClass} w-28`}
              {...invalid}
            />
          </div>
        </>
      ) : null}
      <Button type="submit" variant="secondary" disabled={checking}>
        Add filter
      </Button>
      {error ? (
        <p id={errorId} role="alert" className="w-full text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** An example of what the value box takes, by the column's type. */
function placeholder(type: string, op: Op): string {
  if (op === "contains") return "text";
  if (/INT/.test(type)) return "e.g. 42";
  if (/^(FLOAT|DOUBLE|DECIMAL)/.test(type)) return "e.g. 3.5";
  if (type === "BOOLEAN") return "true or false";
  if (type === "DATE") return "YYYY-MM-DD";
  if (type.startsWith("TIMESTAMP")) return "YYYY-MM-DD hh:mm";
  if (type.startsWith("TIME")) return "hh:mm";
  return "";
}
