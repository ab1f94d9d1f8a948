// The PostgreSQL schema is derived from prisma/schema.prisma rather than maintained by hand, so the two
// databases can never drift apart. Plain .mjs (not .ts) because `npm install` runs generate.mjs with bare
// Node, before tsx is guaranteed to work; engine.ts imports the same function through the .d.mts file.

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgresql/schema.prisma";

const HEADER = [
  "// generated, do not edit: derived from prisma/schema.prisma by scripts/db/generate.mjs",
  "// (only the datasource provider and the generator output differ).",
  "",
].join("\n");

/**
 * @param {string} text the content of prisma/schema.prisma
 * @returns {string} the PostgreSQL variant
 */
export function postgresSchemaFrom(text) {
  // Each replacement must hit exactly once: a silent no-op would generate a "PostgreSQL" schema that is
  // really SQLite (or writes its client over the SQLite one).
  let out = replaceOnce(
    text,
    /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"sqlite"/,
    '$1"postgresql"',
    'datasource provider = "sqlite"',
  );
  out = replaceOnce(
    out,
    /(generator\s+\w+\s*\{[^}]*?output\s*=\s*)"\.\.\/lib\/db\/generated\/sqlite"/,
    '$1"../../lib/db/generated/postgresql"',
    'generator output = "../lib/db/generated/sqlite"',
  );
  return HEADER + out;
}

/** @param {string} text @param {RegExp} pattern @param {string} replacement @param {string} what */
function replaceOnce(text, pattern, replacement, what) {
  const global = new RegExp(pattern.source, "g");
  const hits = text.match(global)?.length ?? 0;
  if (hits !== 1) {
    throw new Error(`prisma/schema.prisma: expected exactly one ${what}, found ${hits}`);
  }
  return text.replace(pattern, replacement);
}
