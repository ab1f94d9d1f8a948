import { AppError } from "@/lib/util/errors";

/** A whole number of days from the environment: unset or empty is `fallback`, anything else must be ≥ 0. */
export function daysFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const days = Number(raw);
  if (!Number.isFinite(days) || days < 0)
    throw new AppError("invalid", `${name} must be a number of days ≥ 0 (got "${raw}").`);
  return days;
}

/** How many days before a grant or access link ends its people are reminded (ACCESS_REMINDER_DAYS, default 3; 0: never). */
export const reminderDays = (): number => daysFromEnv("ACCESS_REMINDER_DAYS", 3);

/** Unused for this many days, a grant or link is listed in the access review (ACCESS_REVIEW_DAYS, default 90; 0: no reviews). */
export const reviewUnusedDays = (): number => daysFromEnv("ACCESS_REVIEW_DAYS", 90);

/** A workspace's managers get the access review at most once per this many days (ACCESS_REVIEW_EVERY_DAYS, default 30). */
export const reviewEveryDays = (): number => daysFromEnv("ACCESS_REVIEW_EVERY_DAYS", 30) || 30;

export const DAY_MS = 86_400_000;
