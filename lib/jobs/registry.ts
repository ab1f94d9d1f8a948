import "server-only";
import { sendAccessReviews } from "@/lib/access-review/send-reviews";
import { sendExpiryReminders } from "@/lib/reminders/send-expiry-reminders";

export type JobSummary = Record<string, number>;

/** Limits a run to one workspace (an operator's or a test's run); periodic runs cover every workspace. */
export type JobScope = { workspaceId?: string };

export type Job = {
  name: string;
  description: string;
  run: (now: Date, scope: JobScope) => Promise<JobSummary>;
};

/** The periodic jobs, by name (the name is also their lease and the CLI's argument). */
export const JOBS: readonly Job[] = [
  {
    name: "expiry-reminders",
    description: "e-mails grantees and sharers ACCESS_REMINDER_DAYS before a grant or access link ends",
    run: sendExpiryReminders,
  },
  {
    name: "access-review",
    description: "e-mails each workspace's managers the grants and links unused for ACCESS_REVIEW_DAYS",
    run: sendAccessReviews,
  },
];

export function findJob(name: string): Job | undefined {
  return JOBS.find((job) => job.name === name);
}
