import { trustedProxyHops } from "./client-address";

/**
 * Whether a state-changing request comes from one of the app's own pages. Rule: a request whose
 * `Origin` is present must name this host (the Host header, the forwarded host behind a trusted
 * proxy, or APP_URL's host); `Origin: null` and a browser's `Sec-Fetch-Site` of `cross-site` or
 * `same-site` (a sibling origin) are foreign. A request with neither header is not from a
 * browser page (curl, an API client) and passes; cookies alone never authorise a foreign page.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  if (origin === null) return true;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return false; // "null" or garbage
  }
  return allowedHosts(headers).has(host);
}

function allowedHosts(headers: Headers): Set<string> {
  const hosts = new Set<string>();
  const add = (value: string | null | undefined) => {
    const v = value?.split(",")[0]?.trim().toLowerCase();
    if (v) hosts.add(v);
  };
  add(headers.get("host"));
  if (trustedProxyHops() > 0) add(headers.get("x-forwarded-host"));
  for (const url of [process.env.APP_URL, process.env.NEXTAUTH_URL]) {
    if (!url) continue;
    try {
      add(new URL(url).host);
    } catch {
      /* ignore a malformed setting here; config validation reports it */
    }
  }
  return hosts;
}
