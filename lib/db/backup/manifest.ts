// The layout of a backup folder: manifest.json (written last: a folder without it is incomplete),
// the database snapshot, blobs/ (the blob folder's files), auth-secret (when the instance generated one).
import type { DatabaseProvider } from "../config";

export const MANIFEST = "manifest.json";
export const BLOBS_DIR = "blobs";
export const SECRET_FILE = "auth-secret";

export type Manifest = {
  format: 1;
  provider: DatabaseProvider;
  /** The snapshot's file name in the backup folder. */
  database: string;
  blobs: number;
  authSecret: boolean;
  startedAt: string;
  finishedAt: string;
};
