import type { Result } from "@/lib/util/result";

/** Appends `?link=<token>` to a data URL when the page is shown through an access link. */
export function withLink(url: string, linkToken?: string): string {
  if (!linkToken) return url;
  return `${url}${url.includes("?") ? "&" : "?"}link=${encodeURIComponent(linkToken)}`;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Fetches JSON, turning the one error shape ({ error }) into an ApiError with the server's message. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { Accept: "application/json", ...init?.headers } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ApiError(response.status, body?.error ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as T;
}

/**
 * A server action's Result as a value, or its message as an Error carrying the field errors
 * (for TanStack mutations, whose onError shows the message and forms mark the fields).
 */
export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw Object.assign(new Error(r.message), { fieldErrors: r.fieldErrors });
  return r.data;
}
