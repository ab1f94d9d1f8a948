import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { demoWorld } from "./world";

const { alice: aliceUser, bob: bobUser } = demoWorld("walk");

const run = promisify(execFile);

/** The curl commands of one walk-through block of docs/api.md (comments dropped, continuation lines joined). */
function walkthrough(name: string): string[] {
  const doc = fs.readFileSync(path.join(process.cwd(), "docs/api.md"), "utf8");
  const match = new RegExp(`<!-- walkthrough:${name} -->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match) throw new Error(`docs/api.md has no walk-through block "${name}"`);
  return match[1]!
    .replace(/^#.*$/gm, "")
    .replace(/\\\n/g, " ")
    .split(/\n\s*\n/)
    .map((c) => c.trim())
    .filter(Boolean);
}

test.describe("docs/api.md: the DataLinks walk-through, run with curl exactly as written", () => {
  test("owner shares with alice, lists, revokes; namespace share; the grantee reads under the owner's username", async ({
    request,
    baseURL,
  }) => {
    const bob = bobUser.token;
    const alice = aliceUser.token;
    const dataset = `walk-${Date.now().toString(36)}`;
    expect(
      (
        await request.post(`/api/v1/ingest/research/${dataset}`, {
          headers: { Authorization: `Bearer ${bob}` },
          data: [{ id: 1, reading: 0.5 }],
        })
      ).status(),
    ).toBe(201);
    const out = path.join(os.tmpdir(), `walkthrough-${process.pid}.out`);

    // Only the base URL, the token, the path placeholders and the grantee (this file's own alice) change;
    // the commands are the documented ones.
    async function curl(command: string, token: string): Promise<{ status: number; body: string }> {
      const concrete = command
        .replaceAll("http://localhost:3000", baseURL!)
        .replaceAll("{owner}", bobUser.username)
        .replaceAll('"username": "alice"', `"username": "${aliceUser.username}"`)
        .replaceAll("{namespace}", "research")
        .replaceAll("{datasetName}", dataset);
      const { stdout } = await run("bash", ["-c", `${concrete} -sS -o '${out}' -w '%{http_code}'`], {
        env: { ...process.env, DATASHELF_TOKEN: token },
      });
      return { status: Number(stdout), body: fs.readFileSync(out, "utf8") };
    }
    const one = (name: string) => {
      const commands = walkthrough(name);
      expect(commands).toHaveLength(1);
      return commands[0]!;
    };

    expect(await curl(one("share-dataset"), bob)).toEqual({ status: 200, body: "" });
    const listed = await curl(one("list-dataset"), bob);
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.body)).toEqual([{ username: aliceUser.username, role: "viewer" }]);
    expect((await curl(one("grantee-read"), alice)).status).toBe(200);
    expect(await curl(one("revoke-dataset"), bob)).toEqual({ status: 200, body: "" });
    expect((await curl(one("grantee-read"), alice)).status).toBe(404);

    expect(await curl(one("share-namespace"), bob)).toEqual({ status: 200, body: "" });
    const read = await curl(one("grantee-read"), alice);
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({ data: [{ id: "1", reading: 0.5 }] });
    const [list, revoke] = walkthrough("namespace-list-revoke");
    const namespaceGrants = await curl(list!, bob);
    expect(JSON.parse(namespaceGrants.body)).toEqual([{ username: aliceUser.username, role: "editor" }]);
    expect((await curl(list!, alice)).status).toBe(403); // only the owner lists grants
    expect(await curl(revoke!, bob)).toEqual({ status: 200, body: "" });
    expect((await curl(one("grantee-read"), alice)).status).toBe(404);
    fs.rmSync(out, { force: true });
  });
});
