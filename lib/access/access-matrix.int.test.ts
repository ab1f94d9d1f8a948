// The zero-leak matrix: every kind of principal × every action × every kind of resource, through
// the same services the UI and the API call. Each cell expects either success, "not_found" (the
// resource does not exist for them) or "forbidden" (they can see it but not do that).
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { type Actor, OWNER_ONLY_MESSAGE, VIEW_ONLY_MESSAGE } from "@/lib/access";
import { readableDatasetsWhere } from "@/lib/access/datasets";
import { getColumnStats } from "@/lib/catalog/column-stats";
import { getDataset } from "@/lib/catalog/get-dataset";
import { createEmptyDataset } from "@/lib/catalog/test-dataset";
import { loadDataset } from "@/lib/catalog/load-dataset";
import { setDatasetVisibility } from "@/lib/catalog/set-visibility";
import { updateDataset } from "@/lib/catalog/update-dataset";
import { createFolder } from "@/lib/files/create-folder";
import { listFolder } from "@/lib/files/list-folder";
import { loadEntry } from "@/lib/files/load-entry";
import { openFileDownload } from "@/lib/files/open-download";
import { renameEntry } from "@/lib/files/rename-entry";
import { getRootFolder } from "@/lib/files/root-folder";
import { storeFile } from "@/lib/files/store-file";
import { setupTempStorage } from "@/lib/files/test-support";
import { trashEntries } from "@/lib/files/trash-entries";
import { zipFolder } from "@/lib/files/zip-folder";
import { getInsights } from "@/lib/insights/get-insights";
import { createAccessLink } from "@/lib/links/manage-links";
import { openAccessLink } from "@/lib/links/open-link";
import { createAccessRequest } from "@/lib/requests/create-request";
import { loadDatasetCard } from "@/lib/requests/dataset-card";
import { discoverDatasets } from "@/lib/requests/discover";
import { createFileRequest } from "@/lib/file-requests/create-file-request";
import { listResourceAccess } from "@/lib/sharing/list-access";
import { revokeGrantee } from "@/lib/sharing/revoke-share";
import type { ResourceType } from "@/lib/sharing/schemas";
import { shareResource } from "@/lib/sharing/share-resource";
import { createUser } from "@/lib/users/create-user";
import { notFound } from "@/lib/util/errors";
import { toFailure } from "@/lib/util/result";
import { updateWorkspace } from "@/lib/workspaces/update-workspace";
import { getWorkspaceForActor } from "@/lib/workspaces/queries";

const { db } = setupTestDatabase();
// The "revoke" probes share with a new address each (principals × kinds of them): more than one
// sender may e-mail outsiders in an hour by default. The limit has its own tests (share-mail).
process.env.SHARE_MAIL_MAX_PER_HOUR = "10000";
process.env.SHARE_MAIL_MAX_PER_DAY = "10000";

setupTempStorage();

type Level = "none" | "summarise" | "view" | "read" | "write" | "manage";
type Outcome = "ok" | "not_found" | "forbidden";
type Action =
  | "summarise"
  | "list"
  | "read"
  | "query"
  | "download"
  | "write"
  | "delete"
  | "share"
  | "list grants"
  | "revoke"
  | "change visibility"
  | "insights";
type Kind = "workspace" | "dataset" | "folder" | "file";
type Principal =
  | "manager"
  | "admin"
  | "member"
  | "editor grant"
  | "viewer grant"
  | "view-only grant"
  | "aggregate grant"
  | "scoped viewer grant"
  | "view-only link"
  | "download link"
  | "file-request link"
  | "workspace-grantee member"
  | "expired grant"
  | "stranger";

const NEEDS: Record<Action, Exclude<Level, "none">> = {
  summarise: "summarise",
  // listed wherever the actor holds anything at all on it (a totals-only grantee finds the dataset)
  list: "summarise",
  read: "view",
  query: "view",
  download: "read",
  write: "write",
  delete: "write",
  share: "manage",
  "list grants": "manage",
  revoke: "manage",
  "change visibility": "manage",
  insights: "manage",
};
const RANK: Record<Level, number> = { none: 0, summarise: 0.5, view: 1, read: 2, write: 3, manage: 4 };

