import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layering rule "app/ and components/ render and call lib/; only lib/ queries" is enforced by lint.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(file: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: path.join(process.cwd(), file) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the lint boundary between app/, components/ and the database", () => {
  it.each([
    ["components/links/example.tsx", 'import { getDb } from "@/lib/db";'],
    ["components/links/example.tsx", 'import { createDb } from "@/lib/db/client";'],
    ["app/w/example/page.tsx", 'import { getDb } from "../../../lib/db";'],
    ["app/api/example/route.ts", 'import { PrismaClient } from "@prisma/client";'],
  ])("refuses a database import in %s: %s", async (file, source) => {
    expect(await boundaryErrors(file, `${source}\nexport const x = 1;\n`)).toEqual([
      expect.stringMatching(/lib\/\* service/),
    ]);
  });

  it("lets lib/ services use the database and app/ use services", async () => {
    expect(
      await boundaryErrors("lib/sharing/example.ts", 'import { getDb } from "@/lib/db";\nexport const x = getDb;\n'),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        "app/w/example/page.tsx",
        'import { listDatasets } from "@/lib/catalog/list-datasets";\nexport const x = listDatasets;\n',
      ),
    ).toEqual([]);
  });
});
