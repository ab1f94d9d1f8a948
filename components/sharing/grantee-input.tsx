"use client";
import { useId, useState, type KeyboardEvent } from "react";
import { useCollaborators } from "./use-collaborators";

/** People and e-mail addresses as chips, with autocomplete from known collaborators. */
export function GranteeInput({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const { suggestions, error } = useCollaborators(text);
  const visible = suggestions.filter((s) => !value.includes(s.handle));

  function add(entry: string) {
    const items = entry
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const next = [...value];
    for (const item of items) if (!next.includes(item)) next.push(item);
    onChange(next);
    setText("");
    setActive(0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && visible.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % visible.length);
    } else if (e.key === "ArrowUp" && visible.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + visible.length) % visible.length);
    } else if ((e.key === "Enter" || e.key === "," || e.key === "Tab") && text.trim()) {
      e.preventDefault();
      const pick = visible[active];
      add(pick && e.key !== "," ? pick.handle : text);
    } else if (e.key === "Backspace" && !text && value.length) onChange(value.slice(0, -1));
  }

  return (
    <div className="relative">
      <label htmlFor={`${listId}-input`} className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
        People or e-mail addresses
      </label>
      <div className="mt-1 flex flex-wrap gap-1.5 rounded-md border border-zinc-300 bg-white p-1.5 focus-within:ring-2 focus-within:ring-brand-500/30 dark:border-zinc-700 dark:bg-zinc-900">
        {value.map((v) => (
          <span
            key={v}
            className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-2.5 py-0.5 text-sm text-brand-700 dark:bg-zinc-800 dark:text-zinc-100"
            data-testid="grantee-chip"
          >
            {v}
            <button
              type="button"
              aria-label={`Remove ${v}`}
              className="text-zinc-500 hover:text-zinc-900"
              onClick={() => onChange(value.filter((x) => x !== v))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={`${listId}-input`}
          role="combobox"
          aria-expanded={visible.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => text.trim() && add(text)}
          placeholder={value.length ? "" : "name@example.com or username"}
          className="min-w-40 flex-1 bg-transparent px-1 py-1 text-sm outline-none"
        />
      </div>
      {visible.length > 0 && text.trim() ? (
        <ul
          id={listId}
          role="listbox"
          className="absolute z-10 mt-1 w-full rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {visible.map((s, i) => (
            <li
              key={s.handle}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                add(s.handle);
              }}
              className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-zinc-100 dark:bg-zinc-800" : ""}`}
            >
              <span className="font-medium">{s.username}</span> <span className="text-zinc-500">{s.email}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
          Suggestions are unavailable: {error.message}
        </p>
      ) : null}
    </div>
  );
}
