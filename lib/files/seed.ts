import "server-only";
import { Readable } from "node:stream";
import type { Actor } from "@/lib/access";
import { drawPng } from "./demo-png";
import { getRootFolder } from "./root-folder";
import { storeFile } from "./store-file";

const README = `# Alice's files

This is the demo file store. Try it:

- open **reports/2026** and preview the CSV as a table,
- preview **images/logo.png**,
- drag files or whole folders from your computer onto this page to upload them,
- select items with click, Shift+click or Ctrl+click (or the arrow keys) and move, rename or delete them.

Deleted items go to the trash, where the workspace owner can restore them.
`;

const SUMMARY = `# Q1 2026 summary

Revenue grew 12% over Q4 2025, driven by the northern region.
See q1-sales.csv for the numbers by month and region.
`;

function salesCsv(): string {
  const regions = ["North", "South", "East", "West"];
  const lines = ["month,region,orders,revenue_eur"];
  for (const month of ["2026-01", "2026-02", "2026-03"]) {
    regions.forEach((region, i) => {
      const orders = 120 + i * 35 + month.charCodeAt(6) * 3;
      lines.push(`${month},${region},${orders},${(orders * 48.5).toFixed(2)}`);
    });
  }
  return `${lines.join("\n")}\n`;
}

const CUSTOMERS = `id,name,country,since
1,Acme GmbH,DE,2021-03-14
2,Bluebird Ltd,GB,2022-07-01
3,Café Olé SARL,FR,2023-01-20
4,Nordlys AS,NO,2024-11-05
`;

function logoPng(): Buffer {
  return drawPng(96, 96, (x, y) => {
    const inRing = Math.abs(Math.hypot(x - 48, y - 48) - 30) < 8;
    return inRing ? [79, 70, 229] : [238 - (y >> 2), 242 - (x >> 3), 255];
  });
}

/** The demo folder tree in alice's personal workspace, stored through the same service as uploads. */
export async function seedFilesDemo({ owner, workspace }: { owner: Actor; workspace: { id: string } }): Promise<void> {
  const root = await getRootFolder(workspace.id);
  const files: [string, Buffer | string][] = [
    ["README.md", README],
    ["reports/2026/q1-summary.md", SUMMARY],
    ["reports/2026/q1-sales.csv", salesCsv()],
    ["data/customers.csv", CUSTOMERS],
    ["images/logo.png", logoPng()],
  ];
  for (const [path, content] of files) {
    await storeFile(
      owner,
      { folderId: root.id, segments: path.split("/"), onClash: "skip" },
      { stream: Readable.from([Buffer.from(content)]) },
    );
  }
}
