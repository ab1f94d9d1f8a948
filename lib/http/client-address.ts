/**
 * The header through which the app's own HTTP server (scripts/server.mjs) hands the socket's peer
 * address to route handlers, pages and server actions. The server deletes any copy a client sends,
 * so its value is never client-controlled.
 */
export const CLIENT_ADDRESS_HEADER = "x-datashelf-client-address";

/** How many reverse proxies in front of the app append to X-Forwarded-For (TRUST_PROXY=<n>; 0 = none). */
export function trustedProxyHops(): number {
  const raw = (process.env.TRUST_PROXY ?? "").trim().toLowerCase();
  if (raw === "true") return 1;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/**
 * The client's address. Rule: the socket's peer address (set by our server, never by the client);
 * only with TRUST_PROXY=<n> is X-Forwarded-For read, and then the n-th address from the right
 * (the right-most hop our own proxies did not add), because the left-most entries are whatever
 * the client wrote. Without a known address (a server that does not set the header, e.g. tests)
 * the answer is "unknown", which is one bucket, never a client-chosen one.
 */
export function clientAddress(headers: Headers): string {
  const socket = normalise(headers.get(CLIENT_ADDRESS_HEADER));
  const hops = trustedProxyHops();
  if (hops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => normalise(part))
      .filter((part): part is string => Boolean(part));
    // The socket peer is the last proxy; X-Forwarded-For's last entry was added by it, and so on.
    const candidate = chain[chain.length - hops];
    if (candidate) return candidate;
    if (chain.length) return chain[0]!;
  }
  return socket ?? "unknown";
}

/** Whether an address is the local machine (127.0.0.0/8, ::1, IPv4-mapped loopback). */
export function isLoopback(address: string | null | undefined): boolean {
  const a = normalise(address);
  if (!a) return false;
  return a === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

function normalise(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  return v.startsWith("::ffff:") && v.includes(".") ? v.slice(7) : v;
}
