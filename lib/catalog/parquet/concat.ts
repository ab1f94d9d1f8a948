import "server-only";
import { randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { copyRanges, type FileRange } from "@/lib/storage/copy-ranges";
import {
  decodeStruct,
  encodeStruct,
  encodeValue,
  getField,
  setField,
  type ThriftStruct,
  type ThriftValue,
} from "./thrift-compact";

const MAGIC = Buffer.from("PAR1");
const ENCRYPTED_MAGIC = Buffer.from("PARE");

// parquet.thrift field ids.
const FILE = { schema: 2, numRows: 3, rowGroups: 4, encryptionAlgorithm: 8 };
const ROW_GROUP = { columns: 1, fileOffset: 5, ordinal: 7 };
const CHUNK = { filePath: 1, fileOffset: 2, metaData: 3, offsetIndex: 4, columnIndex: 6, crypto: 8, encrypted: 9 };
// data_page_offset, index_page_offset, dictionary_page_offset, bloom_filter_offset
const COLUMN_META_OFFSETS = [9, 10, 11, 14];

type Input = { file: string; size: number; bodyLength: number; meta: ThriftStruct };

/**
 * Joins Parquet files of one schema into one file by moving their bytes, never decoding a page: each
 * input's body (everything between its leading magic and its footer) is copied as is, and one new
 * footer lists every input's row groups with their offsets moved to where that body landed. Rule: the
 * result holds exactly the inputs' rows in order, or no file is written; inputs it cannot join
 * verbatim (not Parquet, encrypted, another schema, column chunks in other files) are refused.
 * `output` must not exist.
 */
export async function concatParquet(inputs: string[], output: string): Promise<{ rows: number; bytes: number }> {
  if (inputs.length < 1) throw new Error("Concatenating Parquet files needs at least one input.");
  const read: Input[] = [];
  for (const file of inputs) read.push(await readInput(file));

  const schema = Buffer.from(encodeValue(required(read[0]!.meta, FILE.schema, "list", inputs[0]!)));
  for (const input of read.slice(1)) {
    if (!schema.equals(encodeValue(required(input.meta, FILE.schema, "list", input.file)))) {
      throw new Error(`${input.file} has another schema than ${inputs[0]}; only files of one schema can be joined.`);
    }
  }

  let rows = 0n;
  for (const input of read) rows += required(input.meta, FILE.numRows, "i64", input.file).value;

  // Moving the row groups also checks them, so a single input is refused for the same reasons.
  const rowGroups: ThriftStruct[] = [];
  const bodies: FileRange[] = [];
  let position = MAGIC.length;
  for (const input of read) {
    bodies.push({ file: input.file, offset: MAGIC.length, size: input.bodyLength });
    for (const rowGroup of required(input.meta, FILE.rowGroups, "list", input.file).items) {
      if (rowGroup.type !== "struct") throw new Error(`${input.file} has a malformed row group.`);
      moveRowGroup(rowGroup, position - MAGIC.length, input);
      rowGroups.push(rowGroup);
    }
    position += input.bodyLength;
  }

  let ranges: FileRange[];
  let tail = Buffer.alloc(0);
  if (read.length === 1) ranges = [{ file: read[0]!.file, offset: 0, size: read[0]!.size }];
  else {
    // The leading magic is copied from the first input (checked to be PAR1), so bytes come only from files.
    ranges = [{ file: read[0]!.file, offset: 0, size: MAGIC.length }, ...bodies];
    rowGroups.forEach((rowGroup, i) => {
      if (getField(rowGroup, ROW_GROUP.ordinal)) setField(rowGroup, ROW_GROUP.ordinal, { type: "i16", value: i });
    });
    const meta = read[0]!.meta;
    setField(meta, FILE.numRows, { type: "i64", value: rows });
    setField(meta, FILE.rowGroups, { type: "list", element: "struct", items: rowGroups });
    const footer = encodeStruct(meta);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(footer.length);
    tail = Buffer.concat([footer, length, MAGIC]);
  }

  // Checked up front because the final rename would replace an existing file silently.
  if (await exists(output)) throw new Error(`${output} already exists.`);
  const temp = path.join(path.dirname(output), `.${path.basename(output)}.${randomUUID()}.tmp`);
  try {
    await copyRanges(ranges, temp);
    if (tail.length) await fsp.appendFile(temp, tail);
    await fsp.rename(temp, output);
  } catch (error) {
    // EEXIST: the temporary name was someone else's file; leave it.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") await fsp.rm(temp, { force: true });
    throw error;
  }
  const bytes = ranges.reduce((sum, r) => sum + r.size, tail.length);
  return { rows: Number(rows), bytes };
}

async function readInput(file: string): Promise<Input> {
  const handle = await fsp.open(file, "r");
  try {
    const { size } = await handle.stat();
    const notParquet = new Error(`${file} is not a Parquet file.`);
    if (size < 12) throw notParquet;
    const head = Buffer.alloc(4);
    const trailer = Buffer.alloc(8);
    await readFully(handle, head, 0);
    await readFully(handle, trailer, size - 8);
    const magic = trailer.subarray(4);
    if (magic.equals(ENCRYPTED_MAGIC)) throw new Error(`${file} is an encrypted Parquet file; it cannot be joined.`);
    if (!head.equals(MAGIC) || !magic.equals(MAGIC)) throw notParquet;
    const footerLength = trailer.readUInt32LE(0);
    if (footerLength > size - 12) throw notParquet;
    const footer = Buffer.alloc(footerLength);
    await readFully(handle, footer, size - 8 - footerLength);
    let meta: ThriftStruct;
    try {
      meta = decodeStruct(footer).struct;
    } catch (error) {
      throw new Error(`${file} has an unreadable Parquet footer: ${(error as Error).message}`);
    }
    if (getField(meta, FILE.encryptionAlgorithm)) {
      throw new Error(`${file} is an encrypted Parquet file; it cannot be joined.`);
    }
    return { file, size, bodyLength: size - 8 - footerLength - MAGIC.length, meta };
  } finally {
    await handle.close();
  }
}

async function readFully(handle: fsp.FileHandle, buffer: Buffer, position: number) {
  for (let done = 0; done < buffer.length;) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) throw new Error("File ended while reading its Parquet footer.");
    done += bytesRead;
  }
}

