import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concatParquet } from "./concat";
import { decodeStruct, encodeStruct, getField, setField, type ThriftStruct, type ThriftValue } from "./thrift-compact";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concat-parquet-"));
let instance: DuckDBInstance;
let c: DuckDBConnection;

const file = (name: string) => path.join(dir, name);
const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowsJson();
const one = async (sql: string) => (await rows(sql))[0]![0];
const footerOf = (name: string) => {
  const bytes = fs.readFileSync(file(name));
  const length = bytes.readUInt32LE(bytes.length - 8);
  return bytes.subarray(bytes.length - 8 - length, bytes.length - 8);
};
/** A copy of `name` whose footer `edit` changed, as another writer might have written it. */
const withFooter = (name: string, copy: string, edit: (meta: ThriftStruct) => void) => {
  const bytes = fs.readFileSync(file(name));
  const footer = footerOf(name);
  const meta = decodeStruct(footer).struct;
  edit(meta);
  const encoded = encodeStruct(meta);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(encoded.length);
  const body = bytes.subarray(0, bytes.length - 8 - footer.length);
  fs.writeFileSync(file(copy), Buffer.concat([body, encoded, length, Buffer.from("PAR1")]));
};
const structs = (value: ThriftValue | undefined) => (value?.type === "list" ? (value.items as ThriftStruct[]) : []);

/** Names in `dir` that are not the given files: leftovers such as temporary files. */
const others = (...names: string[]) => fs.readdirSync(dir).filter((n) => !names.includes(n) && !n.endsWith(".parquet"));

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  c = await instance.connect();
  // Repeated names and small-range ints get dictionaries (and so bloom filters); nullable and decimal
  // columns cover definition levels and fixed-point types.
  await c.run(`CREATE TABLE src AS SELECT
      range AS id,
      'name_' || (range % 37) AS name,
      range * 1.5 AS amount,
      TIMESTAMP '2020-01-01' + to_seconds(range) AS ts,
      DATE '2000-01-01' + (range % 9000)::INTEGER AS day,
      range % 3 = 0 AS flag,
      CASE WHEN range % 7 = 0 THEN NULL ELSE range % 1000 END AS maybe,
      ((range % 100000) / 8)::DECIMAL(12, 3) AS price
    FROM range(300000)`);
  const copy = (where: string, name: string, options = "") =>
    c.run(
      `COPY (SELECT * FROM src WHERE ${where} ORDER BY id) TO '${file(name)}' (FORMAT parquet, COMPRESSION lz4_raw${options})`,
    );
  await copy("id < 100000", "a.parquet", ", ROW_GROUP_SIZE 50000, KV_METADATA {origin: 'test'}");
  await copy("id BETWEEN 100000 AND 199999", "b.parquet", ", KV_METADATA {origin: 'test'}");
  await copy("id >= 200000", "c.parquet", ", ROW_GROUP_SIZE 30000, KV_METADATA {origin: 'test'}");
});

