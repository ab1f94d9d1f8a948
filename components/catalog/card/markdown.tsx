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
    <div className={`markdown ${className ?? ""}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components} urlTransform={urlTransform}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