/** Moves every absolute offset in `rowGroup` by `delta`, after checking it points into the input's body. */
function moveRowGroup(rowGroup: ThriftStruct, delta: number, input: Input) {
  const move = (struct: ThriftStruct, id: number, zeroIsUnset = false) => {
    const value = getField(struct, id);
    if (!value) return;
    if (value.type !== "i64") throw new Error(`${input.file} has a malformed offset in its footer.`);
    if (zeroIsUnset && value.value === 0n) return;
    if (value.value < MAGIC.length || value.value >= MAGIC.length + input.bodyLength) {
      throw new Error(`${input.file} has an offset outside its data (${value.value}).`);
    }
    setField(struct, id, { type: "i64", value: value.value + BigInt(delta) });
  };
  move(rowGroup, ROW_GROUP.fileOffset);
  for (const chunk of required(rowGroup, ROW_GROUP.columns, "list", input.file).items) {
    if (chunk.type !== "struct") throw new Error(`${input.file} has a malformed column chunk.`);
    if (getField(chunk, CHUNK.filePath)) {
      throw new Error(`${input.file} keeps column data in other files (file_path); it cannot be joined.`);
    }
    if (getField(chunk, CHUNK.crypto) || getField(chunk, CHUNK.encrypted)) {
      throw new Error(`${input.file} has encrypted columns; it cannot be joined.`);
    }
    // parquet.thrift: writers set file_offset to 0 when no ColumnMetaData is written outside the footer.
    move(chunk, CHUNK.fileOffset, true);
    move(chunk, CHUNK.offsetIndex);
    move(chunk, CHUNK.columnIndex);
    const meta = getField(chunk, CHUNK.metaData);
    if (meta?.type !== "struct") throw new Error(`${input.file} has a column chunk without metadata.`);
    for (const id of COLUMN_META_OFFSETS) move(meta, id);
  }
}

function required<T extends ThriftValue["type"]>(
  struct: ThriftStruct,
  id: number,
  type: T,
  file: string,
): Extract<ThriftValue, { type: T }> {
  const value = getField(struct, id);
  if (value?.type !== type) throw new Error(`${file} has a malformed Parquet footer (field ${id}).`);
  return value as Extract<ThriftValue, { type: T }>;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
