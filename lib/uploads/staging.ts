import path from "node:path";
import { dataDir } from "@/lib/storage";

/**
 * Where partial uploads are staged: tus uploads (bytes plus a `.json` with the metadata and
 * offset) at the top, other multi-request uploads in a named subfolder. With several app
 * instances, UPLOAD_DIR must be one directory they all mount (NFS, EFS, a shared volume): a
 * client's next request may reach another instance than its first. Locks live in the database
 * (see DbLocker), so the directory needs no file locking. Default: `<DATA_DIR>/uploads`.
 */
export function stagingDir(subfolder?: string): string {
  const root = process.env.UPLOAD_DIR
    ? path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR)
    : path.join(dataDir(), "uploads");
  return subfolder ? path.join(root, subfolder) : root;
}
