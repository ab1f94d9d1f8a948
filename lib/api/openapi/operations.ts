import { z } from "zod";
import { summaryRequestSchema } from "@/lib/aggregate/summary-schema";
import { dataLinksRevokeBody, dataLinksShareBody } from "../datalinks-shares";
import { listDataQuerySchema } from "../data";
import { folderQuerySchema } from "../files";
import { insightsQuerySchema } from "@/lib/insights/api";
import { ingestBodySchema } from "../ingest-records";
import { createKeyBody, keysQuerySchema } from "../keys";
import { policyInput } from "@/lib/policies/schemas";
import { profileQuerySchema } from "@/lib/catalog/profile/api";
import { initiateBodySchema } from "../multipart";
import { rowsQuerySchema } from "../row-params";
import { consoleQuerySchema } from "@/lib/sql-console/query-input";
import { sharedByBodySchema } from "../shared-by";
import { apiCreateRequestBody, apiDatasetRequestBody, apiRequestsQuery } from "@/lib/requests/api";
import { approveRequestInput, denyRequestInput } from "@/lib/requests/schemas";
import { createFileRequestBody, fileRequestsQuery } from "@/lib/file-requests/api";
import { cardUpdateSchema } from "@/lib/catalog/card/card-schema";
import { workspaceSharesQuery } from "@/lib/sharing/workspace-shares";
import { createWorkspaceInput } from "@/lib/workspaces/create-workspace";
import * as R from "./response-schemas";

export type Method = "get" | "post" | "put" | "patch" | "delete" | "head";

/** A request header an operation reads (the tus protocol's). */
export type HeaderParameter = { name: string; required: boolean; description: string; schema: Record<string, unknown> };

/** One documented operation. `query` and `body` are the very schemas the route handlers validate with. */
export type Operation = {
  method: Method;
  /** OpenAPI path under /api/v1, e.g. "/data/{owner}/{namespace}" */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** a raw (non-JSON) request body */
  rawBody?: string;
  example?: unknown;
  /** status → what it means; a success with a JSON body names its schema, errors use the one error shape */
  responses: Record<number, string | Reply>;
  /** a JSON or binary success body, for the reference page */
  produces?: string[];
  public?: boolean;
  /** request headers beyond Authorization */
  headers?: HeaderParameter[];
  /** the base URL when not /api/v1 (the tus endpoint is /api/uploads) */
  server?: string;
};

/** A success answer with a JSON body: what it means and the zod schema of the body. */
export type Reply = { description: string; schema: z.ZodType };
const reply = (description: string, schema: z.ZodType): Reply => ({ description, schema });

/** The zod schema of an operation's answer with this status, when it has a JSON body. */
export function replySchema(op: Operation, status: number): z.ZodType | undefined {
  const r = op.responses[status];
  return typeof r === "object" ? r.schema : undefined;
}

const DATALINKS = "DataLinks sharing";
const DATA = "Data";
const VERACITY = "Workspace shares";
const KEYS = "Access keys";
const POLICIES = "Sharing policies";
const WORKSPACES = "Workspaces";
const FILES = "Files";
const FILE_REQUESTS = "File requests";
const META = "Reference";
const REQUESTS = "Access requests";

const UNAVAILABLE = "The database is unreachable; nothing was changed (Retry-After).";
const FULL = "The server's (or the database's) disk is full; nothing was saved.";
const MALFORMED =
  "A malformed request: bad percent-encoding or a NUL character (%00) in the URL, or a body that is not JSON or holds a NUL.";
const TOO_LARGE = "The JSON body is larger than API_MAX_JSON_BYTES (64 MB by default).";
const common = {
  400: MALFORMED,
  401: "Missing, invalid, expired or revoked token.",
  429: "Rate limit; see Retry-After.",
  503: UNAVAILABLE,
};
/** What every write can also answer: a full disk. */
const write = { ...common, 507: FULL };
/** What every JSON body can also answer. */
const jsonBody = { 400: MALFORMED, 413: TOO_LARGE };

const shareResponses = {
  200: "Done (empty body).",
  ...jsonBody,
  403: "The caller can read but not manage it (access can be managed by the owner only), or the workspace's sharing policy forbids this grant (the message names the rule).",
  404: "No such (readable) namespace or dataset, or the person has no grant to revoke.",
  422: 'Role not exactly "aggregate"/"viewonly"/"viewer"/"editor" ("aggregate" on datasets only), minGroupSize outside 2..1000, or unknown username (named in the error).',
  ...write,
};
const listShareResponses = {
  200: reply(
    "The current direct grants: [{username, role}], pending [{email, role}] and [{workspace, role}].",
    R.dataLinksGrants,
  ),
  403: shareResponses[403],
  404: "No such (readable) namespace or dataset.",
  ...common,
};
const multipartWrite = {
  403: "The caller can read the dataset but not write it (viewer).",
  404: "No such dataset, not readable, or not the caller's upload.",
};

