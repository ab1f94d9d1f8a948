/** What a numeric setting may be: at least `min` (or above it, when `above`), and a whole number when `whole`. */
type NumberRule = { fallback: number; min: number; above?: boolean; whole?: boolean; unit: string };

const GiB = 1024 ** 3;

type Env = Record<string, string | undefined>;

/**
 * Every numeric setting read from the environment, with its default and the values it may take. Limits and
 * throttles are among them, so a value that is not a number must never quietly become NaN (every comparison
 * with NaN is false: a typo in LINK_MAX_FAILURES would switch the password throttle off). `npm start` checks all
 * of them before the server starts (`numberSettingProblems`), and each read checks its own.
 */
const NUMBER_SETTINGS = {
  API_MAX_JSON_BYTES: { fallback: 64 * 1024 * 1024, min: 1, whole: true, unit: "bytes" },
  API_MAX_JSON_DEPTH: { fallback: 64, min: 1, whole: true, unit: "levels" },
  LINK_MAX_FAILURES: { fallback: 10, min: 1, whole: true, unit: "failures" },
  LINK_MAX_DELAY_MS: { fallback: 8_000, min: 0, unit: "milliseconds" },
  LINK_PASSWORD_FREE_FAILURES: { fallback: 10, min: 0, whole: true, unit: "failures" },
  LINK_DEFAULT_DAYS: { fallback: 7, min: 0, above: true, unit: "days" },
  LINK_MAX_DAYS: { fallback: 365, min: 0, above: true, unit: "days" },
  SHARE_INVITATION_DAYS: { fallback: 7, min: 0, above: true, unit: "days" },
  SIGNIN_MAIL_PER_ADDRESS: { fallback: 5, min: 1, whole: true, unit: "e-mails" },
  SIGNIN_MAIL_PER_CLIENT: { fallback: 20, min: 1, whole: true, unit: "e-mails" },
  SIGNIN_MAIL_WINDOW_MINUTES: { fallback: 15, min: 0, above: true, unit: "minutes" },
  SIGN_IN_LINK_MINUTES: { fallback: 15, min: 0, above: true, unit: "minutes" },
  SESSION_MAX_AGE_DAYS: { fallback: 30, min: 0, above: true, unit: "days" },
  UPLOAD_MAX_BYTES: { fallback: 10 * GiB, min: 1, whole: true, unit: "bytes" },
  UPLOAD_EXPIRE_HOURS: { fallback: 24, min: 0, above: true, unit: "hours" },
  UPLOAD_MAX_OPEN_PER_USER: { fallback: 20, min: 1, whole: true, unit: "uploads" },
  UPLOAD_LOCK_LEASE_MS: { fallback: 10_000, min: 0, above: true, unit: "milliseconds" },
  FILE_REQUEST_IDLE_MINUTES: { fallback: 30, min: 0, above: true, unit: "minutes" },
  FILE_REQUEST_OPEN_PER_VISITOR: { fallback: 5, min: 1, whole: true, unit: "uploads" },
  FILES_QUOTA_BYTES: { fallback: 50 * GiB, min: 1, whole: true, unit: "bytes" },
  EMAIL_MAX_ATTEMPTS: { fallback: 8, min: 1, whole: true, unit: "attempts" },
  EMAIL_RETRY_BASE_MS: { fallback: 5_000, min: 0, unit: "milliseconds" },
  EMAIL_LEASE_MS: { fallback: 60_000, min: 0, above: true, unit: "milliseconds" },
  EMAIL_CLAIM_MS: { fallback: 300_000, min: 0, above: true, unit: "milliseconds" },
  EMAIL_POLL_MS: { fallback: 5_000, min: 0, above: true, unit: "milliseconds" },
  OUTBOX_RETENTION_DAYS: { fallback: 30, min: 0, above: true, unit: "days" },
  DATABASE_POOL_SIZE: { fallback: 10, min: 1, whole: true, unit: "connections" },
  CATALOG_MAX_UPLOAD_BYTES: { fallback: 2 * GiB, min: 1, whole: true, unit: "bytes" },
  CATALOG_INGEST_EXPIRE_HOURS: { fallback: 24, min: 0, above: true, unit: "hours" },
  DUCKDB_THREADS: { fallback: 4, min: 1, whole: true, unit: "threads" },
  CATALOG_OPEN_DATASETS: { fallback: 8, min: 1, whole: true, unit: "datasets" },
  CATALOG_DATASET_CONNECTIONS: { fallback: 4, min: 1, whole: true, unit: "connections" },
  CATALOG_QUERY_TIMEOUT_MS: { fallback: 30_000, min: 0, above: true, unit: "milliseconds" },
  CATALOG_MAX_ROWS: { fallback: 50_000_000, min: 1, whole: true, unit: "rows" },
  CATALOG_MAX_EXPANDED_BYTES: { fallback: 16 * GiB, min: 1, whole: true, unit: "bytes" },
  CATALOG_MAX_NESTING: { fallback: 16, min: 1, whole: true, unit: "levels" },
  CATALOG_MAX_EXPORT_BYTES: { fallback: 4 * GiB, min: 1, whole: true, unit: "bytes" },
  CATALOG_MAX_SPILL_BYTES: { fallback: 4 * GiB, min: 1, whole: true, unit: "bytes" },
  CATALOG_EXPORTS_PER_USER: { fallback: 2, min: 1, whole: true, unit: "exports" },
  CATALOG_WRITE_WAIT_MS: { fallback: 300_000, min: 0, above: true, unit: "milliseconds" },
  CATALOG_EXPORTS_PER_LINK: { fallback: 4, min: 1, whole: true, unit: "exports" },
  SQL_CONSOLE_TIMEOUT_MS: { fallback: 30_000, min: 0, above: true, unit: "milliseconds" },
  SQL_CONSOLE_MAX_RESULT_ROWS: { fallback: 100_000, min: 1, whole: true, unit: "rows" },
  SQL_CONSOLE_MAX_EXPORT_ROWS: { fallback: 5_000_000, min: 1, whole: true, unit: "rows" },
  SQL_CONSOLE_MAX_SQL_CHARS: { fallback: 20_000, min: 1, whole: true, unit: "characters" },
  SQL_CONSOLE_MAX_DATASETS: { fallback: 8, min: 1, whole: true, unit: "datasets" },
  API_RATE_LIMIT_PER_MINUTE: { fallback: 600, min: 0, above: true, unit: "requests" },
  RATE_LIMIT_FLUSH_MS: { fallback: 1_000, min: 0, unit: "milliseconds" },
  ACCESS_REQUEST_COOLDOWN_HOURS: { fallback: 24, min: 0, unit: "hours" },
  ACCESS_REQUESTS_PER_HOUR: { fallback: 10, min: 1, whole: true, unit: "requests" },
  SHARE_MAIL_MAX_PER_HOUR: { fallback: 20, min: 1, whole: true, unit: "addresses" },
  SHARE_MAIL_MAX_PER_DAY: { fallback: 50, min: 1, whole: true, unit: "addresses" },
  SHARE_RESEND_MINUTES: { fallback: 10, min: 1, whole: true, unit: "minutes" },
  UNAVAILABLE_RETRY_AFTER_SECONDS: { fallback: 10, min: 1, whole: true, unit: "seconds" },
  JOBS_POLL_MS: { fallback: 600_000, min: 0, unit: "milliseconds" },
  DB_MIGRATE_WAIT_SECONDS: { fallback: 120, min: 0, above: true, unit: "seconds" },
  ORPHAN_GRACE_HOURS: { fallback: 6, min: 0, unit: "hours" },
  // Read by scripts/server.mjs (plain JavaScript); checked here with the others before `npm start` serves.
  PAGE_RENDER_CONCURRENCY: { fallback: 2, min: 0, whole: true, unit: "page renders" },
  PAGE_RENDER_HOLD_MS: { fallback: 250, min: 0, above: true, unit: "milliseconds" },
  PAGE_CACHE_MB: { fallback: 64, min: 0, unit: "MiB" },
  PAGE_CACHE_MAX_AGE_S: { fallback: 60, min: 0, above: true, unit: "seconds" },
} as const satisfies Record<string, NumberRule>;

