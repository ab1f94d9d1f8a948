// Where the app's HTTP server (scripts/server.mjs) listens. Kept apart so it can be tested.
import net from "node:net";

export const DEFAULT_HOST = "127.0.0.1";

/**
 * The interface to listen on. Rule: localhost unless the operator names a host for the app.
 * DATASHELF_HOST may be any address or name. HOSTNAME (the Next.js convention) counts only when it
 * is an IP address or "localhost": shells and container runtimes set HOSTNAME to the machine's
 * name on their own, and that must never open the server to the network.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string}
 */
export function listenHost(env = process.env) {
  const explicit = env.DATASHELF_HOST?.trim();
  if (explicit) return explicit;
  const hostname = env.HOSTNAME?.trim();
  if (hostname && (net.isIP(hostname) || hostname.toLowerCase() === "localhost")) return hostname;
  return DEFAULT_HOST;
}

/**
 * Whether only this machine can reach a server listening on `host`.
 * @param {string} host
 */
export function isLoopbackHost(host) {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === "::ffff:127.0.0.1";
}
