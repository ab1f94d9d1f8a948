"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { createAccessRequestAction } from "@/lib/actions/requests/create-access-request";

export type RequestTarget =
  { source: "discover"; datasetId: string } | { source: "grant"; shareId: string } | { source: "link"; token: string };

const area =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

/**
 * Request access: a message, an answer to each question the managers set and the terms to accept.
 * Field errors from the server show beside their field; nothing typed is lost on a refusal.
 */
export function RequestAccessForm({
  target,
  questions = [],
  terms = "",
  onSent,
}: {
  target: RequestTarget;
  questions?: string[];
  terms?: string;
  onSent?: () => void;
}) {
  const id = useId();
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [answers, setAnswers] = useState<string[]>(() => questions.map(() => ""));
  const [accept, setAccept] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    start(async () => {
      const result = await createAccessRequestAction({
        target,
        request: { message, answers, acceptTerms: accept },
      });
      if (result.ok) {
        setErrors({});
        setError(null);
        toast.success("Request sent: the managers were told by e-mail");
        onSent?.();
        router.refresh();
      } else {
        setErrors(result.fieldErrors ?? {});
        setError(result.message);
      }
    });
  };

  return (
    <form onSubmit={submit} aria-label="Request access" className="space-y-4">
      <div className="space-y-1">
        <label htmlFor={`${id}-message`} className="block text-sm font-medium">
          Message to the managers
        </label>
        <textarea
          id={`${id}-message`}
          rows={3}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          className={area}
          placeholder="Why you need it, for how long"
        />
      </div>
      {questions.map((question, i) => (
        <div key={i} className="space-y-1">
          <label htmlFor={`${id}-q${i}`} className="block text-sm font-medium">
            {question}
          </label>
          <textarea
            id={`${id}-q${i}`}
            rows={2}
            maxLength={1000}
            required
            value={answers[i] ?? ""}
            aria-invalid={errors[`answers.${i}`] ? true : undefined}
            aria-describedby={errors[`answers.${i}`] ? `${id}-q${i}-error` : undefined}
            onChange={(e) => setAnswers((all) => all.map((a, j) => (j === i ? e.target.value : a)))}
            className={area}
          />
          {errors[`answers.${i}`] ? (
            <p id={`${id}-q${i}-error`} role="alert" className="text-sm text-red-600 dark:text-red-400">
              {errors[`answers.${i}`]}
            </p>
          ) : null}
        </div>
      ))}
      {terms ? (
        <div className="space-y-2">
          <p className="text-sm font-medium">Terms</p>
          <div className="max-h-40 overflow-auto whitespace-pre-wrap rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-950">
            {terms}
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={accept}
              required
              aria-invalid={errors.acceptTerms ? true : undefined}
              onChange={(e) => setAccept(e.target.checked)}
            />
            I accept these terms
          </label>
          {errors.acceptTerms ? (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {errors.acceptTerms}
            </p>
          ) : null}
        </div>
      ) : null}
      {error && Object.keys(errors).length === 0 ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Request access"}
      </Button>
    </form>
  );
}