function expected(level: Level, action: Action): Outcome {
  if (level === "none") return "not_found";
  // Totals only: every row path and everything above is as absent as for a stranger.
  if (level === "summarise") return RANK[NEEDS[action]] <= RANK.summarise ? "ok" : "not_found";
  return RANK[level] >= RANK[NEEDS[action]] ? "ok" : "forbidden";
}

async function outcome(run: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    const failure = toFailure(error);
    if (failure.code === "forbidden" && NEEDS_MANAGE_MESSAGE.has(failure.message)) return "forbidden";
    if (failure.code === "forbidden" || failure.code === "not_found") return failure.code;
    return `${failure.code}: ${failure.message}`;
  }
}
const NEEDS_MANAGE_MESSAGE = new Set([OWNER_ONLY_MESSAGE, VIEW_ONLY_MESSAGE]);

let seq = 0;
async function person(name: string): Promise<Actor> {
  const username = `${name}${++seq}x${Date.now().toString(36)}`.slice(0, 30);
  const u = await createUser({ email: `${username}@example.com`, username });
  return { id: u.id, email: u.email, username: u.username };
}

/**
 * One workspace with a dataset, a folder with a file, and a sibling dataset/folder/file that no
 * grant names (the leak checks). Principals get their role on the one resource kind under test.
 */
