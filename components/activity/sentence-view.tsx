import Link from "next/link";
import type { Sentence } from "@/lib/audit/sentence";

/** An audit event's sentence: names in bold, linked to their page when they still exist. */
export function SentenceView({ sentence }: { sentence: Sentence }) {
  return (
    <span data-testid="activity-sentence">
      {sentence.map((part, i) => {
        if (part.href)
          return (
            <Link key={i} href={part.href} className="font-semibold text-brand-700 hover:underline dark:text-brand-400">
              {part.text}
            </Link>
          );
        return part.strong ? (
          <strong key={i} className="font-semibold">
            {part.text}
          </strong>
        ) : (
          <span key={i}>{part.text}</span>
        );
      })}
    </span>
  );
}
