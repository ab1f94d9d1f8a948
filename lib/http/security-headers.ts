import { PERMISSIONS_POLICY } from "./static-headers.mjs";

/** The request header through which proxy.ts hands the page's CSP nonce to server components. */
export const NONCE_HEADER = "x-nonce";

/** A fresh CSP nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of every page. Rule: scripts run only from this origin and only
 * with this response's nonce ('strict-dynamic' lets those load Next's chunks); no page may be
 * framed by another site (frame-ancestors 'none'); no plugins; forms and <base> stay on this
 * origin. Styles allow 'unsafe-inline' because sonner and Radix set inline styles; styles cannot
 * run code. Development adds 'unsafe-eval', which React's dev tooling needs.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export { PERMISSIONS_POLICY };

/** Whether the app is served over https (APP_URL, or NEXTAUTH_URL), which turns HSTS on. */
export function servedOverHttps(): boolean {
  const url = process.env.APP_URL || process.env.NEXTAUTH_URL || "";
  return url.toLowerCase().startsWith("https:");
}

/**
 * The security headers of a page response (next.config.js adds the static ones to every response:
 * nosniff, X-Frame-Options, Referrer-Policy, from lib/http/static-headers.mjs). HSTS (180 days) only
 * when APP_URL is https: sent over plain http it would be ignored, and on a localhost install it would
 * break http for the host.
 */
export function pageSecurityHeaders(nonce: string, { dev = false } = {}): Record<string, string> {
  const https = servedOverHttps();
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, { dev, https }),
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(https ? { "Strict-Transport-Security": "max-age=15552000" } : {}),
  };
}
