import "server-only";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Actor } from "@/lib/access";
import { catalogTempDir } from "./config";
import { commitIngest } from "./ingest/commit-ingest";
import { prepareIngest } from "./ingest/prepare-ingest";
import type { SourceFormat } from "./types";

type DemoDataset = {
  name: string;
  slug: string;
  description: string;
  tags: string[];
  format: SourceFormat;
  file: string;
  content: () => string;
};

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
    lines.push(
      `${i},${day},${REGIONS[i % 4]},${PRODUCTS[Math.floor(next() * 5)]},${quantity},${price},${1 + Math.floor(next() * 200)},${shipped}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const VESSELS = [
  { mmsi: 257034560, name: "Nordic Star", type: "Cargo", lat: 58.97, lon: 5.73, heading: 20 },
  { mmsi: 257118240, name: "Bergen Trader", type: "Cargo", lat: 60.39, lon: 5.32, heading: 190 },
  { mmsi: 258402110, name: "Fjordline Aurora", type: "Passenger", lat: 59.05, lon: 10.03, heading: 230 },
  { mmsi: 257775900, name: "Havørn", type: "Fishing", lat: 62.47, lon: 6.15, heading: 300 },
  { mmsi: 259003470, name: "Skagerrak Tern", type: "Tanker", lat: 58.15, lon: 8.01, heading: 260 },
  { mmsi: 257551320, name: "Stad Pilot", type: "Pilot", lat: 62.19, lon: 5.11, heading: 90 },
];

/** AIS-style position reports: each vessel every 5 minutes through one January week, drifting along its course. */
function vesselPositionsCsv(): string {
  const next = sequence(2026);
  const lines = ["mmsi,vessel_name,vessel_type,recorded_at,latitude,longitude,speed_knots,course_deg,nav_status"];
  const start = Date.UTC(2026, 0, 5);
  for (const v of VESSELS) {
    let { lat, lon, heading } = v;
    for (let step = 0; step < 2016; step++) {
      const moored = v.type === "Fishing" ? step % 288 > 200 : next() < 0.04;
      const speed = moored
        ? 0
        : Math.max(0, (v.type === "Pilot" ? 14 : v.type === "Passenger" ? 18 : 11) + (next() - 0.5) * 4);
      heading = (heading + (next() - 0.5) * 12 + 360) % 360;
      const km = (speed * 1.852) / 12; // 5 minutes at this speed
      lat = Math.min(63.5, Math.max(57.8, lat + (km / 111) * Math.cos((heading * Math.PI) / 180)));
      lon = Math.min(
        11,
        Math.max(4.5, lon + (km / (111 * Math.cos((lat * Math.PI) / 180))) * Math.sin((heading * Math.PI) / 180)),
      );
      const at = new Date(start + step * 300_000).toISOString().slice(0, 19).replace("T", " ");
      const status = moored ? "Moored" : v.type === "Fishing" ? "Engaged in fishing" : "Under way using engine";
      lines.push(
        `${v.mmsi},${v.name},${v.type},${at},${lat.toFixed(5)},${lon.toFixed(5)},${speed.toFixed(1)},${heading.toFixed(0)},${status}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

const SITES = [
  { site: "Oslo harbour", sensors: ["th-osl-01", "th-osl-02"] },
  { site: "Bergen warehouse", sensors: ["th-bgo-01", "th-bgo-02", "th-bgo-03"] },
  { site: "Trondheim cold store", sensors: ["th-trd-01"] },
];

/** Temperature/humidity sensors reporting every 15 minutes for `days` days from `from`; a few readings are lost (null). */
function sensorReadingsJsonl(from: number, days: number, seed: number): string {
  const next = sequence(seed);
  const rows: string[] = [];
  for (let t = 0; t < days * 96; t++) {
    const at = from + t * 900_000;
    const hour = new Date(at).getUTCHours() + new Date(at).getUTCMinutes() / 60;
    for (const { site, sensors } of SITES) {
      const base = site.includes("cold") ? -18 : site.includes("warehouse") ? 12 : 4;
      for (const sensor of sensors) {
        const lost = next() < 0.01;
        const temperature = base + 3 * Math.sin(((hour - 9) / 24) * 2 * Math.PI) + (next() - 0.5);
        rows.push(
          JSON.stringify({
            sensor_id: sensor,
            site,
            recorded_at: new Date(at).toISOString().slice(0, 19).replace("T", " "),
            temperature_c: lost ? null : Math.round(temperature * 100) / 100,
            humidity_pct: lost ? null : Math.round((site.includes("harbour") ? 80 : 45) + (next() - 0.5) * 10),
            battery_v: Math.round((3.6 - t * 0.00005 - next() * 0.02) * 1000) / 1000,
          }),
        );
      }
    }
  }
  return `${rows.join("\n")}\n`;
}

type Seeded = DemoDataset & { append?: { file: string; content: () => string } };

const DATASETS: Seeded[] = [
  {
    name: "Vessel positions",
    slug: "vessel-positions",
    tags: ["ais", "maritime", "positions"],
    format: "csv",
    file: "vessel-positions-2026-w02.csv",
    content: vesselPositionsCsv,
    description:
      "AIS position reports of six vessels off the Norwegian coast, every 5 minutes for the week of 5 January 2026: position, speed over ground, course and navigational status.",
  },
  {
    name: "Sensor readings",
    slug: "sensor-readings",
    tags: ["iot", "sensors", "temperature"],
    format: "jsonl",
    file: "sensor-readings-2026-01.jsonl",
    content: () => sensorReadingsJsonl(Date.UTC(2026, 0, 1), 7, 7),
    description:
      "Temperature, humidity and battery voltage from six sensors at three sites, every 15 minutes. Lost readings are empty.",
    append: {
      file: "sensor-readings-2026-01-week2.jsonl",
      content: () => sensorReadingsJsonl(Date.UTC(2026, 0, 8), 7, 8),
    },
  },
  {
    name: "Orders 2026",
    slug: "orders-2026",
    description: "Every order placed in 2026, one row per order line.",
    tags: ["sales", "orders"],
    format: "csv",
    file: "orders-2026.csv",
    content: ordersCsv,
  },
];

/** Sample datasets (generated here, deterministic) in a demo workspace, created through the same ingest as uploads. */
export async function seedCatalogDemo({
  owner,
  workspace,
}: {
  owner: Actor;
  workspace: { id: string };
}): Promise<void> {
  const dir = path.join(catalogTempDir(), `seed-${randomBytes(6).toString("hex")}`);
  await fsp.mkdir(dir, { recursive: true });
  try {
    for (const dataset of DATASETS) {
      const file = path.join(dir, dataset.file);
      await fsp.writeFile(file, dataset.content());
      const ingest = await prepareIngest(owner, {
        workspaceId: workspace.id,
        mode: "create",
        sourcePath: file,
        sourceName: dataset.file,
        format: dataset.format,
      });
      const { datasetId } = await commitIngest(owner, ingest.id, {
        name: dataset.name,
        slug: dataset.slug,
        description: dataset.description,
        tags: dataset.tags,
      });
      if (dataset.append) {
        // A second week of readings, so the demo shows a version history.
        const more = path.join(dir, dataset.append.file);
        await fsp.writeFile(more, dataset.append.content());
        const append = await prepareIngest(owner, {
          workspaceId: workspace.id,
          mode: "append",
          datasetId,
          sourcePath: more,
          sourceName: dataset.append.file,
          format: dataset.format,
        });
        await commitIngest(owner, append.id);
      }
    }
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
