import { z } from "zod";
import { datasetProfileSchema } from "@/lib/catalog/profile/types";
import { ERROR_CODES } from "@/lib/util/errors";

/**
 * The bodies the API answers, as zod schemas: the OpenAPI document publishes them (document.ts)
 * and the contract test (api-contract.int.test.ts) checks every answer against them.
 */

const isoDate = z.string().datetime({ offset: true });
const id = z.string().min(1);
const column = z.object({ name: z.string(), type: z.string() });

export const errorBody = z
  .object({
    error: z.string().min(1).describe("a message for people"),
    code: z.enum(["internal", ...ERROR_CODES]),
    fieldErrors: z.record(z.string(), z.string()).optional().describe("per-field messages (422)"),
  })
  .describe("The one error shape of every endpoint.");

const sliceWords = z
  .string()
  .optional()
  .describe('a grant limited to a slice of the dataset, in words ("rows where region = North; 7 of 8 columns")');

export const dataLinksGrants = z.array(
  z.union([
    z.object({ username: z.string(), role: z.string(), slice: sliceWords }),
    z.object({ email: z.string(), role: z.string(), slice: sliceWords }),
    z.object({ workspace: z.string(), role: z.string(), slice: sliceWords }),
  ]),
);

export const datasetList = z.object({
  owner: z.string(),
  namespace: z.string(),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  datasets: z.array(
    z.object({
      id,
      name: z.string(),
      title: z.string(),
      description: z.string(),
      tags: z.array(z.string()),
      visibility: z.string(),
      rowCount: z
        .number()
        .nullable()
        .describe("rows the caller can read (a slice's rows); null for a totals-only caller below their minimum group"),
      sizeBytes: z.number().nullable().describe("null for a caller limited to a slice or to totals"),
      version: z.number().int(),
      updatedAt: z.string(),
      url: z.string(),
    }),
  ),
});

export const rowsPage = z.object({
  dataset: z.string(),
  version: z.number().int(),
  columns: z.array(column),
  data: z.array(z.record(z.string(), z.unknown())),
  total: z.number().int().min(0),
  limit: z.number().int(),
  nextCursor: z.string().nullable(),
  rowWindow: z
    .number()
    .int()
    .nullable()
    .describe(
      "null, or for view-only callers how deep paging reaches: pages hold at most 50 rows and offsets from this number on answer 403",
    ),
});

export const summaryResult = z.object({
  version: z.number().int(),
  groupBy: z.array(column),
  measures: z.array(z.string()).describe('how each measure is named, e.g. "count", "sum(amount)"'),
  rows: z
    .array(z.array(z.unknown()))
    .describe("one per group, sorted by the group keys: the keys, then each measure (64-bit integers as strings)"),
  minGroupSize: z
    .number()
    .int()
    .nullable()
    .describe("the smallest group the caller may see (Totals only); null when the caller may view rows anyway"),
});

export const consoleResult = z.object({
  columns: z.array(column),
  rows: z
    .array(z.array(z.unknown()))
    .describe("one array per row, values in column order (JSON-safe: big integers, decimals and dates as strings)"),
  total: z.number().int().min(0).describe("result rows counted, at most SQL_CONSOLE_MAX_RESULT_ROWS"),
  truncated: z.boolean().describe("true when the result has more rows than SQL_CONSOLE_MAX_RESULT_ROWS"),
  offset: z.number().int().min(0),
  limit: z.number().int(),
  nextCursor: z.string().nullable(),
  datasets: z.array(z.object({ name: z.string(), version: z.number().int() })),
  downloadable: z.boolean().describe("false when any dataset read is view-only for the caller"),
});

const writeResult = {
  datasetId: id,
  version: z.number().int().min(1),
  rowsAdded: z.number().int().min(0),
  rowCount: z.number().int().min(0),
  columns: z.array(column),
};

export const ingestResult = z.object({ ...writeResult, created: z.boolean(), dataset: z.string() });

export const multipartStarted = z.object({
  uploadId: z.string(),
  format: z.string(),
  mode: z.string(),
  options: z.record(z.string(), z.unknown()).optional().describe("the reading options given at initiate"),
  expiresOn: isoDate,
  partUrl: z.string(),
  completeUrl: z.string(),
  abortUrl: z.string(),
});
export const multipartPart = z.object({
  uploadId: z.string(),
  partNumber: z.number().int().min(1),
  size: z.number().int().min(1),
});
export const multipartParts = z.object({
  uploadId: z.string(),
  format: z.string(),
  mode: z.string(),
  parts: z.array(z.object({ partNumber: z.number().int().min(1), size: z.number().int().min(0) })),
});
export const multipartCompleted = z.object({ uploadId: z.string(), ...writeResult });

