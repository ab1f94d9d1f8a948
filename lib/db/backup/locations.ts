// Where an instance keeps what a backup must hold: the database, the blob folder, the generated auth secret.
import path from "node:path";
import { dataDir } from "@/lib/storage";
import { databaseUrl, providerOfUrl, sqlitePath, type DatabaseProvider } from "../config";
import { invalid } from "@/lib/util/errors";

export type Locations = {
  databaseUrl: string;
  provider: DatabaseProvider;
  /** The SQLite file (SQLite only). */
  sqliteFile?: string;
  /** The local blob folder. */
  blobDir: string;
  /** DATA_DIR/.auth-secret: signs sign-in tokens when NEXTAUTH_SECRET is not set. */
  authSecretFile: string;
};

export type LocationSettings = { databaseUrl?: string; dataDir?: string; storageUrl?: string };

/** The instance's locations from DATABASE_URL, DATA_DIR and STORAGE_URL (or the given overrides). */
export function locations(settings: LocationSettings = {}): Locations {
  const url = settings.databaseUrl ?? databaseUrl();
  const data = path.resolve(settings.dataDir ?? dataDir());
  const storage = settings.storageUrl ?? process.env.STORAGE_URL;
  if (storage && !storage.startsWith("file:")) {
    throw invalid(
      "Blobs are in object storage (STORAGE_URL is not a file: folder); back up the bucket with its own tools " +
        "(versioning, replication or a bucket copy). `backup` and `restore` handle a local blob folder only.",
    );
  }
  const provider = providerOfUrl(url);
  return {
    databaseUrl: url,
    provider,
    sqliteFile: provider === "sqlite" ? sqlitePath(url) : undefined,
    blobDir: storage ? path.resolve(storage.slice("file:".length)) : path.join(data, "blobs"),
    authSecretFile: path.join(data, ".auth-secret"),
  };
}