function datalinks(kind: "namespaces" | "datasets"): Operation[] {
  const path =
    kind === "namespaces"
      ? "/permissions/namespaces/{owner}/{namespace}/shares"
      : "/permissions/datasets/{owner}/{namespace}/{datasetName}/shares";
  const what = kind === "namespaces" ? "a namespace (every dataset in it, present and future)" : "a dataset";
  return [
    {
      method: "post",
      path,
      tag: DATALINKS,
      summary: `Share ${what}`,
      description:
        'Grants a user (by username, matched lowercase) or an e-mail address without an account (an invitation) the role "aggregate" (Totals only, datasets only: grouped summaries whose every group has at least minGroupSize rows, default 10; never rows), "viewonly" (can view rows, statistics and previews; cannot download or export), "viewer" (view and download) or "editor". Sharing again changes the role.',
      body: dataLinksShareBody,
      example: { username: "alice", role: "viewer" },
      responses: shareResponses,
    },
    {
      method: "get",
      path,
      tag: DATALINKS,
      summary: `List who ${kind === "namespaces" ? "the namespace" : "the dataset"} is shared with`,
      responses: listShareResponses,
    },
    {
      method: "delete",
      path,
      tag: DATALINKS,
      summary: `Revoke access to ${what}`,
      description: "Removes the person's grant whatever role the body names.",
      body: dataLinksRevokeBody,
      example: { username: "alice", role: "viewer" },
      responses: shareResponses,
    },
  ];
}

const multipart = "/upload/multipart/{owner}/{namespace}/{datasetName}";

/** Uploading a part answers the same to POST and PUT (the PUT form is for S3-style clients). */
const uploadPart = {
  path: `${multipart}/{uploadId}/parts/{partNumber}`,
  tag: DATA,
  rawBody: "application/octet-stream",
  responses: {
    200: reply("{uploadId, partNumber, size}.", R.multipartPart),
    409: "The upload is being completed or aborted right now.",
    413: "The upload is larger than allowed.",
    422: "Empty part, a part cut off by a dropped connection (send it again), or bad part number.",
    ...multipartWrite,
    ...write,
  },
} satisfies Omit<Operation, "method" | "summary">;

const createRequestResponses = {
  201: reply("The request, pending; the managers were e-mailed.", R.accessRequestCreated),
  ...jsonBody,
  409: "A request of the caller's for it is already pending, the caller can already read it, or the link still works.",
  422: "Message or answer too long, a question unanswered or the terms not accepted (named in fieldErrors).",
  429: "Asked again within ACCESS_REQUEST_COOLDOWN_HOURS (24) of an answer, or more than ACCESS_REQUESTS_PER_HOUR (10) requests an hour (Retry-After; the rule is in the message).",
  401: common[401],
  400: common[400],
  503: UNAVAILABLE,
  507: FULL,
};
const decideResponses = (what: string) => ({
  200: reply(`${what}: {id, status, role, expiresAt}.`, R.accessRequestDecision),
  ...jsonBody,
  403: "The caller can see the resource but does not manage it: access can be managed by the owner only.",
  404: "No such request, or its resource is not visible to the caller.",
  409: "The request was already approved or denied.",
  ...write,
});

function datasetCard(): Operation[] {
  const card = "/datasets/{owner}/{namespace}/{datasetName}/card";
  const notReadable = "No such dataset, or not readable (the same answer).";
  const listedOnly =
    "A Listed dataset the caller cannot open: its card, like its rows, is for those who can read it (ask for access).";
  return [
    {
      method: "get",
      path: card,
      tag: DATA,
      summary: "Read a dataset's card",
      description:
        "The README (Markdown), license (SPDX id, name and URL, free text, or none), citation, source and one description per column. Anyone who can read the dataset.",
      responses: { 200: reply("{card}", R.datasetCard), 403: listedOnly, 404: notReadable, ...common },
    },
    {
      method: "patch",
      path: card,
      tag: DATA,
      summary: "Change a dataset's card (editors)",
      description:
        'Only the fields given change; `columns` is merged (an empty description removes one). Limits: README 100 KB (UTF-8), 1,000 characters per column description, 10,000 for the citation, 2,000 for the source. License ids come from the SPDX list (case-insensitive); anything else is `{kind: "other", text}`. Each change is kept as a revision; pass `baseRevision` to refuse (409) a save over someone else\'s newer card.',
      body: cardUpdateSchema,
      example: {
        readme: "# Weather stations\n\nHourly readings.",
        license: { kind: "spdx", id: "CC-BY-4.0" },
        columns: { temp_c: "Air temperature, °C" },
        baseRevision: 3,
      },
      responses: {
        200: reply("{card}: the card as it now stands.", R.datasetCard),
        ...jsonBody,
        403: "The caller can read the dataset but not write it (viewer).",
        404: notReadable,
        409: "baseRevision is not the card's current revision: someone saved in between.",
        422: "A field over its limit, an unknown license id, or a description for a column the dataset does not have (fieldErrors names it).",
        ...write,
      },
    },
    {
      method: "get",
      path: `${card}/revisions`,
      tag: DATA,
      summary: "List a dataset card's revisions",
      responses: {
        200: reply(
          "{revisions: [{number, createdAt, createdBy, changed, dataVersion}]}, newest first.",
          R.cardRevisionList,
        ),
        403: listedOnly,
        404: notReadable,
        ...common,
      },
    },
    {
      method: "get",
      path: `${card}/revisions/{number}`,
      tag: DATA,
      summary: "Read one revision of a dataset's card",
      responses: {
        200: reply("{revision: {number, createdAt, createdBy, changed, dataVersion, card}}", R.cardRevisionOne),
        403: listedOnly,
        404: "No such dataset or revision, or not readable.",
        422: "The revision number is not a whole number from 1.",
        ...common,
      },
    },
  ];
}