export const workspaceList = z.array(
  z.object({
    id,
    owner: z.string().nullable(),
    slug: z.string(),
    name: z.string(),
    personal: z.boolean(),
    role: z.string(),
  }),
);
export const workspaceCreated = z.object({ id, owner: z.string().nullable(), slug: z.string(), name: z.string() });

export const shareView = z.object({
  id,
  resourceType: z.string(),
  resourceId: z.string(),
  granteeType: z.string(),
  grantee: z.string(),
  role: z.string(),
  status: z.enum(["active", "expired", "pending"]),
  note: z.string().nullable(),
  expiresOn: isoDate.nullable(),
  createdBy: z.string(),
  createdOn: isoDate,
});
export const sharePage = z.object({
  items: z.array(shareView),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().min(0),
});

const principal = z.object({ id: z.string(), type: z.enum(["User", "Workspace"]), name: z.string() });
export const sharedByItems = z.array(
  z.object({
    datasetId: id,
    sharedBy: principal,
    sharedOn: isoDate,
    role: z.string(),
    sharedWith: principal,
    scope: z.enum(["dataset", "namespace"]),
  }),
);

export const keyCreated = z.object({ id, token: z.string().min(1), url: z.string(), expiresOn: isoDate });
export const keyList = z.array(
  z.object({
    id,
    resource: z.object({ type: z.string(), id: z.string() }),
    label: z.string().nullable(),
    mode: z.string(),
    prefix: z.string(),
    hasPassword: z.boolean(),
    startsOn: isoDate.nullable(),
    expiresOn: isoDate,
    revokedOn: isoDate.nullable(),
    lastUsedOn: isoDate.nullable(),
    useCount: z.number().int().min(0),
    active: z.boolean(),
  }),
);
export const revokedCount = z.object({ revoked: z.number().int().min(0) });

export const folderPage = z.object({
  folderId: id,
  entries: z.array(
    z.object({
      id,
      kind: z.enum(["folder", "file"]),
      name: z.string(),
      size: z.number().nullable(),
      mimeType: z.string().nullable(),
      typeLabel: z.string(),
      preview: z.string().nullable(),
      modifiedAt: isoDate,
      modifiedBy: z.string().nullable(),
      location: z.array(z.unknown()).optional(),
    }),
  ),
  total: z.number().int().min(0),
  nextOffset: z.number().int().nullable(),
});

export const openApiDocument = z.object({ openapi: z.literal("3.1.0"), info: z.object({}), paths: z.object({}) });

/** What a finished tus upload became: a stored file (kind file) or a dataset ingest waiting for review (kind dataset). */
export const uploadFinished = z.union([
  z.object({
    status: z.enum(["created", "replaced", "renamed"]),
    id,
    name: z.string(),
    parentId: id,
  }),
  z.object({ status: z.literal("skipped"), name: z.string(), parentId: id }),
  z.object({ ingestId: id, url: z.string(), rows: z.number(), columns: z.number().int() }),
  z.object({ status: z.literal("received"), name: z.string(), size: z.number().int().min(0) }),
]);

const requestStatus = z.enum(["pending", "approved", "denied"]);

export const accessRequest = z.object({
  id,
  status: requestStatus,
  source: z.enum(["discover", "grant", "link"]),
  resource: z.object({
    type: z.enum(["workspace", "dataset", "folder", "file"]),
    id,
    label: z.string(),
    path: z.string(),
  }),
  workspace: z.object({ id, name: z.string(), slug: z.string(), owner: z.string() }),
  requester: z.object({ username: z.string().nullable(), email: z.string(), name: z.string().nullable() }),
  message: z.string(),
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
  acceptedTerms: z.string().describe("the terms text the requester accepted; empty when there were none"),
  createdAt: isoDate,
  decidedAt: isoDate.nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  role: z.string().nullable(),
  expiresAt: isoDate.nullable(),
  reviewPath: z.string().describe("where a manager reviews it in the app"),
});

export const accessRequestList = z.object({ requests: z.array(accessRequest) });

export const accessRequestOne = z.object({
  request: accessRequest,
  canDecide: z.boolean().describe("whether the caller manages the resource (may approve or deny)"),
});

export const accessRequestCreated = z.object({
  id,
  status: z.literal("pending"),
  resourceType: z.string(),
  resourceId: id,
});