afterAll(() => {
  c?.closeSync();
  instance?.closeSync();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("concatParquet", () => {
  it("joins files into one holding every row in order, with each input's bytes copied verbatim", async () => {
    const inputs = ["a.parquet", "b.parquet", "c.parquet"].map(file);
    const result = await concatParquet(inputs, file("abc.parquet"));
    const out = file("abc.parquet");
    expect(result).toEqual({ rows: 300000, bytes: fs.statSync(out).size });
    expect(others()).toEqual([]);

    // Pages are not re-encoded: the output is PAR1 followed by each input's body.
    const bytes = fs.readFileSync(out);
    let position = 4;
    for (const input of inputs) {
      const source = fs.readFileSync(input);
      const body = source.subarray(4, source.length - 8 - source.readUInt32LE(source.length - 8));
      expect(bytes.subarray(position, position + body.length).equals(body)).toBe(true);
      position += body.length;
    }
    expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
    expect(bytes.subarray(-4).toString()).toBe("PAR1");
    expect(position + bytes.readUInt32LE(bytes.length - 8) + 8).toBe(bytes.length);

    expect(await one(`SELECT count(*) FROM '${out}'`)).toBe("300000");
    expect(await one(`SELECT count(*) FROM (FROM src EXCEPT ALL FROM '${out}')`)).toBe("0");
    expect(await one(`SELECT count(*) FROM (FROM '${out}' EXCEPT ALL FROM src)`)).toBe("0");
    expect(
      await one(`SELECT count(*) FROM read_parquet('${out}', file_row_number = true) WHERE id <> file_row_number`),
    ).toBe("0");

    // Every input's row groups, in order, with their sizes and statistics.
    const groups = (f: string) =>
      rows(`SELECT row_group_num_rows, path_in_schema, stats_min, stats_max, total_compressed_size, encodings
        FROM parquet_metadata('${f}') ORDER BY row_group_id, column_id`);
    const expected = [];
    for (const input of inputs) expected.push(...(await groups(input)));
    expect(await groups(out)).toEqual(expected);
    const groupCount = (f: string) => one(`SELECT num_row_groups FROM parquet_file_metadata('${f}')`);
    expect(await groupCount(file("a.parquet"))).toBe("2");
    expect(await groupCount(file("c.parquet"))).toBe("4");
    expect(await groupCount(out)).toBe("7");
  });

  it("keeps the footer's schema, metadata, statistics and bloom filters usable", async () => {
    const out = file("abc.parquet");
    const a = file("a.parquet");
    const schema = (f: string) => rows(`SELECT * EXCLUDE (file_name) FROM parquet_schema('${f}')`);
    expect(await schema(out)).toEqual(await schema(a));
    expect(await rows(`SELECT key::VARCHAR, value::VARCHAR FROM parquet_kv_metadata('${out}')`)).toEqual([
      ["origin", "test"],
    ]);
    expect(
      await rows(`SELECT created_by, num_rows, num_row_groups, format_version FROM parquet_file_metadata('${out}')`),
    ).toEqual([[await one(`SELECT created_by FROM parquet_file_metadata('${a}')`), "300000", "7", "1"]]);

    const point = (from: string) => rows(`SELECT * FROM ${from} WHERE id = 123456`);
    expect(await point(`'${out}'`)).toEqual(await point("src"));
    expect((await point(`'${out}'`))[0]!.slice(0, 2)).toEqual(["123456", "name_24"]);
    expect(await one(`SELECT count(*) FROM '${out}' WHERE name = 'name_5'`)).toBe(
      await one(`SELECT count(*) FROM src WHERE name = 'name_5'`),
    );

    // The bloom filters are found at their moved offsets: a present value is never excluded, an
    // absent one is in every row group.
    const probe = (value: string) =>
      rows(`SELECT bool_and(bloom_filter_excludes), bool_or(bloom_filter_excludes), count(*)
        FROM parquet_bloom_probe('${out}', 'name', '${value}')`);
    expect(await probe("name_5")).toEqual([[false, false, "7"]]);
    expect(await probe("no such name")).toEqual([[true, true, "7"]]);
  });

  it("rewrites only the row group list and row count in the footer", async () => {
    const joined = decodeStruct(footerOf("abc.parquet")).struct;
    const first = decodeStruct(footerOf("a.parquet")).struct;
    const rest = (s: ThriftStruct) => ({ ...s, fields: s.fields.filter((f) => f.id !== 3 && f.id !== 4) });
    expect(rest(joined)).toEqual(rest(first));

    // A row group starts at its first column's first page (dictionary or data), checked against the
    // moved column offsets, which DuckDB's reads above already rely on.
    const starts = structs(getField(joined, 4)).map((rowGroup) => {
      const meta = getField(structs(getField(rowGroup, 1))[0]!, 3) as ThriftStruct;
      const first = getField(meta, 11) ?? getField(meta, 9);
      return [getField(rowGroup, 5), first];
    });
    expect(starts).toHaveLength(7);
    for (const [start, first] of starts) expect(start).toEqual(first);
  });

  it("renumbers row group ordinals", async () => {
    withFooter("a.parquet", "ordinals.parquet", (meta) =>
      structs(getField(meta, 4)).forEach((rowGroup, i) => setField(rowGroup, 7, { type: "i16", value: i })),
    );
    const out = file("ordinals-twice.parquet");
    await concatParquet([file("ordinals.parquet"), file("ordinals.parquet")], out);
    const ordinals = structs(getField(decodeStruct(footerOf("ordinals-twice.parquet")).struct, 4)).map((g) =>
      getField(g, 7),
    );
    expect(ordinals).toEqual([0, 1, 2, 3].map((value) => ({ type: "i16", value })));
    expect(await one(`SELECT count(DISTINCT id) FROM '${out}'`)).toBe("100000");
    expect(await one(`SELECT count(*) FROM '${out}'`)).toBe("200000");
  });

  it("refuses column chunks kept in other files and encrypted files", async () => {
    withFooter("b.parquet", "elsewhere.parquet", (meta) =>
      setField(structs(getField(structs(getField(meta, 4))[0]!, 1))[0]!, 1, {
        type: "binary",
        value: Buffer.from("x"),
      }),
    );
    await expect(concatParquet([file("a.parquet"), file("elsewhere.parquet")], file("x.parquet"))).rejects.toThrow(
      "file_path",
    );
    await expect(concatParquet([file("elsewhere.parquet")], file("x.parquet"))).rejects.toThrow("file_path");
    const encrypted = fs.readFileSync(file("b.parquet"));
    encrypted.write("PARE", encrypted.length - 4);
    fs.writeFileSync(file("encrypted.parquet"), encrypted);
    await expect(concatParquet([file("encrypted.parquet")], file("x.parquet"))).rejects.toThrow("encrypted");
    expect(fs.existsSync(file("x.parquet"))).toBe(false);
    expect(others()).toEqual([]);
  });

  it("copies a single input as is", async () => {
    const result = await concatParquet([file("b.parquet")], file("b-copy.parquet"));
    expect(fs.readFileSync(file("b-copy.parquet")).equals(fs.readFileSync(file("b.parquet")))).toBe(true);
    expect(result).toEqual({ rows: 100000, bytes: fs.statSync(file("b.parquet")).size });
  });

  it("joins files written as Parquet version 2", async () => {
    const names = ["v2-a.parquet", "v2-b.parquet"];
    for (const [i, name] of names.entries()) {
      await c.run(`COPY (SELECT * FROM src WHERE id % 2 = ${i} ORDER BY id) TO '${file(name)}'
        (FORMAT parquet, COMPRESSION lz4_raw, PARQUET_VERSION V2, ROW_GROUP_SIZE 40000)`);
    }
    const out = file("v2.parquet");
    expect(await concatParquet(names.map(file), out)).toMatchObject({ rows: 300000 });
    expect(await one(`SELECT format_version FROM parquet_file_metadata('${out}')`)).toBe("2");
    expect(await one(`SELECT count(*) FROM (FROM src EXCEPT ALL FROM '${out}')`)).toBe("0");
    expect(await one(`SELECT count(*) FROM (FROM '${out}' EXCEPT ALL FROM src)`)).toBe("0");
    expect(await rows(`SELECT id, name FROM '${out}' WHERE id = 7`)).toEqual([["7", "name_7"]]);
  });

  it("refuses files of another schema, files that are not Parquet, no inputs, and an existing output", async () => {
    await c.run(`COPY (SELECT id, name FROM src LIMIT 10) TO '${file("narrow.parquet")}' (FORMAT parquet)`);
    await c.run(`COPY (SELECT * REPLACE (amount::FLOAT AS amount) FROM src LIMIT 10) TO '${file("float.parquet")}'
      (FORMAT parquet)`);
    fs.writeFileSync(file("text.parquet"), "id,name\n1,a\n2,b\n3,c\n");
    const before = fs.readdirSync(dir).sort();

    await expect(concatParquet([file("a.parquet"), file("narrow.parquet")], file("x.parquet"))).rejects.toThrow(
      "another schema",
    );
    await expect(concatParquet([file("a.parquet"), file("float.parquet")], file("x.parquet"))).rejects.toThrow(
      "another schema",
    );
    await expect(concatParquet([file("a.parquet"), file("text.parquet")], file("x.parquet"))).rejects.toThrow(
      "is not a Parquet file",
    );
    await expect(concatParquet([], file("x.parquet"))).rejects.toThrow("at least one input");
    await expect(concatParquet([file("a.parquet"), file("b.parquet")], file("c.parquet"))).rejects.toThrow(
      "already exists",
    );
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(await one(`SELECT count(*) FROM '${file("c.parquet")}'`)).toBe("100000");
  });
});

describe("Thrift compact codec", () => {
  it("writes DuckDB's footers back byte for byte", () => {
    for (const name of ["a.parquet", "b.parquet", "c.parquet", "v2-a.parquet"]) {
      const footer = footerOf(name);
      const { struct, length } = decodeStruct(footer);
      expect(length).toBe(footer.length);
      expect(Buffer.from(encodeStruct(struct)).equals(footer)).toBe(true);
    }
  });

  it("keeps every type, large and negative integers, and long field-id jumps", () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    const struct: ThriftStruct = {
      type: "struct",
      fields: [
        { id: 1, value: { type: "bool", value: true } },
        { id: 2, value: { type: "bool", value: false } },
        { id: 3, value: { type: "byte", value: -5 } },
        { id: 4, value: { type: "i16", value: -32768 } },
        { id: 5, value: { type: "i32", value: 2147483647 } },
        { id: 6, value: { type: "i64", value: -(2n ** 63n) } },
        { id: 7, value: { type: "i64", value: 2n ** 53n + 1n } },
        { id: 40, value: { type: "double", value: bytes(0, 0, 0, 0, 0, 0, 0xf8, 0x7f) } },
        { id: 20, value: { type: "binary", value: bytes() } },
        {
          id: 21,
          value: {
            type: "list",
            element: "bool",
            items: [
              { type: "bool", value: true },
              { type: "bool", value: false },
            ],
          },
        },
        {
          id: 22,
          value: {
            type: "set",
            element: "i32",
            items: Array.from({ length: 20 }, (_, i) => ({ type: "i32" as const, value: i - 10 })),
          },
        },
        {
          id: 23,
          value: {
            type: "map",
            key: "binary",
            value: "struct",
            entries: [
              [
                { type: "binary", value: bytes(97) },
                { type: "struct", fields: [] },
              ],
            ],
          },
        },
        { id: 24, value: { type: "map", key: "binary", value: "binary", entries: [] } },
        { id: 25, value: { type: "uuid", value: new Uint8Array(16).fill(7) } },
        { id: -3, value: { type: "struct", fields: [{ id: 300, value: { type: "i16", value: 1 } }] } },
      ],
    };
    const encoded = encodeStruct(struct);
    const { struct: decoded, length } = decodeStruct(encoded);
    expect(length).toBe(encoded.length);
    expect(decoded).toEqual(struct);
    expect(Buffer.from(encodeStruct(decoded)).equals(Buffer.from(encoded))).toBe(true);
    // Short form for a small forward jump: field 1, type bool-true.
    expect(encoded[0]).toBe(0x11);
  });

  it("rejects truncated data", () => {
    const encoded = encodeStruct({
      type: "struct",
      fields: [{ id: 1, value: { type: "binary", value: Buffer.from("abc") } }],
    });
    expect(() => decodeStruct(encoded.subarray(0, 3))).toThrow("ends early");
  });
});
