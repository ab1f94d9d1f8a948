import type { ResourceType } from "@/lib/db";
import { formatBytes, formatDate, formatNumber } from "@/lib/util/format";
import { type EventNames, resourceKey, strong } from "./names";
import { type Sentence, type SentencePart, sentenceText } from "./sentence";

/** What the describer needs of an audit record. */
export type AuditRecord = {
  action: string;
  resourceType: ResourceType;
  resourceId: string;
  actorId: string | null;
  details: Record<string, unknown>;
};

/** The groups the Activity page filters by. */
export const EVENT_KINDS = ["sharing", "links", "members", "datasets", "files", "workspace"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const KIND_LABELS: Record<EventKind, string> = {
  sharing: "Sharing",
  links: "Access links",
  members: "Members",
  datasets: "Datasets",
  files: "Files and folders",
  workspace: "Workspace settings",
};

type Context = {
  /** who acted, as a sentence part */
  who: SentencePart;
  /** the resource the event is about (a name, linked when it still exists) */
  what: Sentence;
  d: Record<string, unknown>;
  names: EventNames;
  e: AuditRecord;
};

type Entry = { kind: EventKind; describe: (c: Context) => Sentence };

const t = (text: string): SentencePart => ({ text });

const text = (d: Record<string, unknown>, key: string): string | undefined => {
  const value = d[key];
  return typeof value === "string" && value !== "" ? value : undefined;
};

const count = (d: Record<string, unknown>, key: string): number | undefined => {
  const value = d[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
};

const nested = (d: Record<string, unknown>, key: string, field: string): string | undefined => {
  const value = d[key];
  return value && typeof value === "object" ? text(value as Record<string, unknown>, field) : undefined;
};

/** ": links at most 7 days, links need a password, …" from a recorded policy; "" when it sets no limit. */
function policySummary(d: Record<string, unknown>): string {
  const parts: string[] = [];
  const linkDays = count(d, "linkMaxDays");
  if (linkDays !== undefined) parts.push(`links at most ${plural(linkDays, "day")}`);
  if (d.linkPasswordRequired === true) parts.push("links need a password");
  if (d.publicLinksDisabled === true) parts.push("no “anyone with the link” links");
  const domains = Array.isArray(d.allowedEmailDomains)
    ? d.allowedEmailDomains.filter((x) => typeof x === "string")
    : [];
  if (domains.length) parts.push(`only ${domains.join(", ")}`);
  if (d.addToWorkspaceAllowed === false) parts.push("no adding to other workspaces");
  const grantDays = count(d, "externalGrantMaxDays");
  if (grantDays !== undefined) parts.push(`outside people at most ${plural(grantDays, "day")}`);
  return parts.length ? `: ${parts.join(", ")}` : " to no limits";
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

const NOUN: Record<ResourceType, string> = {
  dataset: "dataset",
  file: "file",
  folder: "folder",
  workspace: "workspace",
};

/** The name the audit record kept, for a resource that no longer exists. */
export function recordedName(e: AuditRecord): string | undefined {
  const d = e.details;
  if (e.resourceType === "file" || e.resourceType === "folder")
    return text(d, "name") ?? (e.action.endsWith(".renamed") ? text(d, "to") : undefined);
  return text(d, "name") ?? nested(d, "to", "name") ?? text(d, "slug");
}

function resourceParts(e: AuditRecord, names: EventNames): Sentence {
  const live = names.resources.get(resourceKey(e.resourceType, e.resourceId));
  if (live) return live.trashed ? [strong(live.name, live.href), t(" (in the trash)")] : [strong(live.name, live.href)];
  const kept = recordedName(e);
  return kept ? [strong(kept), t(` (a deleted ${NOUN[e.resourceType]})`)] : [t(`a deleted ${NOUN[e.resourceType]}`)];
}

function userPart(names: EventNames, id: string | undefined): SentencePart {
  const user = id ? names.users.get(id) : undefined;
  return user ? strong(user.name) : t("a deleted account");
}

/** "kept", "downgraded", "revoked": an access-review choice as a verb. */
function reviewVerb(c: Context): string {
  const decision = text(c.d, "decision");
  return decision === "downgrade" ? "downgraded" : decision === "revoke" ? "revoked" : "kept";
}

function linkName(c: Context): string {
  const id = text(c.d, "linkId") ?? text(c.d, "link");
  const label = id ? c.names.links.get(id)?.label : undefined;
  return label ? `the access link “${label}”` : "an access link";
}

function actorPart(e: AuditRecord, names: EventNames): SentencePart {
  if (e.actorId) return names.users.has(e.actorId) ? userPart(names, e.actorId) : t("A deleted account");
  const link = text(e.details, "linkId");
  if (link) {
    const label = names.links.get(link)?.label;
    return t(label ? `Someone with the access link “${label}”` : "Someone with an access link");
  }
  if (text(e.details, "by") === "cli") return t("An administrator (command line)");
  return t("Someone");
}

/** A grantee as recorded: a label ("bob", "carol@example.com", "alice/sales") or an older key ("user:<id>"). */
function granteePart(c: Context): SentencePart {
  const raw = text(c.d, "grantee");
  if (!raw) return t("someone");
  const [prefix, rest] = [raw.slice(0, raw.indexOf(":")), raw.slice(raw.indexOf(":") + 1)];
  if (prefix === "user") return userPart(c.names, rest);
  if (prefix === "email") return strong(rest);
  if (prefix === "workspace") {
    const label = c.names.granteeWorkspaces.get(rest);
    return label ? strong(`everyone in ${label}`) : t("a deleted workspace");
  }
  if (text(c.d, "granteeType") === "workspace") return strong(`everyone in ${raw}`);
  return strong(c.names.usernames.get(raw)?.name ?? raw);
}

/** A folder named in a move or restore; folders the viewer may not see stay unnamed. */
function folderPart(c: Context, id: string | undefined): SentencePart {
  const folder = id ? c.names.resources.get(resourceKey("folder", id)) : undefined;
  return folder ? strong(folder.name, folder.href) : t("another folder");
}

const until = (iso: string | undefined) => (iso ? ` (expires ${formatDate(iso)})` : "");

const role = (c: Context, key = "role") => text(c.d, key) ?? "a new role";

const visibility = (value: string | undefined) =>
  value === "public"
    ? "public (every signed-in user can read it)"
    : value === "listed"
      ? "listed (every signed-in user sees its card and may request access)"
      : "visible to the workspace only";

/**
 * Every action the product records, with its group and its sentence. A new `recordAudit` action
 * needs an entry here (describe-event.test.ts finds them in the source and fails otherwise).
 */
export const AUDIT_ACTIONS: Record<string, Entry> = {
  "workspace.created": { kind: "workspace", describe: ({ who, what }) => [who, t(" created the workspace "), ...what] },
  "workspace.updated": {
    kind: "workspace",
    describe: ({ who, what, d }) => {
      const [from, to] = [nested(d, "from", "name"), nested(d, "to", "name")];
      if (from && to && from !== to) return [who, t(` renamed the workspace “${from}” to `), ...what];
      return [who, t(" changed the address of "), ...what, t(` to “${nested(d, "to", "slug") ?? "?"}”`)];
    },
  },
  "workspace.deleted": { kind: "workspace", describe: ({ who, what }) => [who, t(" deleted the workspace "), ...what] },
  "workspace.share_add_default_changed": {
    kind: "workspace",
    describe: ({ who, d }) => [
      who,
      t(
        d.allow === true
          ? " let people who receive a share add it to their own workspace by default"
          : " stopped letting people who receive a share add it to their own workspace by default",
      ),
    ],
  },
  "workspace.policy_changed": {
    kind: "workspace",
    describe: ({ who, what, d }) => [who, t(" changed the sharing policy of "), ...what, t(policySummary(d))],
  },
  "workspace.share_email_changed": {
    kind: "workspace",
    describe: ({ who, d }) => {
      const subject = text(d, "subject");
      return subject
        ? [who, t(" set the subject of share e-mails to "), strong(`“${subject}”`)]
        : [who, t(" reset the subject of share e-mails to the default")];
    },
  },

  "member.added": {
    kind: "members",
    describe: ({ who, what, d, names }) => [
      who,
      t(" added "),
      strong(names.usernames.get(text(d, "username") ?? "")?.name ?? text(d, "username") ?? "someone"),
      t(" to "),
      ...what,
      t(` as ${text(d, "role") ?? "a member"}`),
    ],
  },
  "member.role_changed": {
    kind: "members",
    describe: ({ who, names, d }) => [
      who,
      t(" changed "),
      userPart(names, text(d, "userId")),
      t(`’s role to ${text(d, "role") ?? "a new role"}`),
    ],
  },
  "member.removed": {
    kind: "members",
    describe: ({ who, what, names, d }) => [
      who,
      t(" removed "),
      userPart(names, text(d, "userId")),
      t(" from "),
      ...what,
    ],
  },
  "member.left": { kind: "members", describe: ({ who, what }) => [who, t(" left "), ...what] },
  "member.invited": {
    kind: "members",
    describe: ({ who, what, d }) => [
      who,
      t(" invited "),
      strong(text(d, "email") ?? "someone"),
      t(" to join "),
      ...what,
      t(` as ${text(d, "role") ?? "a member"}`),
    ],
  },
  "member.invitation_cancelled": {
    kind: "members",
    describe: ({ who, what }) => [who, t(" cancelled an invitation to join "), ...what],
  },
  "member.joined": {
    kind: "members",
    describe: ({ who, what, d }) => [who, t(" joined "), ...what, t(` as ${text(d, "role") ?? "a member"}`)],
  },

  "dataset.created": {
    kind: "datasets",
    describe: ({ who, what, d }) => {
      const rows = count(d, "rows");
      const file = text(d, "file");
      return [
        who,
        t(" created the dataset "),
        ...what,
        t(`${file ? ` from ${file}` : ""}${rows !== undefined ? ` (${plural(rows, "row")})` : ""}`),
      ];
    },
  },
  "dataset.ingested": {
    kind: "datasets",
    describe: ({ who, what, d }) => {
      const rows = plural(count(d, "rows") ?? 0, "row");
      const file = text(d, "file");
      const version = count(d, "version");
      const tail = `${file ? ` from ${file}` : ""}${version ? ` (version ${version})` : ""}`;
      return text(d, "mode") === "replace"
        ? [who, t(" replaced the data of "), ...what, t(` with ${rows}${tail}`)]
        : [who, t(` added ${rows} to `), ...what, t(tail)];
    },
  },
  "dataset.updated": {
    kind: "datasets",
    describe: ({ who, what, d }) => {
      const [from, to] = [nested(d, "from", "name"), nested(d, "to", "name")];
      if (from && to && from !== to) return [who, t(` renamed the dataset “${from}” to `), ...what];
      return [who, t(" changed the address of "), ...what, t(` to “${nested(d, "to", "slug") ?? "?"}”`)];
    },
  },
  "dataset.card_updated": {
    kind: "datasets",
    describe: ({ who, what, d }) => {
      const labels: Record<string, string> = {
        readme: "README",
        license: "license",
        citation: "citation",
        source: "source",
        columns: "column descriptions",
      };
      const changed = Array.isArray(d.changed) ? d.changed.map((f) => labels[String(f)] ?? String(f)) : [];
      const tail = changed.length ? ` (${changed.join(", ")})` : "";
      return [who, t(" edited the card of "), ...what, t(tail)];
    },
  },
  "dataset.visibility_changed": {
    kind: "datasets",
    describe: ({ who, what, d }) => [who, t(" made "), ...what, t(` ${visibility(text(d, "to"))}`)],
  },
  "dataset.restored": {
    kind: "datasets",
    describe: ({ who, what, d }) => [
      who,
      t(" restored "),
      ...what,
      t(` to version ${count(d, "restored") ?? "?"} (now version ${count(d, "version") ?? "?"})`),
    ],
  },
  "dataset.downloaded": {
    kind: "datasets",
    describe: (c) => {
      const format = (text(c.d, "format") ?? "").toUpperCase();
      const how = [
        format,
        c.d.filtered === true ? "filtered" : "",
        count(c.d, "version") ? `version ${count(c.d, "version")}` : "",
      ]
        .filter(Boolean)
        .join(", ");
      // a visitor without an account is already "someone with the access link"
      const via = c.d.link && c.e.actorId ? ` through ${linkName(c)}` : "";
      return [c.who, t(" downloaded "), ...c.what, t(`${how ? ` (${how})` : ""}${via}`)];
    },
  },
  "dataset.viewed": { kind: "datasets", describe: ({ who, what }) => [who, t(" viewed "), ...what] },
  "dataset.deleted": { kind: "datasets", describe: ({ who, what }) => [who, t(" deleted the dataset "), ...what] },

  "file.uploaded": {
    kind: "files",
    describe: ({ who, what, d }) => {
      const size = count(d, "size");
      const verb = text(d, "clash") === "replaced" ? " uploaded a new version of " : " uploaded ";
      return [who, t(verb), ...what, t(size !== undefined ? ` (${formatBytes(size)})` : "")];
    },
  },
  "file.viewed": { kind: "files", describe: ({ who, what }) => [who, t(" viewed "), ...what] },
  "folder.viewed": { kind: "files", describe: ({ who, what }) => [who, t(" opened the folder "), ...what] },
  "file.downloaded": { kind: "files", describe: ({ who, what }) => [who, t(" downloaded "), ...what] },
  "folder.downloaded": {
    kind: "files",
    describe: ({ who, what, d }) => {
      const entries = count(d, "entries");
      return [
        who,
        t(" downloaded "),
        ...what,
        t(` as a ZIP${entries !== undefined ? ` (${plural(entries, "item")})` : ""}`),
      ];
    },
  },
  "folder.created": {
    kind: "files",
    describe: (c) => [c.who, t(" created the folder "), ...c.what, t(" in "), folderPart(c, text(c.d, "parentId"))],
  },
  ...Object.fromEntries(
    (["file", "folder"] as const).flatMap((noun) => [
      [
        `${noun}.moved`,
        {
          kind: "files",
          describe: (c: Context) => [
            c.who,
            t(" moved "),
            ...c.what,
            t(" from "),
            folderPart(c, text(c.d, "from")),
            t(" to "),
            folderPart(c, text(c.d, "to")),
          ],
        },
      ],
      [
        `${noun}.renamed`,
        {
          kind: "files",
          describe: (c: Context) => [c.who, t(` renamed the ${noun} “${text(c.d, "from") ?? "?"}” to `), ...c.what],
        },
      ],
      [
        `${noun}.trashed`,
        { kind: "files", describe: (c: Context) => [c.who, t(" moved "), ...c.what, t(" to the trash")] },
      ],
      [
        `${noun}.restored`,
        {
          kind: "files",
          describe: (c: Context) => [
            c.who,
            t(" restored "),
            ...c.what,
            t(" from the trash to "),
            folderPart(c, text(c.d, "parentId")),
          ],
        },
      ],
    ]),
  ),
  "trash.emptied": {
    kind: "files",
    describe: ({ who, d }) => {
      const entries = count(d, "entries") ?? 0;
      const bytes = count(d, "bytes");
      const what = Array.isArray(d.names) && d.names.length === 1 ? `“${String(d.names[0])}”` : plural(entries, "item");
      return [
        who,
        t(` permanently deleted ${what} from the trash${bytes !== undefined ? ` (${formatBytes(bytes)})` : ""}`),
      ];
    },
  },

  "dataset.request_form_changed": {
    kind: "sharing",
    describe: ({ who, what, d }) => [
      who,
      t(" set the access request form of "),
      ...what,
      t(` (${plural(count(d, "questions") ?? 0, "question")}${d.terms === true ? ", with terms" : ""})`),
    ],
  },
  "access_request.created": {
    kind: "sharing",
    describe: ({ who, what }) => [who, t(" asked for access to "), ...what],
  },
  "access_request.approved": {
    kind: "sharing",
    describe: ({ who, what, d }) => [
      who,
      t(` approved ${text(d, "requester") ?? "someone"}’s request for `),
      ...what,
      t(` as ${text(d, "role") ?? "a new role"}${until(text(d, "expiresAt"))}`),
    ],
  },
  "access_request.denied": {
    kind: "sharing",
    describe: ({ who, what, d }) => [
      who,
      t(` declined ${text(d, "requester") ?? "someone"}’s request for `),
      ...what,
      t(text(d, "reason") ? `: “${text(d, "reason")}”` : ""),
    ],
  },
  "share.slice_broken": {
    kind: "sharing",
    describe: (c) => [
      t(`Version ${count(c.d, "version") ?? "?"} of `),
      ...c.what,
      t(" stopped the slice shared with "),
      granteePart(c),
      t(": it used a column that is gone"),
    ],
  },
  "share.created": {
    kind: "sharing",
    describe: (c) => [
      c.who,
      t(" shared "),
      ...c.what,
      t(" with "),
      granteePart(c),
      t(` as ${role(c)}${until(text(c.d, "expiresAt"))}`),
    ],
  },
  "share.role_changed": {
    kind: "sharing",
    describe: (c) => {
      const from = text(c.d, "from");
      return [
        c.who,
        t(" changed "),
        granteePart(c),
        t("’s role on "),
        ...c.what,
        t(`${from ? ` from ${from}` : ""} to ${role(c)}`),
      ];
    },
  },
  "share.expiry_changed": {
    kind: "sharing",
    describe: (c) => [
      c.who,
      t(" moved the end of "),
      granteePart(c),
      t("’s access to "),
      ...c.what,
      t(
        ` to ${formatDate(text(c.d, "expiresAt"))}${text(c.d, "reason") === "policy" ? " to meet the workspace's sharing policy" : ""}`,
      ),
    ],
  },
  "share.revoked": {
    kind: "sharing",
    describe: (c) => [c.who, t(" stopped sharing "), ...c.what, t(" with "), granteePart(c)],
  },
  "share.left": { kind: "sharing", describe: (c) => [c.who, t(" gave up their access to "), ...c.what] },
  "share.invitation_accepted": {
    kind: "sharing",
    describe: (c) => [c.who, t(" accepted the invitation to "), ...c.what, t(` as ${role(c)}`)],
  },
  "share.added_to_workspace": {
    kind: "sharing",
    describe: (c) => [
      c.who,
      t(" added "),
      ...c.what,
      t(" to their workspace "),
      strong(text(c.d, "workspace") ?? "another workspace"),
    ],
  },
  "share.invitation_resent": {
    kind: "sharing",
    describe: (c) => [c.who, t(" sent the invitation to "), ...c.what, t(" to "), granteePart(c), t(" again")],
  },
  "share.notification_resent": {
    kind: "sharing",
    describe: (c) => [c.who, t(" told "), granteePart(c), t(" again that "), ...c.what, t(" is shared with them")],
  },

  "link.created": {
    kind: "links",
    describe: (c) => {
      const label = c.names.links.get(text(c.d, "linkId") ?? "")?.label;
      const extras = [
        c.d.mode === "public" ? "anyone with the link" : c.d.mode === "authenticated" ? "sign-in required" : "",
        c.d.password === true ? "password protected" : "",
      ]
        .filter(Boolean)
        .join(", ");
      return [
        c.who,
        t(` created an access link${label ? ` “${label}”` : ""} to `),
        ...c.what,
        t(`${until(text(c.d, "expiresAt"))}${extras ? ` (${extras})` : ""}`.replace(") (", ", ")),
      ];
    },
  },
  "link.shortened": {
    kind: "links",
    describe: (c) => [
      c.who,
      t(` shortened ${linkName(c)} to `),
      ...c.what,
      t(`; it now ends ${formatDate(text(c.d, "expiresAt"))}`),
    ],
  },
  "link.slice_broken": {
    kind: "links",
    describe: (c) => [
      t(`Version ${count(c.d, "version") ?? "?"} of `),
      ...c.what,
      t(` stopped ${linkName(c)}: its slice used a column that is gone`),
    ],
  },
  "link.revoked": { kind: "links", describe: (c) => [c.who, t(` revoked ${linkName(c)} to `), ...c.what] },
  "link.revoked_all": {
    kind: "links",
    describe: (c) => [
      c.who,
      t(
        ` revoked ${c.d.count === 1 ? "the only" : `all ${formatNumber(count(c.d, "count") ?? 0)}`} access ${c.d.count === 1 ? "link" : "links"} to `,
      ),
      ...c.what,
    ],
  },
  "link.extended": {
    kind: "links",
    describe: (c) => [
      c.who,
      t(` extended ${linkName(c)} to `),
      ...c.what,
      t(` until ${formatDate(text(c.d, "expiresAt"))}`),
    ],
  },
  "link.used": {
    kind: "links",
    // a signed-in user is named; a visitor without an account stays "someone"
    describe: (c) => [c.e.actorId ? c.who : t("Someone"), t(" opened "), ...c.what, t(` through ${linkName(c)}`)],
  },
  "link.download": {
    kind: "links",
    describe: (c) => [t("Someone downloaded "), ...c.what, t(` through ${linkName(c)}`)],
  },
  "insights.first_open_on": {
    kind: "sharing",
    describe: (c) => [
      c.who,
      t(" asked for an e-mail when "),
      ...c.what,
      t(` is first opened${text(c.d, "linkId") ? ` through ${linkName(c)}` : " by its grantee"}`),
    ],
  },
  "insights.first_open_off": {
    kind: "sharing",
    describe: (c) => [
      c.who,
      t(" no longer wants an e-mail when "),
      ...c.what,
      t(` is first opened${text(c.d, "linkId") ? ` through ${linkName(c)}` : " by its grantee"}`),
    ],
  },
  "link.denied": {
    kind: "links",
    describe: (c) => {
      const why = text(c.d, "reason") === "wrong password" ? "a wrong password" : "it is no longer available";
      return [t(`Someone was turned away from ${linkName(c)} to `), ...c.what, t(` (${why})`)];
    },
  },
  "share.expiry_reminder_sent": {
    kind: "sharing",
    describe: (c) => {
      const ends = t(` ends on ${formatDate(text(c.d, "expiresAt"))}`);
      return text(c.d, "audience") === "sharer"
        ? [t("Datashelf reminded the sharer that "), granteePart(c), t("’s access to "), ...c.what, ends]
        : [t("Datashelf reminded "), granteePart(c), t(" that their access to "), ...c.what, ends];
    },
  },
  "link.expiry_reminder_sent": {
    kind: "links",
    describe: (c) => [
      t(`Datashelf reminded the link’s maker that ${linkName(c)} to `),
      ...c.what,
      t(` ends on ${formatDate(text(c.d, "expiresAt"))}`),
    ],
  },
  "share.reviewed": {
    kind: "sharing",
    describe: (c) => [
      c.who,
      t(` ${reviewVerb(c)} `),
      granteePart(c),
      t("’s access to "),
      ...c.what,
      t(" in an access review"),
    ],
  },
  "link.reviewed": {
    kind: "links",
    describe: (c) => [c.who, t(` ${reviewVerb(c)} ${linkName(c)} to `), ...c.what, t(" in an access review")],
  },
  "workspace.access_review_sent": {
    kind: "sharing",
    describe: (c) => [
      t(`Datashelf sent ${text(c.d, "to") ?? "a manager"} the access review of `),
      ...c.what,
      t(` (${plural(count(c.d, "grants") ?? 0, "unused grant")}, ${plural(count(c.d, "links") ?? 0, "unused link")})`),
    ],
  },
  "file_request.created": {
    kind: "links",
    describe: ({ who, what, d }) => {
      const files = count(d, "maxFiles");
      const bytes = count(d, "maxFileBytes");
      const limits = [
        files !== undefined ? plural(files, "file") : "",
        bytes !== undefined ? `up to ${formatBytes(bytes)} each` : "",
        d.audience === "signed-in" ? "signed-in people only" : d.audience === "anyone" ? "anyone with the link" : "",
        d.password === true ? "password protected" : "",
      ]
        .filter(Boolean)
        .join(", ");
      return [
        who,
        t(` created the file request “${text(d, "title") ?? "untitled"}” into `),
        ...what,
        t(limits ? ` (${limits})` : ""),
      ];
    },
  },
  "file_request.revoked": {
    kind: "links",
    describe: ({ who, what, d }) => [
      who,
      t(` revoked the file request “${text(d, "title") ?? "untitled"}” into `),
      ...what,
    ],
  },
  "file_request.received": {
    kind: "files",
    describe: ({ who, what, d, e }) => {
      const size = count(d, "size");
      const sender = e.actorId ? who : t(text(d, "uploader") ?? "Someone");
      return [
        sender,
        t(" sent "),
        ...what,
        t(
          `${size !== undefined ? ` (${formatBytes(size)})` : ""} through the file request “${text(d, "title") ?? "untitled"}”`,
        ),
      ];
    },
  },
};

/** The group an action belongs to; actions the catalogue does not know fall under "workspace". */
export function kindOf(action: string): EventKind {
  return AUDIT_ACTIONS[action]?.kind ?? "workspace";
}

/** The actions of one group, for filtering in the database. */
export function actionsOfKind(kind: EventKind): string[] {
  return Object.entries(AUDIT_ACTIONS)
    .filter(([, entry]) => entry.kind === kind)
    .map(([action]) => action);
}

/**
 * One audit record as a sentence with names ("alice shared **Orders 2026** with carol as
 * viewer"). Names come from `names`, resolved in bulk beforehand (resolveEventNames); nothing is
 * looked up here, and no id ever reaches the sentence.
 */
export function describeEvent(e: AuditRecord, names: EventNames): Sentence {
  const who = actorPart(e, names);
  const context: Context = { who, what: resourceParts(e, names), d: e.details, names, e };
  const entry = AUDIT_ACTIONS[e.action];
  if (entry) return entry.describe(context);
  return [who, t(" did something to "), ...context.what];
}

/** Who acted and what the event is about, as plain text (the CSV export's columns). */
export function eventSubjects(e: AuditRecord, names: EventNames): { actor: string; resource: string } {
  return { actor: sentenceText([actorPart(e, names)]), resource: sentenceText(resourceParts(e, names)) };
}
