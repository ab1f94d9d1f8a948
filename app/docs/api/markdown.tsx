import { Fragment, type ReactNode } from "react";

// The OpenAPI descriptions use a small subset of Markdown: `code`, **strong**, *emphasis*, [links](url),
// paragraphs and "- " lists. They become React elements, never HTML strings, so nothing in a description
// can inject markup or script.
const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Only same-site paths and http(s) URLs become links; anything else (javascript:, data:) stays text. */
function safeHref(url: string): string | null {
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  return /^https?:\/\//i.test(url) ? url : null;
}

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const [whole, code, strong, em, label, url] = m;
    const key = out.length;
    if (code !== undefined) out.push(<code key={key}>{code}</code>);
    else if (strong !== undefined) out.push(<strong key={key}>{inline(strong)}</strong>);
    else if (em !== undefined) out.push(<em key={key}>{inline(em)}</em>);
    else {
      const href = safeHref(url!);
      out.push(
        href ? (
          <a key={key} href={href} className="text-brand-700 underline dark:text-brand-300">
            {inline(label!)}
          </a>
        ) : (
          whole
        ),
      );
    }
    last = m.index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Renders one description: inline Markdown only, for a summary line or a table cell. */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{inline(text)}</>;
}

/** Renders a description with paragraphs (blank lines) and "- " bullet lists. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = text.split(/\n\s*\n/).filter((b) => b.trim());
  return (
    <div className={className}>
      {blocks.map((block, i) => {
        const lines = block.split("\n");
        if (lines.every((l) => /^\s*[-*] /.test(l)))
          return (
            <ul key={i} className="my-1 list-disc pl-5">
              {lines.map((l, j) => (
                <li key={j}>{inline(l.replace(/^\s*[-*] /, ""))}</li>
              ))}
            </ul>
          );
        return (
          <p key={i} className="my-1">
            {lines.map((l, j) => (
              <Fragment key={j}>
                {j > 0 ? " " : null}
                {inline(l)}
              </Fragment>
            ))}
          </p>
        );
      })}
    </div>
  );
}
