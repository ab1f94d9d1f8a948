import { appUrl } from "@/lib/email/config";

/**
 * Whether a browser Origin is the app's own public origin (APP_URL). Rule for CORS: no other
 * site's page may read or drive our endpoints with the visitor's cookies; same-origin requests
 * need no CORS header at all.
 */
export function isAppOrigin(origin: string): boolean {
  try {
    return new URL(origin).origin === new URL(appUrl()).origin;
  } catch {
    return false;
  }
}
