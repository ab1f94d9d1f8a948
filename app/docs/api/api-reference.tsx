"use client";

import { type FormEvent, useMemo, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { InlineMarkdown, Markdown } from "./markdown";

export type DocParameter = {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description: string;
  hint: string;
};
export type DocOperation = {
  id: string;
  method: string;
  path: string;
  /** where the path starts: /api/v1, or /api for the tus endpoint */
  base: string;
  tag: string;
  summary: string;
  description: string;
  isPublic: boolean;
  parameters: DocParameter[];
  body: { contentType: string; example: string; schema: string } | null;
  responses: { status: string; description: string }[];
};

const TOKEN_KEY = "datashelf.apiToken";
const TOKEN_EVENT = "datashelf:api-token";

// The token lives in sessionStorage (this tab only) and is read as an external store, so the
// server render and the first client render agree (no token) and the input fills in after.
function subscribeToken(onChange: () => void) {
  window.addEventListener(TOKEN_EVENT, onChange);
  return () => window.removeEventListener(TOKEN_EVENT, onChange);
}
const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800",
  POST: "bg-emerald-100 text-emerald-800",
  PUT: "bg-amber-100 text-amber-800",
  PATCH: "bg-violet-100 text-violet-800",
  DELETE: "bg-red-100 text-red-800",
  HEAD: "bg-zinc-100 text-zinc-800",
};
const input =
  "w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

type Outcome = { status: number; statusText: string; contentType: string; body: string } | { error: string };

function TryIt({ op, token }: { op: DocOperation; token: string }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [body, setBody] = useState(op.body?.example ?? "");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[`path:${name}`] ?? ""));
      const query = new URLSearchParams();
      for (const p of op.parameters)
        if (p.in === "query" && values[`query:${p.name}`]) query.append(p.name, values[`query:${p.name}`]!);
      const headers: Record<string, string> = {};
      if (token) headers.Authorization = `Bearer ${token}`;
      if (op.body) headers["Content-Type"] = op.body.contentType;
      for (const p of op.parameters)
        if (p.in === "header" && values[`header:${p.name}`]) headers[p.name] = values[`header:${p.name}`]!;
      const res = await fetch(`${op.base}${path}${query.size ? `?${query}` : ""}`, {
        method: op.method,
        headers,
        body: op.body ? body : undefined,
      });
      const contentType = res.headers.get("content-type") ?? "";
      const text = /json|text|csv|ndjson/.test(contentType)
        ? await res.text()
        : `(${(await res.arrayBuffer()).byteLength} bytes of ${contentType || "binary data"})`;
      let shown = text;
      if (contentType.includes("json") && text) {
        try {
          shown = JSON.stringify(JSON.parse(text), null, 2);
        } catch {
          // not JSON after all: show as it is
        }
      }
      setOutcome({
        status: res.status,
        statusText: res.statusText,
        contentType,
        body: shown.length > 20_000 ? `${shown.slice(0, 20_000)}\n…` : shown,
      });
    } catch (error) {
      setOutcome({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={send} className="mt-3 space-y-2 rounded-md bg-zinc-50 p-3 dark:bg-zinc-900/50">
      {op.parameters.map((p) => (
        <label key={`${p.in}:${p.name}`} className="block text-sm">
          <span className="font-mono">{p.name}</span>
          <span className="ml-2 text-xs text-zinc-500">
            {p.in}
            {p.required ? ", required" : ""}
            {p.hint ? ` · ${p.hint}` : ""}
          </span>
          {p.description ? (
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">
              <InlineMarkdown text={p.description} />
            </span>
          ) : null}
          <input
            className={input}
            name={`${p.in}:${p.name}`}
            required={p.required}
            value={values[`${p.in}:${p.name}`] ?? ""}
            onChange={(e) => setValues({ ...values, [`${p.in}:${p.name}`]: e.target.value })}
          />
        </label>
      ))}
      {op.body ? (
        <label className="block text-sm">
          Body <span className="text-xs text-zinc-500">({op.body.contentType})</span>
          <textarea
            className={`${input} font-mono`}
            rows={Math.min(12, Math.max(3, body.split("\n").length))}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        </label>
      ) : null}
      <Button type="submit" disabled={busy}>
        {busy ? "Sending…" : "Send request"}
      </Button>
      {!token && !op.isPublic ? (
        <p className="text-xs text-amber-700 dark:text-amber-400">
          Enter an API token above first; without one the API answers 401.
        </p>
      ) : null}
      {outcome ? (
        "error" in outcome ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {outcome.error}
          </p>
        ) : (
          <div aria-live="polite">
            <p className="text-sm font-medium">
              Response: {outcome.status} {outcome.statusText}
            </p>
            <pre className="mt-1 max-h-96 overflow-auto rounded bg-zinc-900 p-2 text-xs text-zinc-100">
              {outcome.body || "(empty body)"}
            </pre>
          </div>
        )
      ) : null}
    </form>
  );
}

