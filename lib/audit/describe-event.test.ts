import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, type AuditRecord, describeEvent, kindOf } from "./describe-event";
import { emptyNames, type EventNames, resourceKey } from "./names";
import { sentenceText } from "./sentence";

const LIB = path.join(process.cwd(), "lib");

/** Every action string the product's source passes to recordAudit / recordDeletion / open-link's audit(). */
function recordedActions(): Set<string> {
  const found = new Set<string>();
  const files = fs
    .readdirSync(LIB, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith(`audit${path.sep}`));
  for (const file of files) {
    const source = fs.readFileSync(path.join(LIB, file), "utf8");
    if (!/recordAudit\(|recordDeletion\(/.test(source)) continue;
    // action: "a.b", action: cond ? "a.b" : "c.d", action: `${x.kind}.moved`, and typed unions "a.b" | "c.d"
    for (const m of source.matchAll(/action(?:\??:)\s*([^,\n;]+)/g)) {
      const expression = m[1] ?? "";
      for (const literal of expression.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) found.add(literal[1]!);
      for (const template of expression.matchAll(/`\$\{[^}]*kind\}\.([a-z_]+)`/g)) {
        found.add(`file.${template[1]}`);
        found.add(`folder.${template[1]}`);
      }
    }
    for (const m of source.matchAll(/audit\(\w+,\s*"([a-z_]+\.[a-z_]+)"/g)) found.add(m[1]!);
    for (const m of source.matchAll(/recordDeletion\([^)]*type:\s*"(\w+)"/g)) found.add(`${m[1]}.deleted`);
  }
  return found;
}

const alice = "u-alice";
const carol = "u-carol";

function names(): EventNames {
  const n = emptyNames();
  n.users.set(alice, { name: "Alice Anders", username: "alice" });
  n.users.set(carol, { name: "carol", username: "carol" });
  n.usernames.set("bob", { name: "Bob Berg", username: "bob" });
  n.resources.set(resourceKey("dataset", "d1"), { name: "Orders 2026", href: "/w/alice/sales/catalog/orders" });
  n.resources.set(resourceKey("folder", "f1"), { name: "Board pack", href: "/w/alice/sales/files/Board%20pack" });
  n.resources.set(resourceKey("workspace", "w1"), { name: "Sales", href: "/w/alice/sales" });
  n.links.set("l1", { label: "board", expiresAt: new Date("2026-12-12T00:00:00Z") });
  return n;
}

const event = (over: Partial<AuditRecord>): AuditRecord => ({
  action: "share.created",
  resourceType: "dataset",
  resourceId: "d1",
  actorId: alice,
  details: {},
  ...over,
});

describe("describeEvent", () => {
  it("has a sentence for every action the product records", () => {
    const actions = recordedActions();
    // the scan itself must find the well-known ones, or it proves nothing
    expect(actions).toContain("member.role_changed");
    expect(actions).toContain("link.denied");
    expect(actions).toContain("folder.moved");
    expect(actions).toContain("dataset.deleted");
    const missing = [...actions].filter((a) => !(a in AUDIT_ACTIONS));
    expect(missing, "actions without a sentence in AUDIT_ACTIONS").toEqual([]);
  });

  it("never leaves an id, a key or a raw action in a sentence, even from empty details", () => {
    const ids = ["u-alice", "d1", "f1", "w1", "l1", "user:", "email:", "cmx"];
    for (const action of Object.keys(AUDIT_ACTIONS)) {
      for (const resourceType of ["dataset", "file", "folder", "workspace"] as const) {
        // ids where the records keep ids (moves name folders by id; renames keep names there)
        const folders =
          !/^(file|folder)\./.test(action) || action.endsWith(".renamed")
            ? {}
            : { from: "f1", to: "f1", parentId: "f1" };
        for (const details of [{}, { userId: carol, grantee: `user:${carol}`, linkId: "l1", ...folders }]) {
          const text = sentenceText(
            describeEvent(event({ action, resourceType, resourceId: "zz9", details }), names()),
          );
          for (const id of ids) expect(text, `${action} on ${resourceType}`).not.toContain(id);
          expect(text).not.toContain(action);
          expect(text).not.toMatch(/undefined|null|\[object/);
        }
      }
    }
  });

  it("names the people, the resource and the role of a share, linking the resource", () => {
    const sentence = describeEvent(
      event({ details: { grantee: "carol@example.com", granteeType: "email", role: "viewer" } }),
      names(),
    );
    expect(sentenceText(sentence)).toBe("Alice Anders shared Orders 2026 with carol@example.com as viewer");
    expect(sentence).toContainEqual({ text: "Orders 2026", strong: true, href: "/w/alice/sales/catalog/orders" });
  });

  it("shows people a record names by username by their display name", () => {
    const added = event({
      action: "member.added",
      resourceType: "workspace",
      resourceId: "w1",
      details: { username: "bob", role: "member" },
    });
    expect(sentenceText(describeEvent(added, names()))).toBe("Alice Anders added Bob Berg to Sales as member");
    const shared = event({ details: { grantee: "bob", granteeType: "user", role: "editor" } });
    expect(sentenceText(describeEvent(shared, names()))).toBe(
      "Alice Anders shared Orders 2026 with Bob Berg as editor",
    );
  });

  it("describes a role change and a link with its expiry date", () => {
    const role = event({
      action: "member.role_changed",
      resourceType: "workspace",
      resourceId: "w1",
      details: { userId: carol, role: "admin" },
    });
    expect(sentenceText(describeEvent(role, names()))).toBe("Alice Anders changed carol’s role to admin");
    const link = event({
      action: "link.created",
      resourceType: "folder",
      resourceId: "f1",
      details: { linkId: "l1", mode: "authenticated", password: false, expiresAt: "2026-12-12T10:00:00.000Z" },
    });
    expect(sentenceText(describeEvent(link, names()))).toBe(
      "Alice Anders created an access link “board” to Board pack (expires 12 Dec 2026, sign-in required)",
    );
  });

  it("names a deleted resource from what the record kept, else as 'a deleted …'", () => {
    const kept = event({ action: "dataset.deleted", resourceId: "gone", details: { name: "Old orders", slug: "old" } });
    expect(sentenceText(describeEvent(kept, names()))).toBe(
      "Alice Anders deleted the dataset Old orders (a deleted dataset)",
    );
    const nothing = event({ action: "share.revoked", resourceId: "gone", details: { grantee: `user:${carol}` } });
    expect(sentenceText(describeEvent(nothing, names()))).toBe(
      "Alice Anders stopped sharing a deleted dataset with carol",
    );
  });

  it("speaks of link visitors and deleted accounts without naming anyone", () => {
    const visit = event({ action: "link.used", actorId: null, details: { linkId: "l1", prefix: "ab12" } });
    expect(sentenceText(describeEvent(visit, names()))).toBe(
      "Someone opened Orders 2026 through the access link “board”",
    );
    const download = event({
      action: "dataset.downloaded",
      actorId: null,
      details: { link: "l1", linkId: "l1", format: "csv", version: 2 },
    });
    expect(sentenceText(describeEvent(download, names()))).toBe(
      "Someone with the access link “board” downloaded Orders 2026 (CSV, version 2)",
    );
    const ghost = event({ action: "dataset.visibility_changed", actorId: "u-gone", details: { to: "public" } });
    expect(sentenceText(describeEvent(ghost, names()))).toMatch(/^A deleted account made Orders 2026 public/);
  });

  it("tells file requests: who asked, with which limits, and who sent a file", () => {
    const created = event({
      action: "file_request.created",
      details: { title: "Receipts", maxFiles: 5, maxFileBytes: 10240, audience: "anyone", password: true },
    });
    expect(sentenceText(describeEvent(created, names()))).toBe(
      "Alice Anders created the file request “Receipts” into Orders 2026 (5 files, up to 10.0 KB each, anyone with the link, password protected)",
    );
    const received = event({
      action: "file_request.received",
      actorId: null,
      details: { title: "Receipts", uploader: "Vera Visitor", size: 20480, linkId: "l1" },
    });
    expect(sentenceText(describeEvent(received, names()))).toBe(
      "Vera Visitor sent Orders 2026 (20.0 KB) through the file request “Receipts”",
    );
    const revoked = event({ action: "file_request.revoked", details: { title: "Receipts" } });
    expect(sentenceText(describeEvent(revoked, names()))).toBe(
      "Alice Anders revoked the file request “Receipts” into Orders 2026",
    );
  });

  it("groups actions into the filter's kinds", () => {
    expect(kindOf("share.created")).toBe("sharing");
    expect(kindOf("member.role_changed")).toBe("members");
    expect(kindOf("link.created")).toBe("links");
    expect(kindOf("folder.moved")).toBe("files");
    expect(kindOf("dataset.ingested")).toBe("datasets");
  });
});
