// The response headers every response carries whatever answers it: next.config.js sets them on every
// path, and the benchmark's floor app (bench/floor-app/next.config.mjs, built by bench/http-floor.ts
// with a copy of this file beside its config) sets the same, so Next's floor costs what the app's
// responses cost. Plain ESM, because both configurations load it with Node as they are.

/** nosniff, no framing by any page, and no full URL in the Referer header sent to other sites. */
export const STATIC_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];
