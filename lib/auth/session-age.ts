import { numberSetting } from "@/lib/config/number-settings";

/** How long a session lasts without use (SESSION_MAX_AGE_DAYS, default 30). */
export const SESSION_MAX_AGE_DAYS = numberSetting("SESSION_MAX_AGE_DAYS");

/** A session used more than this long after its last extension is extended again (next-auth's updateAge). */
export const SESSION_UPDATE_AGE_SECONDS = 86_400;
