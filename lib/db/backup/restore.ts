// `npm run cli -- restore <dir> [--force]`: puts a backup back into this instance's DATA_DIR and database.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { applyMigrations } from "../migrations/engine";
import { copyNewBlobs, listBlobs } from "./blob-copy";
import { databaseHasData, restoreDatabase } from "./database-snapshot";
import { locations, type LocationSettings } from "./locations";
import { BLOBS_DIR, MANIFEST, SECRET_FILE, type Manifest } from "./manifest";
import { conflict, invalid } from "@/lib/util/errors";

/**
 * Rule: a restore never overwrites data silently. It refuses a target that already has a database or
 * blobs unless `force` is set; then the target's database and blobs are replaced, not merged. Run it
 * with the server stopped. Migrations are applied afterwards, so an older backup fits newer code.
 */
export async function restore(
  dir: string,
  { force = false, ...settings }: LocationSettings & { force?: boolean } = {},
): Promise<Manifest> {
  const source = path.resolve(dir);
  const manifest = await readManifest(source);
  const loc = locations(settings);
  if (manifest.provider !== loc.provider) {
    throw invalid(`The backup holds a ${manifest.provider} database, but DATABASE_URL points to ${loc.provider}.`);
  }
  if (!force && ((await databaseHasData(loc)) || (await listBlobs(loc.blobDir)).length > 0)) {
    throw conflict(
      "The target already has a database or blobs; restore into an empty DATA_DIR/database, or pass --force to replace them.",
    );
  }

  await restoreDatabase(loc, source, manifest.database);
  await fsp.rm(loc.blobDir, { recursive: true, force: true });
  await fsp.mkdir(loc.blobDir, { recursive: true });
  await copyNewBlobs(path.join(source, BLOBS_DIR), loc.blobDir);
  if (manifest.authSecret) {
    await fsp.mkdir(path.dirname(loc.authSecretFile), { recursive: true });
    await fsp.copyFile(path.join(source, SECRET_FILE), loc.authSecretFile);
    await fsp.chmod(loc.authSecretFile, 0o600);
  }
  await applyMigrations(loc.databaseUrl);
  return manifest;
}

async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw invalid(`${dir} is not a complete backup (no ${MANIFEST}).`);
  const manifest = JSON.parse(await fsp.readFile(file, "utf8")) as Manifest;
  if (manifest.format !== 1) throw invalid(`Unknown backup format ${String(manifest.format)}.`);
  return manifest;
}
