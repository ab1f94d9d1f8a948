// Loads Prisma's schema engine (the migrate/diff engine) as WebAssembly. The CLI's native engine cannot be
// downloaded on these machines, so we drive the WASM build ourselves through a driver adapter.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine };

// The .wasm shipped inside the `prisma` CLI package is built from exactly the engine commit the 7.10.1 CLI
// pins (@prisma/engines-version d1b3f377…), so migrations it writes and checksums are what `prisma migrate`
// itself would produce. @prisma/schema-engine-wasm's own .wasm is a newer commit; we use only its JS glue,
// whose import table is identical. (Its .wasm is the fallback should a future CLI stop shipping one.)
const require = createRequire(import.meta.url);
const CLI_WASM = path.join(path.dirname(require.resolve("prisma/package.json")), "build/schema_engine_bg.wasm");
const WASM_PATH = existsSync(CLI_WASM)
  ? CLI_WASM
  : path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");

let loaded = false;

function load(): void {
  if (loaded) return;
  // The package entry does `import * as wasm from "./x.wasm"`, which Node rejects; instantiate by hand.
  const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
  // The engine arms a 10 s timer (its PostgreSQL advisory-lock timeout) and never clears it, which kept every
  // script alive for 10 s after its work was done. Engine timers must not hold the process open: unref them.
  for (const key of Object.keys(imports).filter((k) => k.startsWith("__wbg_setTimeout_"))) {
    const setTimer = imports[key] as (...args: unknown[]) => unknown;
    imports[key] = (...args: unknown[]) => {
      const timer = setTimer(...args);
      (timer as { unref?: () => void } | null)?.unref?.();
      return timer;
    };
  }
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(WASM_PATH)), {
    "./schema_engine_bg.js": imports,
  });
  glue.__wbg_set_wasm(instance.exports);
  // A Rust panic calls global.PRISMA_WASM_PANIC_REGISTRY.set_message() before trapping; without a registry
  // the panic message is lost behind a TypeError.
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      lastPanic = message;
    },
  };
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

let lastPanic: string | undefined;

/** The engine commit hash, e.g. for error reports. */
export function engineVersion(): string {
  load();
  return glue.version();
}

/**
 * Runs `fn` with a schema engine bound to `adapterFactory`, then frees the engine. `schema` is the Prisma
 * schema text; the engine reads the provider from it.
 */
export async function withEngine<T>(
  schema: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  load();
  const log = (line: string) => {
    if (process.env.DEBUG?.includes("schema-engine")) process.stderr.write(`${line}\n`);
  };
  let engine: SchemaEngine | undefined;
  try {
    engine = await glue.SchemaEngine.new(
      { datamodels: [["schema.prisma", schema]] },
      log,
      // The engine calls adapter methods unbound and expects Result objects; the binder provides both.
      bindMigrationAwareSqlAdapterFactory(adapterFactory),
    );
    return await fn(engine);
  } catch (error) {
    throw engineError(error);
  } finally {
    engine?.free();
  }
}

// Engine errors arrive as plain objects or bare WASM traps; turn them into Errors with a readable message.
function engineError(error: unknown): Error {
  if (error instanceof WebAssembly.RuntimeError && lastPanic) {
    const panic = lastPanic;
    lastPanic = undefined;
    return new Error(`Prisma schema engine panicked: ${panic}`, { cause: error });
  }
  if (error instanceof Error) return error;
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") {
    return Object.assign(new Error(error.message), error);
  }
  return new Error(String(error));
}