function accessRequests(): Operation[] {
  const dataset = "/datasets/{owner}/{namespace}/{datasetName}/access-requests";
  return [
    {
      method: "post",
      path: dataset,
      tag: REQUESTS,
      summary: "Ask for access to a Listed dataset",
      description:
        "Any signed-in caller may ask for a Listed dataset: a message, one answer per question the managers set (in order) and acceptTerms when they set terms. A Private or missing dataset answers the same 404. One pending request per person and dataset.",
      body: apiDatasetRequestBody,
      example: { message: "For the Q3 churn study", answers: ["Research", "Data team"], acceptTerms: true },
      responses: { ...createRequestResponses, 404: "No such dataset, or not Listed (the same answer)." },
    },
    {
      method: "get",
      path: dataset,
      tag: REQUESTS,
      summary: "List a dataset's access requests (managers)",
      query: apiRequestsQuery,
      responses: {
        200: reply("{requests: [...]}, newest first; every status unless `status` is given.", R.accessRequestList),
        403: "The caller can read the dataset but does not manage it.",
        404: "No such (readable) dataset.",
        422: "Unknown status.",
        ...common,
      },
    },
    {
      method: "post",
      path: "/requests",
      tag: REQUESTS,
      summary: "Ask for access from a Listed dataset, an ended grant or an expired link",
      description:
        'The body names where the request starts: {source: "discover", datasetId}, {source: "grant", shareId} (a grant of the caller\'s that ended) or {source: "link", token} (an expired or revoked access link the caller held), with message, answers and acceptTerms.',
      body: apiCreateRequestBody,
      example: { source: "link", token: "sl_…", message: "The link I had expired" },
      responses: { ...createRequestResponses, 404: "No such dataset, grant or link for the caller." },
    },
    {
      method: "get",
      path: "/requests",
      tag: REQUESTS,
      summary: "The caller's own access requests and their answers",
      responses: { 200: reply("{requests: [...]}, newest first.", R.accessRequestList), ...common },
    },
    {
      method: "get",
      path: "/requests/{requestId}",
      tag: REQUESTS,
      summary: "One access request (its resource's managers, or its requester)",
      responses: {
        200: reply("{request, canDecide}.", R.accessRequestOne),
        404: "No such request, or neither the caller's nor one they manage.",
        ...common,
      },
    },
    {
      method: "post",
      path: "/requests/{requestId}/approve",
      tag: REQUESTS,
      summary: "Approve an access request with a role and an optional end date",
      description:
        'Creates a normal grant ("viewonly", "viewer" or "editor", until expiresAt if given) as sharing does: audited, and the requester is e-mailed.',
      body: approveRequestInput,
      example: { role: "viewonly", expiresAt: "2027-01-31T00:00:00Z" },
      responses: {
        ...decideResponses("Approved"),
        422: 'Role not exactly "viewonly"/"viewer"/"editor", or an end date in the past.',
      },
    },
    {
      method: "post",
      path: "/requests/{requestId}/deny",
      tag: REQUESTS,
      summary: "Deny an access request with an optional reason",
      description: "The requester is e-mailed the reason. Send {} for none.",
      body: denyRequestInput,
      example: { reason: "This dataset is for staff only." },
      responses: { ...decideResponses("Denied"), 422: "The reason is longer than 1000 characters." },
    },
  ];
}

