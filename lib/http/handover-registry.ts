/**
 * Takes what the app's own HTTP server (scripts/server.mjs) handed over for this request: the entry
 * of the registry at `globalThis[registry]` (a Map the server fills, a random key per request) named
 * by the request's `header`. The entry leaves the registry as it is taken, so each key is handed out
 * once. Undefined when the request has no key, no registry exists (`next start`, tests) or the key is
 * unknown. Rule: only the server sets that header (it deletes any copy a client sends; keys are
 * random, 128 bits), so a request can only ever take its own entry.
 */
export function takeHandedOver<T>(request: Request, header: string, registry: symbol): T | undefined {
  const key = request.headers.get(header);
  const entries = (globalThis as { [key: symbol]: Map<string, T> | undefined })[registry];
  if (!key || !entries) return undefined;
  const entry = entries.get(key);
  entries.delete(key);
  return entry;
}
