/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value) return "/";
  const base = "http://app.invalid";
  try {
    const url = new URL(value, base);
    const app = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : null;
    if (url.origin !== base && url.origin !== app) return "/";
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
