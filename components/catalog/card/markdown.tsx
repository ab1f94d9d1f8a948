import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { safeImageUrl, safeLinkUrl } from "@/lib/catalog/card/safe-url";

const LINK_REL = "noopener nofollow noreferrer";

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel={LINK_REL} target={href.startsWith("#") ? undefined : "_blank"} className="underline">
        {children}
      </a>
    ) : (
      // an unsafe link keeps its text, not its target
      <span>{children}</span>
    ),
  // The page's content security policy loads images only from this site, and a README's images would
  // tell their host who reads the card: an image is a link to it, never loaded inline.
  img: ({ src, alt }) => {
    const url = typeof src === "string" ? src : "";
    const label = alt ? `Image: ${alt}` : "Image";
    return url ? (
      <a href={url} rel={LINK_REL} target="_blank" className="underline">
        {label}
      </a>
    ) : (
      <span>{label}</span>
    );
  },
  table: ({ children }) => (
    <div className="overflow-x-auto">
      <table>{children}</table>
    </div>
  ),
};

// Tailwind has no typography plugin here: the few Markdown elements are styled from the wrapper.
const PROSE = [
  "space-y-3 break-words text-sm leading-6",
  "[&_h1]:text-xl [&_h1]:font-semibold [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_h4]:font-medium",
  "[&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-zinc-300 [&_blockquote]:pl-3 [&_blockquote]:text-zinc-600 dark:[&_blockquote]:border-zinc-700 dark:[&_blockquote]:text-zinc-400",
  "[&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs dark:[&_code]:bg-zinc-800",
  "[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-zinc-100 [&_pre]:p-3 dark:[&_pre]:bg-zinc-800 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_table]:min-w-full [&_th]:border [&_th]:border-zinc-200 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_td]:border [&_td]:border-zinc-200 [&_td]:px-2 [&_td]:py-1 dark:[&_td]:border-zinc-800 dark:[&_th]:border-zinc-800",
  "[&_a]:text-brand-700 dark:[&_a]:text-brand-400 [&_hr]:border-zinc-200 dark:[&_hr]:border-zinc-800",
].join(" ");

function urlTransform(url: string, key: string, node: { tagName?: string }): string {
  return node.tagName === "img" && key === "src" ? safeImageUrl(url) : safeLinkUrl(url);
}

/**
 * A card's Markdown (GitHub flavoured), rendered safely. Rule: raw HTML is never interpreted (no
 * rehype-raw: an HTML block or tag is shown as its literal text), links open in a new tab with
 * rel="noopener nofollow noreferrer", and only http(s)/mailto/#fragment URLs survive (safe-url.ts).
 */
export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`${PROSE} ${className ?? ""}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components} urlTransform={urlTransform}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
