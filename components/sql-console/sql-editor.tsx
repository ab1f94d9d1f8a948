"use client";
import { sql } from "@codemirror/lang-sql";
import CodeMirror from "@uiw/react-codemirror";
import type { KeyboardEvent } from "react";

const extensions = [sql()];

/** CodeMirror with SQL highlighting; Ctrl/Cmd+Enter runs. Loaded with next/dynamic by SqlConsole only. */
export default function SqlEditor({
  value,
  onChange,
  onRun,
}: {
  value: string;
  onChange: (value: string) => void;
  onRun: () => void;
}) {
  // Caught before CodeMirror, whose own keymap would insert a blank line on Mod-Enter.
  const onKeyDownCapture = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      onRun();
    }
  };
  return (
    <div onKeyDownCapture={onKeyDownCapture}>
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={extensions}
        minHeight="9rem"
        maxHeight="24rem"
        basicSetup={{ foldGutter: false }}
        aria-label="SQL query"
        className="overflow-hidden rounded-md border border-zinc-300 text-sm dark:border-zinc-700"
      />
    </div>
  );
}
