import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      // other build folders (NEXT_DIST_DIR, e.g. a second build kept for A/B benchmarks), git-ignored like .next
      ".next-*/**",
      "lib/db/generated/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db/generated/*", "@prisma/*"], message: "Use a lib/* service." }] },
      ],
    },
  },
  {
    // app/ and components/ render and call lib/; they never touch the database themselves.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*", "@prisma/*"],
              message: "app/ and components/ call a lib/* service; they never query.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**", "scripts/**", "cli/**", "bench/**", "e2e/**"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
