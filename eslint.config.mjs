import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "lib/db/generated/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      // app/ and components/ render and call lib/; they never touch the database themselves.
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db/generated/*", "@prisma/*"], message: "Use a lib/* service." }] },
      ],
    },
  },
  {
    files: ["lib/**", "scripts/**", "cli/**", "bench/**", "e2e/**"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