async function world(kind: Kind) {
  const owner = await person("own");
  const ws = await db().workspace.create({ data: { ownerId: owner.id, slug: `m${++seq}`, name: "Matrix" } });
  const workspace = { ...ws, owner: owner.username! };
  const dataset = (slug: string) => createEmptyDataset({ workspaceId: ws.id, slug, createdById: owner.id });
  const [ds, otherDs] = [await dataset("target"), await dataset("sibling")];
  const root = await getRootFolder(ws.id);
  const folder = await createFolder(owner, { parentId: root.id, name: "shared" });
  const otherFolder = await createFolder(owner, { parentId: root.id, name: "private" });
  const put = async (folderId: string, name: string) => {
    const r = await storeFile(
      owner,
      { folderId, segments: [name], onClash: "keep-both" },
      { stream: Readable.from([Buffer.from(`content of ${name}`)]) },
    );
    if (r.status === "skipped") throw new Error("not stored");
    return r.id;
  };
  const file = await put(folder.id, "inside.txt");
  const otherFile = await put(otherFolder.id, "secret.txt");

  const target: { type: ResourceType; id: string } =
    kind === "workspace"
      ? { type: "workspace", id: ws.id }
      : kind === "dataset"
        ? { type: "dataset", id: ds.id }
        : kind === "folder"
          ? { type: "folder", id: folder.id }
          : { type: "file", id: file };

  const admin = await person("adm");
  const member = await person("mem");
  await db().membership.createMany({
    data: [
      { workspaceId: ws.id, userId: admin.id, role: "admin" },
      { workspaceId: ws.id, userId: member.id, role: "member" },
    ],
  });
  const editor = await person("edi");
  const viewer = await person("vie");
  const viewOnly = await person("von");
  const aggregate = await person("agg");
  const scoped = await person("sco");
  const expiredUser = await person("exp");
  const partnerOwner = await person("par");
  const partner = await db().workspace.create({
    data: { ownerId: partnerOwner.id, slug: `p${++seq}`, name: "Partner" },
  });
  const partnerMember = await person("pmem");
  await db().membership.create({ data: { workspaceId: partner.id, userId: partnerMember.id, role: "member" } });
  const stranger = await person("str");

  await shareResource(owner, target.type, target.id, { grantees: [editor.username!], role: "editor" });
  await shareResource(owner, target.type, target.id, { grantees: [viewer.username!], role: "viewer" });
  await shareResource(owner, target.type, target.id, { grantees: [viewOnly.username!], role: "viewonly" });
  // Totals only exists on datasets alone: on the other kinds this person holds nothing.
  if (kind === "dataset") {
    await shareResource(owner, "dataset", ds.id, { grantees: [aggregate.username!], role: "aggregate" });
  }
  // A slice (issue 19) exists on datasets only: elsewhere this principal holds nothing.
  if (target.type === "dataset") {
    await db().dataset.update({
      where: { id: ds.id },
      data: {
        columns: [
          { name: "region", type: "VARCHAR" },
          { name: "secret", type: "VARCHAR" },
        ],
      },
    });
    await shareResource(owner, "dataset", ds.id, {
      grantees: [scoped.username!],
      role: "viewer",
      scope: { rows: [{ column: "region", op: "eq", value: "North" }], columns: ["region"] },
    });
  }
  const openLink = async (allowDownload: boolean) => {
    const { token } = await createAccessLink(owner, {
      resourceType: target.type,
      resourceId: target.id,
      allowDownload,
    });
    const opened = await openAccessLink(token, { client: `matrix-${++seq}`, viewer: null, cookies: () => undefined });
    if (opened.status !== "ok") throw new Error(`link not opened: ${opened.status}`);
    return opened.link.actor;
  };
  const viewOnlyLink = await createAccessLink(owner, {
    resourceType: target.type,
    resourceId: target.id,
    allowDownload: false,
  });
  const openedLink = await openAccessLink(viewOnlyLink.token, {
    client: `matrix-${seq}`,
    viewer: null,
    cookies: () => undefined,
  });
  if (openedLink.status !== "ok") throw new Error(`link not opened: ${openedLink.status}`);
  // An upload-only link to the folder under test (or the one holding the resource under test).
  const fileRequest = await createFileRequest(owner, {
    folderId: folder.id,
    title: "Send files",
    maxFileBytes: 1000,
    maxFiles: 10,
  });
  const openedRequest = await openAccessLink(fileRequest.token, {
    client: `matrix-${++seq}`,
    viewer: null,
    cookies: () => undefined,
  });
  if (openedRequest.status !== "ok") throw new Error(`file request not opened: ${openedRequest.status}`);
  await shareResource(owner, target.type, target.id, { grantees: [`workspace:${partner.id}`], role: "viewer" });
  await shareResource(owner, target.type, target.id, {
    grantees: [expiredUser.username!],
    role: "editor",
    expiresAt: new Date(Date.now() + 60_000),
  });
  await db().share.updateMany({
    where: { granteeUserId: expiredUser.id },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });

  const principals: Record<Principal, Actor> = {
    manager: owner,
    admin,
    member,
    "editor grant": editor,
    "viewer grant": viewer,
    "view-only grant": viewOnly,
    "aggregate grant": aggregate,
    "scoped viewer grant": scoped,
    "view-only link": openedLink.link.actor,
    "download link": await openLink(true),
    "file-request link": openedRequest.link.actor,
    "workspace-grantee member": partnerMember,
    "expired grant": expiredUser,
    stranger,
  };
  return {
    put,
    owner,
    workspace,
    ds,
    otherDs,
    root,
    folder,
    otherFolder,
    file,
    otherFile,
    target,
    principals,
    stranger,
  };
}

type World = Awaited<ReturnType<typeof world>>;

/** The level each principal should have on the resource under test, per the sharing rules. */
const LEVELS: Record<Principal, Level> = {
  manager: "manage",
  admin: "manage",
  member: "write",
  "editor grant": "write",
  "viewer grant": "read",
  "view-only grant": "view",
  "aggregate grant": "summarise",
  // on a dataset: a viewer of its slice (levels below are per kind: see levelOf)
  "scoped viewer grant": "read",
  "view-only link": "view",
  "download link": "read",
  // A file request sends files in (lib/file-requests) and reads nothing, whatever it points at.
  "file-request link": "none",
  "workspace-grantee member": "read",
  "expired grant": "none",
  stranger: "none",
};

/**
 * A principal's level on the kind under test: a totals-only grant and a slice exist on datasets
 * only; on any other kind these principals were given nothing.
 */
const levelOf = (principal: Principal, kind: Kind): Level =>
  (principal === "aggregate grant" || principal === "scoped viewer grant") && kind !== "dataset"
    ? "none"
    : LEVELS[principal];

