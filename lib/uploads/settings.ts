import "server-only";
import { numberSetting } from "@/lib/config/number-settings";

/** UPLOAD_EXPIRE_HOURS (24): unfinished uploads are deleted, and stop counting against quotas, after this. */
export const uploadExpireMs = () => numberSetting("UPLOAD_EXPIRE_HOURS") * 3_600_000;

/** UPLOAD_MAX_OPEN_PER_USER (20): unfinished uploads one user may have at a time; the next one is refused with 429. */
export const maxOpenUploadsPerUser = () => numberSetting("UPLOAD_MAX_OPEN_PER_USER");

/**
 * UPLOAD_LOCK_LEASE_MS (10000): upload locks and the finishing step hold a database lease this
 * long, renewed every third of it while the request runs: a crashed process blocks its upload
 * for at most this long.
 */
export const uploadLeaseMs = () => numberSetting("UPLOAD_LOCK_LEASE_MS");

/** Test only: UPLOAD_TEST_COMMIT_DELAY_MS pauses a file upload's finishing step after its bytes left staging, before its row is committed (so a crash test can kill the process there). */
export const testCommitDelayMs = () => Number(process.env.UPLOAD_TEST_COMMIT_DELAY_MS || 0);

/** Test only: MULTIPART_TEST_COMPLETE_DELAY_MS pauses a multipart complete after it claimed the upload, before the dataset is written. */
export const testMultipartDelayMs = () => Number(process.env.MULTIPART_TEST_COMPLETE_DELAY_MS || 0);

/**
 * FILE_REQUEST_IDLE_MINUTES (30): an upload through a file request that receives no bytes for
 * this long stops holding its slot and its share of the quota, and is cancelled when it comes
 * back (so empty uploads opened by an anonymous visitor cannot fill a request for a day).
 */
export const fileRequestIdleMs = () => numberSetting("FILE_REQUEST_IDLE_MINUTES") * 60_000;

/** FILE_REQUEST_OPEN_PER_VISITOR (5): unfinished uploads one visitor may have open on one file request at a time. */
export const maxOpenPerVisitor = () => numberSetting("FILE_REQUEST_OPEN_PER_VISITOR");
