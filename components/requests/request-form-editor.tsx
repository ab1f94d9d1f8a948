"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/components/ui/fetch-json";
import { setRequestFormAction } from "@/lib/actions/requests/set-request-form";

const MAX = 5;
const control =
  "block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

type Form = { questions: string[]; terms: string };

const formKey = (datasetId: string) => ["requests", "form", datasetId] as const;

/** The questions (up to 5) and terms a person requesting access to a Listed dataset answers and accepts. */
export function RequestFormEditor({ datasetId }: { datasetId: string }) {
  const query = useQuery({
    queryKey: formKey(datasetId),
    queryFn: ({ signal }) =>
      fetchJson<Form>(`/api/requests/form?datasetId=${encodeURIComponent(datasetId)}`, { signal }),
  });
  if (query.isPending) return <p className="mt-2 text-xs text-zinc-500">Loading the request form…</p>;
  if (query.isError)
    return (
      <p role="alert" className="mt-2 text-xs text-red-600 dark:text-red-400">
        {query.error.message}
      </p>
    );
  return <Editor datasetId={datasetId} initial={query.data} />;
}

function Editor({ datasetId, initial }: { datasetId: string; initial: Form }) {
  const id = useId();
  const client = useQueryClient();
  const [questions, setQuestions] = useState<string[]>(initial.questions);
  const [terms, setTerms] = useState(initial.terms);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      const result = await setRequestFormAction({ datasetId, questions, terms });
      if (result.ok) {
        setErrors({});
        toast.success("Request form saved");
        await client.invalidateQueries({ queryKey: formKey(datasetId) });
      } else {
        setErrors({ ...(result.fieldErrors ?? {}), _: result.message });
      }
    });
  return (
    <div className="mt-3 space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800" aria-label="Request form">
      <p className="text-xs text-zinc-500">People requesting access answer these questions and accept the terms.</p>
      {questions.map((q, i) => (
        <div key={i} className="flex items-center gap-2">
          <label htmlFor={`${id}-q${i}`} className="sr-only">
            Question {i + 1}
          </label>
          <input
            id={`${id}-q${i}`}
            value={q}
            maxLength={300}
            placeholder={`Question ${i + 1}`}
            onChange={(e) => setQuestions((all) => all.map((x, j) => (j === i ? e.target.value : x)))}
            className={control}
          />
          <Button
            type="button"
            variant="ghost"
            aria-label={`Remove question ${i + 1}`}
            onClick={() => setQuestions((all) => all.filter((_, j) => j !== i))}
          >
            ✕
          </Button>
        </div>
      ))}
      {questions.length < MAX ? (
        <Button type="button" variant="secondary" onClick={() => setQuestions((all) => [...all, ""])}>
          Add a question
        </Button>
      ) : (
        <p className="text-xs text-zinc-500">At most {MAX} questions.</p>
      )}
      <div className="space-y-1">
        <label htmlFor={`${id}-terms`} className="block text-sm font-medium">
          Terms to accept (optional)
        </label>
        <textarea
          id={`${id}-terms`}
          rows={3}
          maxLength={5000}
          value={terms}
          onChange={(e) => setTerms(e.target.value)}
          className={control}
        />
      </div>
      {errors._ ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errors._}
        </p>
      ) : null}
      <Button type="button" onClick={save} disabled={pending}>
        Save request form
      </Button>
    </div>
  );
}
