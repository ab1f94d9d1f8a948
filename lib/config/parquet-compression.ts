// Kept free of path aliases and server-only imports: scripts/start-prepare.mjs checks it before the app starts.

/**
 * Block compressions a stored dataset version's Parquet file may use (CATALOG_PARQUET_COMPRESSION). DuckDB writes one
 * page per column and row group, so reading one row decompresses that row group's whole column: the codec's speed is
 * what a grid page of scattered rows (a sorted page) costs. lz4_raw decompresses several times faster than zstd, for
 * files about a third larger on typical data.
 */
export const PARQUET_COMPRESSIONS = ["lz4_raw", "zstd", "snappy", "uncompressed"] as const;
export type ParquetCompression = (typeof PARQUET_COMPRESSIONS)[number];
const DEFAULT: ParquetCompression = "lz4_raw";

function setting(): string {
  return (process.env.CATALOG_PARQUET_COMPRESSION ?? "").trim().toLowerCase() || DEFAULT;
}

/** Why CATALOG_PARQUET_COMPRESSION cannot be used, or null when it can. */
export function parquetCompressionProblem(): string | null {
  const value = setting();
  return (PARQUET_COMPRESSIONS as readonly string[]).includes(value)
    ? null
    : `CATALOG_PARQUET_COMPRESSION="${process.env.CATALOG_PARQUET_COMPRESSION}" is not one of ${PARQUET_COMPRESSIONS.join(", ")}`;
}

/**
 * The codec for the next stored version file. Rule: only a value from PARQUET_COMPRESSIONS is returned (it is written
 * into the COPY statement); anything else throws, naming the setting, so a typo never writes with a codec nobody chose.
 */
export function parquetCompression(): ParquetCompression {
  const problem = parquetCompressionProblem();
  if (problem) throw new Error(problem);
  return setting() as ParquetCompression;
}
