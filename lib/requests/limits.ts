/**
 * How long someone waits before asking again for the same resource after a request of theirs was
 * decided (ACCESS_REQUEST_COOLDOWN_HOURS, default 24): a denial is not answered by a stream of requests.
 */
export function requestCooldownMs(): number {
  const n = Number(process.env.ACCESS_REQUEST_COOLDOWN_HOURS);
  return (Number.isFinite(n) && n >= 0 ? n : 24) * 3_600_000;
}

/** Requests one person may send per hour across all resources (ACCESS_REQUESTS_PER_HOUR, default 10). */
export function requestsPerHour(): number {
  const n = Number(process.env.ACCESS_REQUESTS_PER_HOUR);
  return Number.isInteger(n) && n > 0 ? n : 10;
}
