import { numberSetting } from "@/lib/config/number-settings";

/**
 * How long someone waits before asking again for the same resource after a request of theirs was
 * decided (ACCESS_REQUEST_COOLDOWN_HOURS, default 24): a denial is not answered by a stream of requests.
 */
export function requestCooldownMs(): number {
  return numberSetting("ACCESS_REQUEST_COOLDOWN_HOURS") * 3_600_000;
}

/** Requests one person may send per hour across all resources (ACCESS_REQUESTS_PER_HOUR, default 10). */
export function requestsPerHour(): number {
  return numberSetting("ACCESS_REQUESTS_PER_HOUR");
}
