// The response headers every response carries whatever answers it: next.config.js sets them on every
// path, the server's direct routes (scripts/direct-routes.mjs) on theirs, and the benchmark's floor app
// (bench/floor-app/next.config.mjs, built by bench/http-floor.ts with a copy of this file beside its config)
// sets the same, so Next's floor costs what the app's responses cost. Plain ESM, because both configurations load it with Node as they are.

/** Browser features no page of the app uses, switched off for it and anything it embeds. */
export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), browsing-topics=()";

/**
 * nosniff, no framing by any page, no full URL in the Referer header sent to other sites, and no browser feature
 * the app does not use.
 */
export const STATIC_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
];