/** Each action on each kind, through the services the UI and API call. */
function act(w: World, actor: Actor, kind: Kind, action: Action, probe: string): Promise<unknown> {
  const only = async (visible: boolean) => {
    if (!visible) throw notFound("Not listed");
  };
  const revoke = async (type: ResourceType, id: string) => {
    await shareResource(w.owner, type, id, { grantees: [`revoke-${probe}@example.org`], role: "viewer" });
    await revokeGrantee(actor, type, id, `email:revoke-${probe}@example.org`);
  };
  switch (kind) {
    case "workspace":
      switch (action) {
        case "summarise": // a role on the workspace reaches its datasets
          return loadDataset(actor, { id: w.ds.id }, "summarise");
        case "list":
          return listDatasetsVisible(actor, w).then((ids) => only(ids.includes(w.ds.id) && ids.includes(w.otherDs.id)));
        case "read":
          return getWorkspaceForActor(actor, w.workspace.owner, w.workspace.slug).then((v) => only(!!v));
        case "query":
          return getDataset(actor, { id: w.otherDs.id });
        case "download":
          return openFileDownload(actor, w.otherFile);
        case "write":
          return createFolder(actor, { parentId: w.root.id, name: `new-${probe}` });
        case "delete":
          return w.put(w.root.id, `delete-me-${probe}.txt`).then((id) => trashEntries(actor, { ids: [id] }));
        case "share":
          return shareResource(actor, "workspace", w.workspace.id, {
            grantees: [`${probe}@example.org`],
            role: "viewer",
          });
        case "list grants":
          return listResourceAccess(actor, "workspace", w.workspace.id);
        case "insights": // a workspace has none of its own; a role on it reaches its dataset's
          return getInsights(actor, "dataset", w.ds.id);
        case "revoke":
          return revoke("workspace", w.workspace.id);
        case "change visibility":
          return updateWorkspace(actor, w.workspace.id, {
            name: `Matrix ${probe}`,
            slug: w.workspace.slug,
            description: "",
          });
      }
      break;
    case "dataset":
      switch (action) {
        case "summarise":
          return loadDataset(actor, { id: w.ds.id }, "summarise");
        case "list":
          return listDatasetsVisible(actor, w).then((ids) => only(ids.includes(w.ds.id)));
        case "read":
          return getDataset(actor, { id: w.ds.id });
        // The matrix's datasets have no rows: the capability the query and export services assert stands in
        // (lib/api/view-only-downloads.int.test.ts runs the real routes).
        case "query":
          return loadDataset(actor, { id: w.ds.id }, "view");
        case "download":
          return loadDataset(actor, { id: w.ds.id }, "read");
        case "write":
          return updateDataset(actor, w.ds.id, { name: `Target ${probe}`, slug: "target", description: "", tags: [] });
        case "delete":
          return loadDataset(actor, { id: w.ds.id }, "write");
        case "share":
          return shareResource(actor, "dataset", w.ds.id, { grantees: [`${probe}@example.org`], role: "viewer" });
        case "list grants":
          return listResourceAccess(actor, "dataset", w.ds.id);
        case "insights":
          return getInsights(actor, "dataset", w.ds.id);
        case "revoke":
          return revoke("dataset", w.ds.id);
        case "change visibility":
          return setDatasetVisibility(actor, w.ds.id, "private");
      }
      break;
    case "folder":
    case "file": {
      const id = kind === "folder" ? w.folder.id : w.file;
      switch (action) {
        case "summarise": // files and folders have no summaries; viewing stands in
          return loadEntry(actor, id, "view");
        case "list":
          return listedSomewhere(actor, w, id, kind === "folder" ? w.root.id : w.folder.id);
        case "read":
          return loadEntry(actor, id, "view");
        case "query":
          return kind === "file" ? loadEntry(actor, id, "view") : listFolder(actor, w.folder.id);
        case "download":
          return kind === "file"
            ? openFileDownload(actor, w.file)
            : zipFolder(actor, w.folder.id).then(({ stream }) => stream.destroy());
        case "write":
          return kind === "folder"
            ? createFolder(actor, { parentId: w.folder.id, name: `sub-${probe}` })
            : renameEntry(actor, { id: w.file, name: `inside-${probe}.txt` });
        // Trashing the file under test would take it away from the next principals: a fresh one stands in.
        case "delete":
          return kind === "folder"
            ? w.put(w.folder.id, `delete-me-${probe}.txt`).then((f) => trashEntries(actor, { ids: [f] }))
            : loadEntry(actor, id, "write");
        case "share":
          return shareResource(actor, kind, id, { grantees: [`${probe}@example.org`], role: "viewer" });
        case "list grants":
          return listResourceAccess(actor, kind, id);
        case "insights":
          return getInsights(actor, kind, id);
        case "revoke":
          return revoke(kind, id);
        case "change visibility":
          return listResourceAccess(actor, kind, id); // files and folders have no visibility; managing access stands in
      }
    }
  }
  throw new Error(`no action ${action} for ${kind}`);
}

