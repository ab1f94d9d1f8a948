"use client";
import { useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { type GranteeChip, granteeProblem, mergeGrantees, parseGrantees } from "./grantee-chips";
import { useCollaborators } from "./use-collaborators";

function ChipView({ chip, problem, onRemove }: { chip: GranteeChip; problem: string | null; onRemove: () => void }) {
  const secondary = [chip.username, chip.email].filter((v) => v && v !== chip.name);
  const reasonId = useId();
  return (
    <span
      data-testid="grantee-chip"
      data-invalid={problem ? "true" : undefined}
      title={problem ?? undefined}
      className={`inline-flex max-w-full items-center gap-1 rounded-full px-2.5 py-0.5 text-sm ${
        problem
          ? "bg-red-50 text-red-800 ring-1 ring-red-400 dark:bg-red-950 dark:text-red-200"
          : "bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-zinc-100"
      }`}
    >
      <span className="truncate">
        {chip.name ? <span className="font-medium">{chip.name} </span> : null}
        <span className={chip.name ? "text-xs opacity-80" : ""}>{chip.name ? secondary.join(" · ") : chip.handle}</span>
        {problem ? (
          <span id={reasonId} className="sr-only">
            : {problem}
          </span>
        ) : null}
      </span>
      <button
        type="button"
        aria-label={`Remove ${chip.handle}`}
        aria-describedby={problem ? reasonId : undefined}
        className="rounded-full px-0.5 text-zinc-500 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:text-zinc-100"
        onClick={onRemove}
      >
        ×
      </button>
    </span>
  );
}

/**
 * People and e-mail addresses as chips: Enter, comma, Tab or leaving the field makes a chip, a pasted
 * list makes one per entry, Backspace in the empty field removes the last one; known collaborators
 * are suggested as one types. A chip the server would refuse is marked with the reason.
 */
export function GranteeInput({
  value,
  onChange,
  className = "",
}: {
  value: GranteeChip[];
  onChange: (next: GranteeChip[]) => void;
  className?: string;
}) {
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const { suggestions, error } = useCollaborators(text);
  const visible = suggestions.filter((s) => !value.some((c) => c.handle === s.handle));
  const problems = value.flatMap((chip) => {
    const problem = granteeProblem(chip.handle);
    return problem ? [{ chip, problem }] : [];
  });

  function add(chips: GranteeChip[]) {
    onChange(mergeGrantees(value, chips));
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
    } else if ((e.key === "Enter" || e.key === "," || e.key === ";" || e.key === "Tab") && text.trim()) {
      e.preventDefault();
      const pick = visible[active];
      add(pick && e.key !== "," && e.key !== ";" ? [pick] : parseGrantees(text));
    } else if (e.key === "Escape" && text.trim()) {
      // the dialog leaves this Escape alone (share-dialog.tsx): it closes the suggestions, not the dialog
      setText("");
    } else if (e.key === "Backspace" && !text && value.length) onChange(value.slice(0, -1));
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>) {
    const pasted = e.clipboardData.getData("text");
    if (!/[,;\s]/.test(pasted.trim())) return; // one entry: let it land in the field to be edited
    e.preventDefault();
    add(parseGrantees(`${text} ${pasted}`));
  }

  return (
    <div className={`relative ${className}`}>
      <label htmlFor={`${listId}-input`} className="sr-only">
        People or e-mail addresses
      </label>
      <div className="flex max-h-28 flex-wrap gap-1.5 overflow-y-auto rounded-md border border-zinc-300 bg-white p-1.5 focus-within:ring-2 focus-within:ring-brand-500/30 dark:border-zinc-700 dark:bg-zinc-900">
        {value.map((chip) => (
          <ChipView
            key={chip.handle}
            chip={chip}
            problem={granteeProblem(chip.handle)}
            onRemove={() => {
              onChange(value.filter((c) => c.handle !== chip.handle));
              // the focused × goes away with its chip: keep the keyboard user in the field, not on the page
              inputRef.current?.focus();
            }}
          />
        ))}
        <input
          ref={inputRef}
          id={`${listId}-input`}
          role="combobox"
          aria-expanded={visible.length > 0 && Boolean(text.trim())}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={visible.length && text.trim() ? `${listId}-${active}` : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => text.trim() && add(parseGrantees(text))}
          placeholder={value.length ? "" : "Add people by username or e-mail address"}
          className="min-w-40 flex-1 bg-transparent px-1 py-1 text-sm outline-none"
        />
      </div>
      {visible.length > 0 && text.trim() ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Suggestions"
          className="absolute z-10 mt-1 w-full rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {visible.map((s, i) => (
            <li
              key={s.handle}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                add([s]);
              }}
              className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-zinc-100 dark:bg-zinc-800" : ""}`}
            >
              {s.name ? <span className="font-medium">{s.name} </span> : null}
              <span className={s.name ? "text-zinc-500" : "font-medium"}>{s.username}</span>{" "}
              <span className="text-zinc-500">{s.email}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {problems.length ? (
        <div role="alert">
          <ul aria-label="Entries to fix" className="mt-1 text-xs text-red-700 dark:text-red-400">
            {problems.map(({ chip, problem }) => (
              <li key={chip.handle}>
                “{chip.handle}”: {problem}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
          Suggestions are unavailable: {error.message}
        </p>
      ) : null}
    </div>
  );
}