export type NumberSettingName = keyof typeof NUMBER_SETTINGS;

function describeRule(rule: NumberRule): string {
  const kind = rule.whole ? "a whole number of" : "a number of";
  const bound = rule.above ? `above ${rule.min}` : `at least ${rule.min}`;
  return `${kind} ${rule.unit}, ${bound}`;
}

/** The problem with one setting's value, or null when it is unset, blank or valid. */
function problemWith(name: NumberSettingName, raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === "") return null;
  const rule: NumberRule = NUMBER_SETTINGS[name];
  const value = Number(raw);
  const fits =
    Number.isFinite(value) &&
    (rule.above ? value > rule.min : value >= rule.min) &&
    (!rule.whole || Number.isSafeInteger(value));
  return fits ? null : `${name} must be ${describeRule(rule)}; got "${raw}".`;
}

/**
 * A numeric setting: unset or blank gives its default (`fallback` when the caller's default depends on the
 * machine); any other value must fit the setting's rule, or this throws an error naming the variable.
 */
export function numberSetting(name: NumberSettingName, fallback?: number, env: Env = process.env) {
  const raw = env[name];
  const problem = problemWith(name, raw);
  if (problem) throw new Error(problem);
  if (raw === undefined || raw.trim() === "") return fallback ?? NUMBER_SETTINGS[name].fallback;
  return Number(raw);
}

/** Every numeric setting of `env` that does not fit its rule, one sentence each (checked before the server starts). */
export function numberSettingProblems(env: Env = process.env): string[] {
  return (Object.keys(NUMBER_SETTINGS) as NumberSettingName[])
    .map((name) => problemWith(name, env[name]))
    .filter((problem): problem is string => problem !== null);
}