/** The operations of the API, grouped by tag, each with its parameters, responses and a "try it" form. */
export function ApiReference({ operations }: { operations: DocOperation[] }) {
  const token = useSyncExternalStore(
    subscribeToken,
    () => sessionStorage.getItem(TOKEN_KEY) ?? "",
    () => "",
  );
  const [filter, setFilter] = useState("");
  const saveToken = (value: string) => {
    sessionStorage.setItem(TOKEN_KEY, value); // never sent anywhere but this API
    window.dispatchEvent(new Event(TOKEN_EVENT));
  };
  const groups = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = operations.filter((op) =>
      words.every((w) => `${op.method} ${op.path} ${op.summary} ${op.tag}`.toLowerCase().includes(w)),
    );
    return [...new Set(shown.map((o) => o.tag))].map((tag) => ({ tag, ops: shown.filter((o) => o.tag === tag) }));
  }, [operations, filter]);

  return (
    <div className="mt-6">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          API token <span className="text-xs text-zinc-500">(kept in this tab only)</span>
          <input
            className={`${input} font-mono`}
            type="password"
            autoComplete="off"
            placeholder="dsk_…"
            value={token}
            onChange={(e) => saveToken(e.target.value)}
          />
        </label>
        <label className="block text-sm">
          Filter operations
          <input
            className={input}
            type="search"
            placeholder="e.g. shares, data, POST"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </label>
      </div>
      {groups.map(({ tag, ops }) => (
        <section key={tag} className="mt-8">
          <h2 className="text-lg font-semibold">{tag}</h2>
          <ul className="mt-2 space-y-2">
            {ops.map((op) => (
              <li key={op.id}>
                <details className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
                  <summary className="cursor-pointer">
                    <span
                      className={`mr-2 inline-block w-16 rounded px-1.5 py-0.5 text-center text-xs font-semibold ${METHOD_COLOURS[op.method] ?? ""}`}
                    >
                      {op.method}
                    </span>
                    <code className="text-sm">{op.base === "/api/v1" ? op.path : `${op.base}${op.path}`}</code>
                    <span className="ml-2 text-sm text-zinc-600 dark:text-zinc-400">
                      <InlineMarkdown text={op.summary} />
                    </span>
                  </summary>
                  {op.description ? <Markdown text={op.description} className="mt-2 text-sm" /> : null}
                  <table className="mt-2 text-sm">
                    <tbody>
                      {op.responses.map((r) => (
                        <tr key={r.status}>
                          <td className="pr-3 align-top font-mono">{r.status}</td>
                          <td>
                            <InlineMarkdown text={r.description} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {op.body?.schema ? (
                    <details className="mt-2 text-sm">
                      <summary className="cursor-pointer">Request body schema</summary>
                      <pre className="mt-1 max-h-72 overflow-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900">
                        {op.body.schema}
                      </pre>
                    </details>
                  ) : null}
                  <TryIt op={op} token={token} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
