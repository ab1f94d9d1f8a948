// Scripts and the CLI run lib/ modules outside Next.js, where the `server-only` marker package
// throws on import. They are server code by definition, so the marker resolves to nothing here.
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
