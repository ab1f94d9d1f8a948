import { defineConfig } from "prisma/config";

// Used only by Prisma CLI commands (generate). Migrations are applied by scripts/db/migrate.ts
// through the WASM schema engine, because the CLI's native engine cannot be downloaded here.
export default defineConfig({
  schema: process.env.PRISMA_SCHEMA ?? "prisma/schema.prisma",
});