/** Every operation the API serves under /api/v1 (a test checks this against app/api/v1). */
export const OPERATIONS: Operation[] = [
  ...accessRequests(),
  ...datasetCard(),
  ...datalinks("namespaces"),
  ...datalinks("datasets"),
  {
    method: "get",
    path: "/data/{owner}/{namespace}",
    tag: DATA,
    summary: "List the datasets of a namespace the caller can read",
    description:
      "A grantee sees the datasets shared with them (directly, through the namespace, or through one of their workspaces) and public ones.",
    query: listDataQuerySchema,
    responses: {
      200: reply("{owner, namespace, total, page, pageCount, datasets: [...]}", R.datasetList),
      404: "No such namespace, or nothing in it is readable.",
      422: "Invalid parameter.",
      ...common,
    },
  },
  {
    method: "get",
    path: "/data/{owner}/{namespace}/{datasetName}",
    tag: DATA,
    summary: "Read a dataset's rows",
    description:
      "format=json returns a page {columns, data, total, nextCursor}; csv, jsonl and parquet stream every matching row. Filter syntax: see docs/api.md. A view-only caller (can view, cannot download) gets JSON pages only: at most 50 rows each, within the first `rowWindow` (1000) rows of the query; the bulk formats answer 403.",
    query: rowsQuerySchema,
    produces: ["application/json", "text/csv", "application/x-ndjson", "application/vnd.apache.parquet"],
    responses: {
      200: reply(
        "Rows: a JSON page {dataset, version, columns, data, total, limit, nextCursor, rowWindow}, or the stream.",
        R.rowsPage,
      ),
      403: "View-only access: a bulk format (csv, jsonl, parquet), or an offset beyond the view-only row window.",
      404: "No such dataset, or not readable.",
      422: "Unknown column, bad filter or bad value (named in the error).",
      ...common,
    },
  },
  {
    method: "get",
    path: "/datasets/{owner}/{namespace}/{datasetName}/profile",
    tag: DATA,
    summary: "Read a dataset version's column profile",
    description:
      "Per column: nulls, distinct values (exact up to CATALOG_PROFILE_EXACT_ROWS rows, else an estimate with distinctExact false), min/max of ordered types, mean/stddev/quartiles of numbers, a histogram of numbers, dates and timestamps, and the top values of text and booleans. Computed once per version at ingest.",
    query: profileQuerySchema,
    responses: {
      200: reply("{version, rows, exactRowLimit, profileVersion, columns: [...]}", R.datasetProfile),
      404: "No such dataset or version, or not readable.",
      422: "Invalid version.",
      ...common,
    },
  },
  {
    method: "post",
    path: "/datasets/{owner}/{namespace}/{datasetName}/summary",
    tag: DATA,
    summary: "Grouped totals of a dataset (the only data a Totals-only grantee gets)",
    description:
      'groupBy names 0 to 3 columns; measures are {fn: "count"} or {fn: "sum"|"avg"|"min"|"max", column} on numeric columns; filters use the row query\'s filter structure. The server writes the SQL (no SQL text is accepted). For a caller with "aggregate" (Totals only) access every group, including the single group of an ungrouped total, must hold at least their minimum group size of rows, or the whole answer is refused (403); they summarise the current version only. Callers who may view rows get the same summaries without a minimum.',
    body: summaryRequestSchema,
    example: { groupBy: ["region"], measures: [{ fn: "count" }, { fn: "sum", column: "amount" }] },
    responses: {
      200: reply("{version, groupBy, measures, rows, minGroupSize}", R.summaryResult),
      ...jsonBody,
      403: "Totals-only access: a group would have fewer rows than the caller's minimum group size, or an earlier version was asked for.",
      404: "No such dataset, or not shared with the caller at all.",
      422: "Unknown column, a non-numeric measure column, a column that cannot be grouped, too many groups (over 10,000) or a bad filter value (named in the error).",
      ...common,
    },
  },
  {
    method: "post",
    path: "/query",
    tag: DATA,
    summary: "Run a read-only SQL query (the SQL console)",
    description:
      'Exactly one SELECT over datasets the caller can read, named as quoted identifiers "owner/namespace/dataset" (or "owner/namespace/dataset@version"). Parsed by DuckDB; anything else (ATTACH, COPY, PRAGMA, SET, file readers such as read_csv, several statements) is refused with 422. Runs in a sandbox with the console\'s time, memory and result-size limits (docs/catalog.md). A dataset that does not exist and one the caller cannot read give the same 404. On a dataset the caller holds "Totals only" (aggregate) on, only one grouped total over that dataset alone is run, and only when every group has at least the caller\'s minimum group size (docs/sharing.md).',
    body: consoleQuerySchema,
    example: { sql: 'SELECT city, count(*) AS n FROM "alice/sales/orders" GROUP BY city ORDER BY n DESC', limit: 100 },
    responses: {
      200: reply("One page of the result and whether it may be downloaded.", R.consoleResult),
      403: "Totals-only access: not one grouped total over that dataset alone, a group with fewer rows than the caller's minimum group size, or an earlier version.",
      404: "A named dataset does not exist or is not readable by the caller (the same answer for both).",
      413: "The query needed more memory or temporary space than the console allows.",
      422: "Not one SELECT, a refused table or function, a mistake in the query (DuckDB's message), or the time limit.",
      ...common,
    },
  },
  {
    method: "post",
    path: "/ingest/{namespace}/{datasetName}",
    tag: DATA,
    summary: "Write JSON records into one of the caller's own namespaces",
    description:
      'Creates the dataset if it is new, else appends (the columns must match). In the {"data": [...]} form, "options": {"columns": [{"source", "name", "type"}]} renames columns or gives them a type; a value that does not fit is refused naming the column, value and record.',
    body: ingestBodySchema,
    example: [
      { id: 1, name: "first" },
      { id: 2, name: "second" },
    ],
    responses: {
      200: reply(
        "Appended: {dataset, datasetId, version, rowsAdded, rowCount, columns, created: false}.",
        R.ingestResult,
      ),
      201: reply("Created: the same, with created: true.", R.ingestResult),
      ...jsonBody,
      404: "The caller has no namespace of that name.",
      409: "Another write to the dataset is under way, or the name was taken meanwhile; send again.",
      422: "Schema mismatch (columns named), invalid records, invalid UTF-8, nesting too deep, or a column option refused (a name taken or invalid, a type a value does not fit: column, value and record named).",
      ...write,
    },
  },
  {
    method: "post",
    path: `${multipart}/initiate`,
    tag: DATA,
    summary: "Start a multipart upload into a dataset (editors of someone else's dataset too)",
    description:
      'options says how the joined file is read when it completes: for CSV/TSV the delimiter, header (true/false), quote ("" for none) and encoding (utf-8, latin-1, windows-1252, utf-16; detected when left out); for every format, per column a new name and/or type. The same options as the upload review page.',
    body: initiateBodySchema,
    example: {
      format: "csv",
      mode: "append",
      options: {
        delimiter: ";",
        encoding: "latin-1",
        columns: [{ source: "Amount", name: "amount", type: "DECIMAL(18,2)" }],
      },
    },
    responses: {
      201: reply("{uploadId, format, mode, options, partUrl, completeUrl, abortUrl, expiresOn}.", R.multipartStarted),
      ...jsonBody,
      422: "Invalid format, mode or options (named in the error).",
      ...multipartWrite,
      ...write,
    },
  },
  {
    method: "post",
    ...uploadPart,
    summary: "Upload one part (raw bytes)",
    description: "Parts are numbered from 1 without gaps; sending a number again replaces that part. PUT works too.",
  },
  { method: "put", ...uploadPart, summary: "Upload one part (raw bytes), PUT form" },
  {
    method: "get",
    path: `${multipart}/{uploadId}`,
    tag: DATA,
    summary: "List the parts received so far",
    responses: {
      200: reply("{uploadId, format, mode, parts: [{partNumber, size}]}.", R.multipartParts),
      ...multipartWrite,
      ...common,
    },
  },
  {
    method: "post",
    path: `${multipart}/{uploadId}/complete`,
    tag: DATA,
    summary: "Join the parts and write them as the dataset's next version",
    responses: {
      200: reply("{uploadId, datasetId, version, rowsAdded, rowCount, columns}.", R.multipartCompleted),
      409: "The dataset changed meanwhile, another request is completing this upload right now (ask again), or a part is still arriving after UPLOAD_LOCK_LEASE_MS (complete waits that long for it). A retry after success gets the same answer; after a crash it finishes the job.",
      413: "The parts together are larger than CATALOG_MAX_UPLOAD_BYTES (the total is named; the upload stays open).",
      422: "Missing parts, unreadable file or schema mismatch (columns named).",
      ...multipartWrite,
      ...write,
    },
  },
  {
    method: "post",
    path: `${multipart}/{uploadId}/abort`,
    tag: DATA,
    summary: "Abort a multipart upload",
    responses: {
      200: "Aborted (empty body).",
      409: "The upload is being completed right now.",
      ...multipartWrite,
      ...write,
    },
  },
  {
    method: "delete",
    path: `${multipart}/{uploadId}`,
    tag: DATA,
    summary: "Abort a multipart upload (DELETE form)",
    responses: {
      200: "Aborted (empty body).",
      409: "The upload is being completed right now.",
      ...multipartWrite,
      ...write,
    },
  },
  {
    method: "get",
    path: "/workspaces",
    tag: WORKSPACES,
    summary: "List the caller's workspaces",
    responses: { 200: reply("[{id, owner, slug, name, personal, role}]", R.workspaceList), ...common },
  },
  {
    method: "post",
    path: "/workspaces",
    tag: WORKSPACES,
    summary: "Create a workspace (namespace) owned by the caller",
    body: createWorkspaceInput,
    example: { name: "Lab", slug: "lab" },
    responses: {
      201: reply("{id, owner, slug, name}", R.workspaceCreated),
      ...jsonBody,
      409: "The caller already has a workspace with that slug.",
      422: "Invalid name or slug.",
      ...write,
    },
  },
  {
    method: "get",
    path: "/workspaces/{workspaceId}/shares",
    tag: VERACITY,
    summary: "Query the grants in a workspace (managers)",
    query: workspaceSharesQuery,
    responses: {
      200: reply("{items, page, pageSize, total}", R.sharePage),
      403: "Members who are not managers.",
      404: "No such workspace, or not readable.",
      422: "Invalid filter.",
      ...common,
    },
  },
  {
    method: "get",
    path: "/workspaces/{workspaceId}/shares/{shareId}",
    tag: VERACITY,
    summary: "One grant",
    responses: {
      200: reply(
        "{id, resourceType, resourceId, granteeType, grantee, role, status, note, expiresOn, createdBy, createdOn}",
        R.shareView,
      ),
      403: "Not a manager.",
      404: "No such grant in this workspace.",
      ...common,
    },
  },
  {
    method: "post",
    path: "/workspaces/{workspaceId}/shares/{shareId}/revoke",
    tag: VERACITY,
    summary: "Revoke a grant",
    responses: {
      200: "Revoked (empty body).",
      403: "Not a manager.",
      404: "No such grant in this workspace.",
      ...write,
    },
  },
  {
    method: "post",
    path: "/workspaces/{workspaceId}/shares/sharedBy/query",
    tag: VERACITY,
    summary: "Who shared each dataset with this workspace or the caller, and when",
    body: sharedByBodySchema,
    example: { datasetIds: ["<dataset id>"] },
    responses: {
      200: reply(
        '[{datasetId, sharedBy: {id, type: "User"|"Workspace", name}, sharedOn, role, sharedWith, scope}]',
        R.sharedByItems,
      ),
      ...jsonBody,
      404: "No such workspace, or the caller is not in it.",
      422: "Invalid body.",
      ...common,
    },
  },
  {
    method: "get",
    path: "/workspaces/{workspaceId}/insights",
    tag: "Insights",
    summary: "Who viewed and downloaded a resource, or came through an access key (managers)",
    description:
      "Views (page, preview, link open) and downloads (file content, export, ZIP, bulk data) of a dataset, a file, a folder with everything in it, or through one access key, over the last 30 days: per UTC day, per person or link visitor, and the latest 200 one by one. Each is recorded at most once per person (or visitor) per resource and hour. Link visitors appear as a short keyed id, never an address.",
    query: insightsQuerySchema,
    responses: {
      200: reply("{subject, days, totals, people, events, link, grants, ...}", R.insights),
      403: "The caller can read the resource but does not manage it.",
      404: "No such resource or key in this workspace, or not readable.",
      422: "Invalid resourceType or resourceId.",
      ...common,
    },
  },
  {
    method: "post",
    path: "/workspaces/{workspaceId}/keys",
    tag: KEYS,
    summary: "Issue an access key (read-only link) for a resource of the workspace",
    body: createKeyBody,
    example: { resource: { type: "workspace", id: "<workspace id>" }, label: "partner read access" },
    responses: {
      201: reply("{id, token, url, expiresOn} (the token is shown once)", R.keyCreated),
      ...jsonBody,
      403: "Not a manager, or the workspace's sharing policy forbids it (the message names the rule).",
      404: "No such resource in this workspace.",
      422: "Invalid dates, mode, password or label.",
      ...write,
    },
  },
  {
    method: "get",
    path: "/workspaces/{workspaceId}/keys",
    tag: KEYS,
    summary: "List the workspace's keys (never their tokens)",
    query: keysQuerySchema,
    responses: {
      200: reply("[{id, resource, label, mode, prefix, hasPassword, startsOn, expiresOn, revokedOn, ...}]", R.keyList),
      403: "Not a manager.",
      404: "No such workspace, or not readable.",
      422: "Invalid resourceType or resourceId.",
      ...common,
    },
  },
  {
    method: "delete",
    path: "/workspaces/{workspaceId}/keys",
    tag: KEYS,
    summary: "Revoke every key of one resource, or of the whole workspace",
    query: keysQuerySchema,
    responses: {
      200: reply("{revoked: n}", R.revokedCount),
      403: "Not a manager.",
      404: "No such workspace or resource.",
      422: "Only one of resourceType and resourceId, or an invalid one.",
      ...write,
    },
  },
  {
    method: "delete",
    path: "/workspaces/{workspaceId}/keys/{keyId}",
    tag: KEYS,
    summary: "Revoke one key",
    responses: {
      200: reply("{revoked: 1}", R.revokedCount),
      403: "Not a manager.",
      404: "No such key in this workspace.",
      ...write,
    },
  },
  {
    method: "get",
    path: "/workspaces/{workspaceId}/policy",
    tag: POLICIES,
    summary: "The workspace's sharing policy (null or default = no limit)",
    responses: {
      200: reply("The policy", R.sharingPolicy),
      403: "Not a member of the workspace.",
      404: "No such workspace, or not readable.",
      ...common,
    },
  },
  {
    method: "put",
    path: "/workspaces/{workspaceId}/policy",
    tag: POLICIES,
    summary: "Replace the workspace's sharing policy (managers)",
    description:
      "Fields left out mean no limit. Applies to every new or extended link and every new or raised grant; existing ones that break it are listed by GET /workspaces/{workspaceId}/policy/violations.",
    body: policyInput,
    example: { linkMaxDays: 7, linkPasswordRequired: true, allowedEmailDomains: ["example.com"] },
    responses: {
      200: reply("The saved policy", R.sharingPolicy),
      ...jsonBody,
      403: "Not a manager.",
      404: "No such workspace, or not readable.",
      422: "Invalid body (named in fieldErrors).",
      ...write,
    },
  },
  {
    method: "get",
    path: "/workspaces/{workspaceId}/policy/violations",
    tag: POLICIES,
    summary: "Live links and grants that break the current sharing policy (managers)",
    responses: {
      200: reply("[{kind, id, resource, name, expiresOn, breaches, shortenTo}]", R.policyViolations),
      403: "Not a manager.",
      404: "No such workspace, or not readable.",
      ...common,
    },
  },
  {
    method: "get",
    path: "/workspaces/{workspaceId}/files",
    tag: FILES,
    summary: "List the workspace's top folder",
    query: folderQuerySchema,
    responses: {
      200: reply("{folderId, entries, total, nextOffset}", R.folderPage),
      404: "No such workspace or nothing readable.",
      422: "Invalid parameter.",
      ...common,
    },
  },
  {
    method: "get",
    path: "/files/folders/{folderId}",
    tag: FILES,
    summary: "List a folder",
    query: folderQuerySchema,
    responses: {
      200: reply("{folderId, entries, total, nextOffset}", R.folderPage),
      404: "No such folder, or not readable.",
      422: "Invalid parameter.",
      ...common,
    },
  },
  {
    method: "get",
    path: "/files/{fileId}/content",
    tag: FILES,
    summary: "Download a file (Range supported)",
    produces: ["application/octet-stream"],
    responses: {
      200: "The bytes.",
      206: "The requested range.",
      304: "Not modified (If-None-Match or If-Modified-Since).",
      404: "No such file, or not readable.",
      416: "Range not satisfiable (Content-Range: bytes */size).",
      ...common,
    },
  },
  {
    method: "head",
    path: "/files/{fileId}/content",
    tag: FILES,
    summary: "A file's headers (size, type, ETag)",
    responses: {
      200: "Headers only.",
      206: "Headers of the requested range.",
      304: "Not modified (If-None-Match or If-Modified-Since).",
      404: "No such file, or not readable.",
      416: "Range not satisfiable (Content-Range: bytes */size).",
      ...common,
    },
  },
  {
    method: "get",
    path: "/file-requests",
    tag: FILE_REQUESTS,
    summary: "List a folder's file requests",
    description: "Upload-only links to the folder, newest first, with how many files each has received.",
    query: fileRequestsQuery,
    responses: {
      200: reply("[{id, title, audience, maxFileBytes, maxFiles, received, expiresAt, active, ...}]", R.fileRequests),
      403: "The caller can read the folder but not write it.",
      404: "No such folder, or not readable.",
      422: "folderId missing.",
      ...common,
    },
  },
  {
    method: "post",
    path: "/file-requests",
    tag: FILE_REQUESTS,
    summary: "Create a file request (an upload-only link to a folder)",
    description:
      "Visitors of the returned URL can send files into the folder (or a new subfolder named for the title) and see nothing of it. audience anyone or signed-in; maxFileBytes is checked against each upload's Upload-Length before any byte is accepted, maxFiles counts received files and uploads in progress. The token is in the URL of this answer only.",
    body: createFileRequestBody,
    example: { folderId: "cm0folder", title: "Receipts Q1", maxFileBytes: 10485760, maxFiles: 20 },
    responses: {
      201: reply("{id, url, expiresAt, targetFolderId}", R.createdFileRequest),
      ...jsonBody,
      403: "The caller can read the folder but not write it.",
      404: "No such folder, or not readable.",
      422: "Invalid input (named in fieldErrors): title, limits, end date, password.",
      ...write,
    },
  },
  {
    method: "delete",
    path: "/file-requests/{requestId}",
    tag: FILE_REQUESTS,
    summary: "Revoke a file request",
    description: "New uploads and the next chunk of uploads in progress are refused at once.",
    responses: {
      200: "Revoked (empty body); also when it was revoked already.",
      404: "No such file request, or the caller may not write its folder.",
      ...write,
    },
  },
  {
    method: "get",
    path: "/openapi.json",
    tag: META,
    summary: "This document",
    public: true,
    responses: { 200: reply("The OpenAPI 3.1 document.", R.openApiDocument) },
  },
  ...tusOperations(),
];

