const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * Rule: a URL from a card's Markdown is followed only when it is absolute http(s) or mailto, or a
 * fragment of the page (#section). Everything else (javascript:, data:, vbscript:, file:, relative
 * paths that could point into the app) becomes "", which the renderer shows as plain text.
 */
export function safeLinkUrl(url: string): string {
  const value = url.trim();
  if (/^#[^\s]*$/.test(value)) return value;
  try {
    const parsed = new URL(value);
    return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : "";
  } catch {
    return "";
  }
}

/** Rule: an image is referenced only by an absolute http(s) URL; anything else is dropped (""). */
export function safeImageUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : "";
  } catch {
    return "";
  }
}

/** A source field as a link when it is an absolute http(s) URL; otherwise it is shown as text. */
export function sourceUrl(source: string): string | undefined {
  const url = safeImageUrl(source);
  return url && !/\s/.test(source.trim()) ? url : undefined;
}