/** Listed where the actor browses: in its parent folder or, for a grantee who cannot read that, at the workspace's top. */
async function listedSomewhere(actor: Actor, w: World, id: string, parentId: string): Promise<void> {
  for (const folderId of [parentId, w.root.id]) {
    const page = await listFolder(actor, folderId, { limit: 1000 }).catch(() => null);
    if (page?.entries.some((e) => e.id === id)) return;
  }
  throw notFound("Not listed");
}

async function listDatasetsVisible(actor: Actor, w: World): Promise<string[]> {
  const where = await readableDatasetsWhere(actor, { id: w.workspace.id, ownerId: w.workspace.ownerId });
  return (await db().dataset.findMany({ where, select: { id: true } })).map((d) => d.id);
}

const ACTIONS: Action[] = [
  "summarise",
  "list",
  "read",
  "query",
  "download",
  "write",
  "delete",
  "share",
  "list grants",
  "revoke",
  "change visibility",
  "insights",
];
const PRINCIPALS = Object.keys(LEVELS) as Principal[];

/**
 * Where a link visitor differs from a grantee by design: a link shows its own resource, never the
 * listing of its container or the catalog, and never reaches workspace administration.
 */
const LINK_EXCEPTIONS: Partial<Record<Kind, Partial<Record<Action, Outcome>>>> = {
  dataset: { list: "not_found" },
  folder: { list: "not_found" },
  file: { list: "not_found" },
  workspace: { "change visibility": "not_found" },
};
const isLink = (p: Principal) => p === "view-only link" || p === "download link";

describe.each(["workspace", "dataset", "folder", "file"] as Kind[])(
  "every principal × every action on a %s",
  (kind) => {
    it("matches the sharing rules exactly, and nothing else in the workspace leaks", async () => {
      const w = await world(kind);
      const mismatches: string[] = [];
      let probe = 0;
      for (const principal of PRINCIPALS) {
        const actor = w.principals[principal];
        for (const action of ACTIONS) {
          const want =
            (isLink(principal) && LINK_EXCEPTIONS[kind]?.[action]) || expected(levelOf(principal, kind), action);
          const got = await outcome(() => act(w, actor, kind, action, `${++probe}`));
          if (process.env.MATRIX_DEBUG) console.log(kind, principal, action, got);
          if (got !== want) mismatches.push(`${kind}: ${principal} / ${action}: expected ${want}, got ${got}`);
        }
        // Leaks: a grant on this resource reveals nothing beside or above it.
        if (kind !== "workspace" && !["manager", "admin", "member"].includes(principal)) {
          const siblings = [
            await outcome(() => getDataset(actor, { id: w.otherDs.id })),
            await outcome(() => loadEntry(actor, w.otherFolder.id, "read")),
            await outcome(() => loadEntry(actor, w.otherFile, "read")),
            await outcome(() => openFileDownload(actor, w.otherFile)),
            await outcome(() => listResourceAccess(actor, "workspace", w.workspace.id)),
          ];
          if (siblings.some((s) => s !== "not_found"))
            mismatches.push(`${principal}: sibling resources answered ${siblings.join(", ")}`);
          const listed = await listDatasetsVisible(actor, w);
          if (listed.includes(w.otherDs.id)) mismatches.push(`${principal}: the catalog lists the sibling dataset`);
        }
      }
      // The scoped grantee's dataset is its slice: the hidden column does not exist for them.
      if (kind === "dataset") {
        const view = await getDataset(w.principals["scoped viewer grant"], { id: w.ds.id });
        if (view.columns.map((c) => c.name).join() !== "region")
          mismatches.push(`scoped viewer grant: sees columns ${view.columns.map((c) => c.name).join()}`);
      }
      expect(mismatches).toEqual([]);
    }, 120_000);
  },
);

