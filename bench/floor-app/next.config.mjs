// The floor app's configuration: the app's own (next.config.js) where it changes what a request costs.
// bench/http-floor.ts copies lib/http/static-headers.mjs to the same path in the folder it builds this
// app in, so the import below is the app's own list of headers, not a copy that could drift from it.
import { STATIC_HEADERS } from "./lib/http/static-headers.mjs";

/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...STATIC_HEADERS],
      },
    ];
  },
};

export default config;
