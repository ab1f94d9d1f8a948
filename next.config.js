import { STATIC_HEADERS } from "./lib/http/static-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Parallel builds (e.g. two e2e runs) can each use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native or WASM server packages stay outside the bundle (see ../shared/notes/stack.md).
  serverExternalPackages: [
    "@duckdb/node-api",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
  ],
  poweredByHeader: false,
  // NEXT_PROFILE_BUILD=1 keeps the server code unminified, so a CPU profile (bench/cpu-profile-top.ts)
  // names our functions; never for a deployment.
  ...(process.env.NEXT_PROFILE_BUILD === "1" ? { experimental: { turbopackMinify: { server: false } } } : {}),
  // `npm test` type-checks the whole project first (tsc --noEmit); checking again inside every
  // build only doubles the build time.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: STATIC_HEADERS,
      },
      {
        // Access link pages: the token is in the URL, so it must not leak through the Referer
        // header to other sites, and no shared cache may keep what a link showed.
        source: "/s/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
