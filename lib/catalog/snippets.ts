/**
 * "Use this dataset": copy-paste code that reads one dataset version as Parquet from outside the
 * app. Pure string building (no I/O), so every snippet's quoting is unit-tested. The token itself
 * is never embedded: only its hash is stored, and a page must not print a secret anyway; the
 * snippets read it from the DATASHELF_TOKEN environment variable. A link's URL carries its own
 * token, which the visitor already holds.
 */

export type SnippetAuth = "token" | "link";

export type DatasetSnippet = { id: "curl" | "pandas" | "duckdb-python" | "duckdb-cli"; label: string; code: string };

export type DatasetUrls = {
  /** this version, forever (a later version never changes what it returns) */
  version: string;
  /** always the newest version */
  latest: string;
};

const TOKEN_ENV = "DATASHELF_TOKEN";

/** The REST URLs of a dataset's Parquet (`/api/v1/data/...?format=parquet`), for API tokens. */
export function restParquetUrls(
  base: string,
  path: { owner: string; namespace: string; slug: string },
  version: number,
): DatasetUrls {
  const segments = [path.owner, path.namespace, path.slug].map((s) => encodeURIComponent(s.toLowerCase()));
  const latest = `${base}/api/v1/data/${segments.join("/")}?format=parquet`;
  return { version: `${latest}&version=${version}`, latest };
}

/** The download URLs of a dataset's Parquet through an access link (the link's token is in the URL). */
export function linkParquetUrls(base: string, datasetId: string, version: number, linkToken: string): DatasetUrls {
  const latest = `${base}/api/datasets/${encodeURIComponent(datasetId)}/download?format=parquet&link=${encodeURIComponent(linkToken)}`;
  return { version: `${latest}&version=${version}`, latest };
}

/** A POSIX shell word: single-quoted, with embedded single quotes closed, escaped and reopened. */
export const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
/** A Python string literal (JSON's escapes are a subset of Python's). */
export const pythonString = (s: string) => JSON.stringify(s);
/** A SQL string literal. */
export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The snippets for one Parquet URL; `file` names the curl download. */
export function datasetSnippets({
  url,
  file,
  auth,
}: {
  url: string;
  file: string;
  auth: SnippetAuth;
}): DatasetSnippet[] {
  const withToken = auth === "token";
  const origin = new URL(url).origin;
  const curl = withToken
    ? `curl -fL -H "Authorization: Bearer $${TOKEN_ENV}" -o ${shellQuote(file)} ${shellQuote(url)}`
    : `curl -fL -o ${shellQuote(file)} ${shellQuote(url)}`;
  const pandas = withToken
    ? [
        "import os",
        "import pandas as pd",
        "",
        `df = pd.read_parquet(`,
        `    ${pythonString(url)},`,
        `    storage_options={"Authorization": "Bearer " + os.environ[${pythonString(TOKEN_ENV)}]},`,
        ")",
      ].join("\n")
    : ["import pandas as pd", "", `df = pd.read_parquet(${pythonString(url)})`].join("\n");
  // httpfs asks for byte ranges; the export is streamed whole, so DuckDB downloads it in one go.
  const setup = "INSTALL httpfs; LOAD httpfs; SET force_download = true;";
  const secretSql = (bearer: string) =>
    `CREATE SECRET datashelf (TYPE http, SCOPE ${sqlString(origin)}, EXTRA_HTTP_HEADERS MAP {'Authorization': 'Bearer ${bearer}'});`;
  const select = `SELECT * FROM read_parquet(${sqlString(url)})`;
  const duckdbPython = [
    ...(withToken ? ["import os"] : []),
    "import duckdb",
    "",
    "con = duckdb.connect()",
    `con.sql(${pythonString(setup)})`,
    ...(withToken
      ? [
          `token = os.environ[${pythonString(TOKEN_ENV)}]`,
          // An f-string: the SQL's own braces are doubled.
          `con.sql(f${pythonString(secretSql("{token}").replaceAll("{'", "{{'").replaceAll("'}", "'}}"))})`,
        ]
      : []),
    `df = con.sql(${pythonString(select)}).df()`,
  ].join("\n");
  // A here-document: unquoted (the shell puts the token in) only when there is a token to put in.
  const duckdbCli = [
    withToken ? "duckdb <<SQL" : "duckdb <<'SQL'",
    setup,
    ...(withToken ? [secretSql(`$${TOKEN_ENV}`)] : []),
    // In an unquoted here-document dollars, backslashes and backquotes are the shell's: the URL keeps them literal.
    `${withToken ? select.replace(/[$`\\]/g, "\\$&") : select} LIMIT 10;`,
    "SQL",
  ].join("\n");
  return [
    { id: "curl", label: "curl", code: curl },
    { id: "pandas", label: "Python (pandas)", code: pandas },
    { id: "duckdb-python", label: "Python (DuckDB)", code: duckdbPython },
    { id: "duckdb-cli", label: "DuckDB CLI", code: duckdbCli },
  ];
}
