import path from "node:path";
import { defineConfig } from "vitest/config";

// Vite bundles this file elsewhere before running it, so paths come from the working directory.
const root = process.cwd();
const alias = {
  // lib/ modules mark themselves server-only; tests are server code.
  "server-only": path.join(root, "test/empty-module.ts"),
  "@": root,
};

// Integration tests (*.int.test.ts) run on SQLite always, and again on PostgreSQL when
// TEST_DATABASE_URL is set; unit tests run once.
const databases = ["sqlite", ...(process.env.TEST_DATABASE_URL ? ["postgresql"] : [])];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: databases.map((db) => ({
      resolve: { alias },
      test: {
        name: db,
        include:
          db === "sqlite"
            ? ["{lib,test,cli,scripts,components}/**/*.test.{ts,tsx}"]
            : ["{lib,test}/**/*.int.test.{ts,tsx}"],
        exclude: ["node_modules/**", "e2e/**", "lib/db/generated/**"],
        environment: "node",
        env: { TEST_DB: db },
        setupFiles: ["test/setup.ts"],
        testTimeout: 30_000,
        hookTimeout: 120_000,
        pool: "forks",
      },
    })),
  },
});
