// `npm run cli -- backup <dir>`: a consistent snapshot of a running instance (database + local blobs).
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { copyNewBlobs } from "./blob-copy";
import { locations, type LocationSettings } from "./locations";
import { snapshotDatabase } from "./database-snapshot";
import { BLOBS_DIR, MANIFEST, SECRET_FILE, type Manifest } from "./manifest";
import { conflict } from "@/lib/util/errors";

/**
 * Rule: every blob the database snapshot refers to is in the backup, while the server keeps writing.
 * Blobs are written before the rows that name them and removed only after, so blobs are copied once
 * before the database snapshot (everything that may be referenced and then deleted meanwhile) and once
 * after it (what was added until the snapshot). `dir` must be empty or not exist.
 */
export async function backup(dir: string, settings: LocationSettings = {}): Promise<Manifest> {
  const loc = locations(settings);
  const target = path.resolve(dir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw conflict(`${target} is not empty; back up into a new folder.`);
  }
  await fsp.mkdir(path.join(target, BLOBS_DIR), { recursive: true, mode: 0o700 });
  await fsp.chmod(target, 0o700); // holds the auth secret and every user's data

  const startedAt = new Date();
  let blobs = await copyNewBlobs(loc.blobDir, path.join(target, BLOBS_DIR));
  const database = await snapshotDatabase(loc, target);
  blobs += await copyNewBlobs(loc.blobDir, path.join(target, BLOBS_DIR));
  const hasSecret = fs.existsSync(loc.authSecretFile);
  if (hasSecret) await fsp.copyFile(loc.authSecretFile, path.join(target, SECRET_FILE));

  const manifest: Manifest = {
    format: 1,
    provider: loc.provider,
    database,
    blobs,
    authSecret: hasSecret,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
  };
  await fsp.writeFile(path.join(target, MANIFEST), JSON.stringify(manifest, null, 2) + "\n", { mode: 0o600 });
  return manifest;
}