describe("public visibility", () => {
  it("lets every signed-in user read and list a public dataset, and only an editor grant write it", async () => {
    const w = await world("dataset");
    await setDatasetVisibility(w.owner, w.ds.id, "public");
    const someone = await person("any");
    expect(await outcome(() => getDataset(someone, { id: w.ds.id }))).toBe("ok");
    expect(await listDatasetsVisible(someone, w)).toEqual([w.ds.id]);
    expect(await outcome(() => act(w, someone, "dataset", "write", "p1"))).toBe("forbidden");
    expect(await outcome(() => act(w, someone, "dataset", "share", "p2"))).toBe("forbidden");
    expect(await outcome(() => act(w, w.principals["editor grant"], "dataset", "write", "p3"))).toBe("ok");
    expect(await outcome(() => getDataset(someone, { id: w.otherDs.id }))).toBe("not_found");
  });
});

describe("listed visibility", () => {
  it("shows a Listed dataset's card to every signed-in user and nothing more; link visitors and Private datasets get 404", async () => {
    const w = await world("dataset");
    await setDatasetVisibility(w.owner, w.ds.id, "listed");
    const someone = await person("any");
    const mismatches: string[] = [];
    const expect_ = async (label: string, want: Outcome, run: () => Promise<unknown>) => {
      const got = await outcome(run);
      if (got !== want) mismatches.push(`${label}: expected ${want}, got ${got}`);
    };
    // any signed-in user, and principals without a role (an expired grant)
    for (const [name, actor] of [
      ["signed-in user", someone],
      ["expired grant", w.principals["expired grant"]],
    ] as const) {
      await expect_(`${name} card`, "ok", () => loadDatasetCard(actor, { id: w.ds.id }));
      await expect_(`${name} in Discover`, "ok", () =>
        discoverDatasets(actor, { q: w.ds.name }).then((p) => {
          if (!p.items.some((i) => i.id === w.ds.id)) throw notFound("Not listed");
        }),
      );
      await expect_(`${name} rows`, "not_found", () => act(w, actor, "dataset", "read", "l1"));
      await expect_(`${name} query`, "not_found", () => act(w, actor, "dataset", "query", "l2"));
      await expect_(`${name} stats`, "not_found", () => getColumnStats(actor, w.ds.id));
      await expect_(`${name} download`, "not_found", () => act(w, actor, "dataset", "download", "l3"));
      await expect_(`${name} write`, "not_found", () => act(w, actor, "dataset", "write", "l4"));
      await expect_(`${name} share`, "not_found", () => act(w, actor, "dataset", "share", "l5"));
      await expect_(`${name} catalog list`, "not_found", () => act(w, actor, "dataset", "list", "l6"));
      await expect_(`${name} workspace pages`, "not_found", () =>
        getWorkspaceForActor(actor, w.workspace.owner, w.workspace.slug),
      );
      await expect_(`${name} workspace shell`, "ok", () =>
        getWorkspaceForActor(actor, w.workspace.owner, w.workspace.slug, { allowPublic: true }),
      );
      await expect_(`${name} sibling card`, "not_found", () => loadDatasetCard(actor, { id: w.otherDs.id }));
    }
    // grantees keep exactly their role; a link visitor (no account, or one through a link) sees no card
    await expect_("view-only grant download", "forbidden", () =>
      act(w, w.principals["view-only grant"], "dataset", "download", "l7"),
    );
    await expect_("viewer grant download", "ok", () =>
      act(w, w.principals["viewer grant"], "dataset", "download", "l8"),
    );
    for (const link of ["download link", "view-only link"] as const) {
      const visitor = w.principals[link];
      await expect_(`${link} card of a sibling`, "not_found", () => loadDatasetCard(visitor, { id: w.otherDs.id }));
      await expect_(`${link} request`, "not_found", () =>
        createAccessRequest(visitor, { source: "discover", datasetId: w.ds.id }, {}),
      );
      await expect_(`${link} Discover`, "ok", () =>
        discoverDatasets(visitor, {}).then((p) => {
          if (p.items.length > 0) throw new Error("a link visitor sees Discover");
        }),
      );
    }
    // Private again: the card is gone, with the same answer as for a missing dataset
    await setDatasetVisibility(w.owner, w.ds.id, "private");
    await expect_("private card", "not_found", () => loadDatasetCard(someone, { id: w.ds.id }));
    expect(await outcome(() => loadDatasetCard(someone, { id: w.ds.id }))).toEqual(
      await outcome(() => loadDatasetCard(someone, { id: "missing" })),
    );
    expect(mismatches).toEqual([]);
  }, 60_000);
});