export const accessRequestDecision = z.object({
  id,
  status: z.enum(["approved", "denied"]),
  role: z.string().nullable(),
  expiresAt: isoDate.nullable(),
});
export const sharingPolicy = z.object({
  linkMaxDays: z.number().int().min(1).nullable(),
  linkPasswordRequired: z.boolean(),
  publicLinksDisabled: z.boolean(),
  allowedEmailDomains: z.array(z.string()),
  addToWorkspaceAllowed: z.boolean(),
  externalGrantMaxDays: z.number().int().min(1).nullable(),
});
export const policyViolations = z.array(
  z.object({
    kind: z.enum(["link", "grant"]),
    id,
    resource: z.object({ type: z.string(), id: z.string(), name: z.string(), path: z.string() }),
    name: z.string(),
    expiresOn: isoDate.nullable(),
    breaches: z.array(z.object({ rule: z.string(), message: z.string() })),
    shortenTo: isoDate.nullable(),
  }),
);
/** A folder's file request (an upload-only link), as its writers see it. */
export const fileRequest = z.object({
  id,
  title: z.string(),
  message: z.string().nullable(),
  prefix: z.string(),
  audience: z.enum(["anyone", "signed-in"]),
  hasPassword: z.boolean(),
  maxFileBytes: z.number().int().positive(),
  maxFiles: z.number().int().positive(),
  received: z.number().int().min(0),
  targetFolderId: id,
  createdBy: z.string(),
  createdAt: isoDate,
  expiresAt: isoDate,
  revokedAt: isoDate.nullable(),
  active: z.boolean(),
});
export const fileRequests = z.array(fileRequest);

/** A created file request: its URL carries the token and is shown only in this answer. */
export const createdFileRequest = z.object({ id, url: z.string(), expiresAt: isoDate, targetFolderId: id });
const insightWho = z.object({
  key: z.string().describe('"user:<id>", or "visitor:<linkId>:<visitor key>" for a link visitor'),
  kind: z.enum(["user", "visitor", "unknown"]),
  label: z.string().describe('a person\'s name, or "Visitor 3f9a2c via link “label”" (never an address)'),
});

export const insights = z
  .object({
    subject: z.object({
      kind: z.enum(["dataset", "file", "folder", "link"]),
      id,
      name: z.string(),
      resource: z.object({ type: z.string(), id, name: z.string(), path: z.string() }),
      workspace: z.object({ id, owner: z.string(), slug: z.string(), name: z.string() }),
    }),
    from: isoDate,
    to: isoDate,
    days: z
      .array(z.object({ day: z.string(), views: z.number().int().min(0), downloads: z.number().int().min(0) }))
      .describe("one entry per UTC day of the last 30, oldest first"),
    totals: z.object({
      views: z.number().int().min(0),
      downloads: z.number().int().min(0),
      people: z.number().int().min(0),
    }),
    people: z.array(
      insightWho.extend({
        views: z.number().int().min(0),
        downloads: z.number().int().min(0),
        lastAt: isoDate,
      }),
    ),
    events: z.array(
      z.object({
        at: isoDate,
        kind: z.enum(["view", "download"]),
        action: z.string(),
        who: insightWho,
        what: z.object({ type: z.string(), id, name: z.string() }),
        via: z.object({ linkId: id, label: z.string() }).nullable(),
      }),
    ),
    truncated: z.boolean(),
    link: z
      .object({
        id,
        label: z.string(),
        mode: z.string(),
        expiresAt: isoDate,
        revokedAt: isoDate.nullable(),
        notifyFirstOpen: z.boolean(),
        firstOpenedAt: isoDate.nullable(),
      })
      .nullable(),
    grants: z.array(
      z.object({
        id,
        grantee: z.string(),
        role: z.string(),
        notifyFirstOpen: z.boolean(),
        firstOpenedAt: isoDate.nullable(),
      }),
    ),
  })
  .describe("Views and downloads over the last 30 days: per day, per person or visitor, and one by one.");

const cardView = z
  .object({
    readme: z.string().describe("GitHub-flavoured Markdown; rendered without raw HTML"),
    license: z.union([
      z.object({ kind: z.literal("spdx"), id: z.string(), name: z.string(), url: z.string() }),
      z.object({ kind: z.literal("other"), text: z.string() }),
      z.object({ kind: z.literal("none") }),
    ]),
    citation: z.object({ format: z.enum(["bibtex", "text"]), text: z.string() }),
    source: z.string().describe("a URL or a sentence"),
    columns: z.record(z.string(), z.string()).describe("column name → description (the data dictionary)"),
    revision: z.number().int().min(0).describe("the card's revision; 0: never edited"),
  })
  .describe("A dataset card.");

export const datasetCard = z.object({ card: cardView });

const cardRevisionSummary = z.object({
  number: z.number().int().min(1),
  createdAt: isoDate,
  createdBy: z.string().nullable(),
  changed: z.array(z.enum(["readme", "license", "citation", "source", "columns"])),
  dataVersion: z.number().int().describe("the dataset's data version when the card was saved"),
});

export const cardRevisionList = z.object({ revisions: z.array(cardRevisionSummary) });
export const cardRevisionOne = z.object({ revision: cardRevisionSummary.extend({ card: cardView }) });
export const datasetProfile = datasetProfileSchema
  .extend({ version: z.number().int().min(1) })
  .describe('A dataset version\'s column profile (computed once at ingest; docs/catalog.md, "Column profile").');