/** The tus 1.0 upload endpoint (/api/uploads): the same bearer token; any tus client works. */
function tusOperations(): Operation[] {
  const TUS = "Uploads (tus)";
  const version: HeaderParameter = {
    name: "Tus-Resumable",
    required: true,
    description: "The tus protocol version.",
    schema: { type: "string", const: "1.0.0" },
  };
  const offset: HeaderParameter = {
    name: "Upload-Offset",
    required: true,
    description: "The byte the body starts at (the Upload-Offset HEAD answered).",
    schema: { type: "integer", minimum: 0 },
  };
  const base = { tag: TUS, server: "/api" };
  const refused = {
    400: "A malformed tus header (Upload-Offset, Upload-Length, Upload-Metadata).",
    403: "A cookie-authenticated write from a foreign page, or a PATCH without Content-Type: application/offset+octet-stream.",
    404: "No such upload, or not the caller's.",
    412: "Tus-Resumable is missing or not 1.0.0.",
  };
  return [
    {
      ...base,
      method: "post",
      path: "/uploads",
      summary: "Start an upload",
      description:
        "Upload-Metadata (base64 values): kind = file (folderId, name or relativePath, onClash) or dataset (workspaceId, filename, mode, datasetId, options: the reading options as JSON, as in the multipart initiate), or filerequest (name, uploader: the sender's name when not signed in) with the request's link token in the Upload-Link header of every request instead of a token. Answers 201 with Location: the upload's URL for PATCH, HEAD and DELETE.",
      headers: [
        version,
        {
          name: "Upload-Length",
          required: true,
          description: "The file's size in bytes (at most UPLOAD_MAX_BYTES).",
          schema: { type: "integer", minimum: 0 },
        },
        {
          name: "Upload-Link",
          required: false,
          description:
            "A file request's link token (kind filerequest): sent on every request of the upload, it authorises it instead of a token or session.",
          schema: { type: "string" },
        },
        {
          name: "Upload-Metadata",
          required: true,
          description: "Comma-separated `key base64(value)` pairs: kind, folderId, name, ...",
          schema: { type: "string", maxLength: 4096 },
        },
      ],
      responses: {
        ...write,
        ...refused,
        201: reply(
          "Created; Location names the upload. A zero-byte upload is complete at once and carries what it became.",
          R.uploadFinished,
        ),
        400: "Missing or malformed Upload-Length or Upload-Metadata, an unknown kind, or a NUL in the URL.",
        404: "No such folder or workspace, or not readable.",
        409: "A file request that has all the files it takes (received and in progress).",
        410: "A file request that has ended.",
        413: "Larger than UPLOAD_MAX_BYTES, or than the file request's largest file.",
        422: "Invalid metadata (named in fieldErrors), or over the workspace's quota.",
      },
    },
    {
      ...base,
      method: "head",
      path: "/uploads/{uploadId}",
      summary: "How much of an upload has arrived (Upload-Offset, Upload-Length)",
      headers: [version],
      responses: { ...common, ...refused, 200: "Upload-Offset and Upload-Length headers.", 410: "Expired." },
    },
    {
      ...base,
      method: "patch",
      path: "/uploads/{uploadId}",
      summary: "Send the next bytes of an upload",
      description: "The PATCH that completes the upload answers 200 with the stored file (or dataset ingest) as JSON.",
      headers: [version, offset],
      rawBody: "application/offset+octet-stream",
      responses: {
        ...write,
        ...refused,
        200: reply("The upload is complete: what it became (a file, or a dataset ingest to review).", R.uploadFinished),
        204: "Bytes stored; Upload-Offset says how far.",
        409: "Upload-Offset does not match what has arrived.",
        410: "Expired.",
        413: "More bytes than Upload-Length.",
        422: "The finished file was refused (quota, name clash, unreadable dataset).",
      },
    },
    {
      ...base,
      method: "delete",
      path: "/uploads/{uploadId}",
      summary: "Cancel an upload",
      headers: [version],
      responses: { ...write, ...refused, 204: "Cancelled (also when already gone)." },
    },
  ];
}
