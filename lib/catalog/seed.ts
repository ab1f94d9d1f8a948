import "server-only";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Actor } from "@/lib/access";
import { catalogTempDir } from "./config";
import { commitIngest } from "./ingest/commit-ingest";
import { prepareIngest } from "./ingest/prepare-ingest";
import type { SourceFormat } from "./types";

type DemoDataset = { name: string; slug: string; description: string; tags: string[]; format: SourceFormat; file: string; content: () => string };

const REGIONS = ["North", "South", "East", "West"];
const PRODUCTS = ["Widget", "Gadget", "Gizmo", "Doohickey", "Sprocket"];

/** Deterministic pseudo-random numbers, so the demo looks the same on every machine. */
function sequence(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

function ordersCsv(): string {
  const next = sequence(42);
  const lines = ["order_id,order_date,region,product,quantity,unit_price,customer_id,shipped"];
  for (let i = 1; i <= 5000; i++) {
    const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 300) * 86_400_000).toISOString().slice(0, 10);
    const quantity = 1 + Math.floor(next() * 20);
    const price = (5 + next() * 95).toFixed(2);
    const shipped = next() < 0.85 ? "true" : next() < 0.5 ? "false" : "";
    lines.push(`${i},${day},${REGIONS[i % 4]},${PRODUCTS[Math.floor(next() * 5)]},${quantity},${price},${1 + Math.floor(next() * 200)},${shipped}`);
  }
  return `${lines.join("\n")}\n`;
}

function customersJsonl(): string {
  const next = sequence(7);
  const countries = ["DE", "FR", "GB", "NO", "ES", "IT", "NL"];
  const rows = [];
  for (let id = 1; id <= 200; id++) {
    rows.push(JSON.stringify({ customer_id: id, name: `Customer ${id}`, country: countries[id % countries.length], segment: next() < 0.3 ? "enterprise" : "smb", lifetime_value: Math.round(next() * 100_000) / 100 }));
  }
  return `${rows.join("\n")}\n`;
}

function targetsTsv(): string {
  const lines = ["quarter\tregion\ttarget_eur"];
  for (const quarter of ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]) {
    REGIONS.forEach((region, i) => lines.push(`${quarter}\t${region}\t${100_000 + i * 25_000}`));
  }
  return `${lines.join("\n")}\n`;
}

const DATASETS: DemoDataset[] = [
  { name: "Orders 2026", slug: "orders-2026", description: "Every order placed in 2026, one row per order line.", tags: ["sales", "orders"], format: "csv", file: "orders-2026.csv", content: ordersCsv },
  { name: "Customers", slug: "customers", description: "Customer master data with segment and lifetime value.", tags: ["customers", "crm"], format: "jsonl", file: "customers.jsonl", content: customersJsonl },
  { name: "Regional targets", slug: "regional-targets", description: "Quarterly revenue targets per sales region.", tags: ["sales", "planning"], format: "tsv", file: "targets.tsv", content: targetsTsv },
];

/** Sample datasets in the demo's sales workspace, created through the same ingest as uploads. */
export async function seedCatalogDemo({ owner, workspace }: { owner: Actor; workspace: { id: string } }): Promise<void> {
  const dir = path.join(catalogTempDir(), `seed-${randomBytes(6).toString("hex")}`);
  await fsp.mkdir(dir, { recursive: true });
  try {
    for (const dataset of DATASETS) {
      const file = path.join(dir, dataset.file);
      await fsp.writeFile(file, dataset.content());
      const ingest = await prepareIngest(owner, { workspaceId: workspace.id, mode: "create", sourcePath: file, sourceName: dataset.file, format: dataset.format });
      await commitIngest(owner, ingest.id, { name: dataset.name, slug: dataset.slug, description: dataset.description, tags: dataset.tags });
    }
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