describe("view-only grants cascade, and the strongest grant wins", () => {
  it("a view-only grant on a folder makes its files view-only; a viewer grant on one file lets that file download", async () => {
    const w = await world("folder");
    const carol = await person("car");
    await shareResource(w.owner, "folder", w.folder.id, { grantees: [carol.username!], role: "viewonly" });
    const second = await w.put(w.folder.id, "second.txt");

    expect(await outcome(() => listFolder(carol, w.folder.id))).toBe("ok");
    expect(await outcome(() => loadEntry(carol, w.file, "view"))).toBe("ok");
    expect(await outcome(() => openFileDownload(carol, w.file))).toBe("forbidden");
    expect(await outcome(() => openFileDownload(carol, second))).toBe("forbidden");
    // a text file's inline preview is viewing, not downloading
    expect(await outcome(() => openFileDownload(carol, w.file, { inline: true }))).toBe("ok");
    expect(await outcome(() => zipFolder(carol, w.folder.id).then(({ stream }) => stream.destroy()))).toBe("forbidden");

    await shareResource(w.owner, "file", second, { grantees: [carol.username!], role: "viewer" });
    expect(await outcome(() => openFileDownload(carol, second))).toBe("ok");
    expect(await outcome(() => openFileDownload(carol, w.file))).toBe("forbidden");

    // a stronger grant higher up wins too, and nothing outside the folder opens
    await shareResource(w.owner, "workspace", w.workspace.id, { grantees: [carol.username!], role: "viewer" });
    expect(await outcome(() => openFileDownload(carol, w.file))).toBe("ok");
  });

  it("a view-only grant below a viewer grant does not lower it", async () => {
    const w = await world("file");
    const dave = await person("dav");
    await shareResource(w.owner, "folder", w.folder.id, { grantees: [dave.username!], role: "viewer" });
    await shareResource(w.owner, "file", w.file, { grantees: [dave.username!], role: "viewonly" });
    expect(await outcome(() => openFileDownload(dave, w.file))).toBe("ok");
    expect(await outcome(() => openFileDownload(dave, w.otherFile))).toBe("not_found");
  });

  it("a view-only grant that becomes viewer can download, and both changes are audited", async () => {
    const w = await world("dataset");
    const erin = await person("eri");
    await shareResource(w.owner, "dataset", w.ds.id, { grantees: [erin.username!], role: "viewonly" });
    expect(await outcome(() => loadDataset(erin, { id: w.ds.id }, "read"))).toBe("forbidden");
    await shareResource(w.owner, "dataset", w.ds.id, { grantees: [erin.username!], role: "viewer" });
    expect(await outcome(() => loadDataset(erin, { id: w.ds.id }, "read"))).toBe("ok");
    const events = await db().auditEvent.findMany({
      where: { resourceId: w.ds.id, action: { in: ["share.created", "share.role_changed"] } },
      orderBy: { createdAt: "asc" },
    });
    const erins = events
      .map((e) => ({ action: e.action, ...(e.details as { grantee?: string; role?: string; from?: string }) }))
      .filter((e) => e.grantee === erin.username);
    expect(erins.map(({ action, role, from }) => ({ action, role, from }))).toEqual([
      { action: "share.created", role: "viewonly", from: undefined },
      { action: "share.role_changed", role: "viewer", from: "viewonly" },
    ]);
  });
});
