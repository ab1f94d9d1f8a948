import "server-only";

/**
 * A generic Thrift compact-protocol value tree. Decoding keeps every field, known or not, in the order
 * read, so a footer can be edited in a few places and written back without losing anything.
 */
export type ThriftValue =
  | { type: "bool"; value: boolean }
  | { type: "byte"; value: number }
  | { type: "i16"; value: number }
  | { type: "i32"; value: number }
  | { type: "i64"; value: bigint }
  | { type: "double"; value: Uint8Array } // the 8 bytes as sent, so NaN payloads survive
  | { type: "binary"; value: Uint8Array }
  | { type: "uuid"; value: Uint8Array }
  | { type: "list"; element: ThriftType; items: ThriftValue[] }
  | { type: "set"; element: ThriftType; items: ThriftValue[] }
  | { type: "map"; key: ThriftType; value: ThriftType; entries: [ThriftValue, ThriftValue][] }
  | ThriftStruct;

export type ThriftStruct = { type: "struct"; fields: ThriftField[] };
export type ThriftField = { id: number; value: ThriftValue };
export type ThriftType = ThriftValue["type"];

// Compact-protocol type codes. In a field header a bool is 1 (true) or 2 (false); as a list element
// type it is 1 (some writers send 2, which decodes the same).
const CODES: Record<ThriftType, number> = {
  bool: 1,
  byte: 3,
  i16: 4,
  i32: 5,
  i64: 6,
  double: 7,
  binary: 8,
  list: 9,
  set: 10,
  map: 11,
  struct: 12,
  uuid: 13,
};
const TYPES = new Map<number, ThriftType>(Object.entries(CODES).map(([t, c]) => [c, t as ThriftType]));
TYPES.set(2, "bool");

function typeOf(code: number): ThriftType {
  const type = TYPES.get(code);
  if (!type) throw new Error(`Unknown Thrift compact type ${code}.`);
  return type;
}

/** The first struct at the start of `bytes`, and how many bytes it took. */
export function decodeStruct(bytes: Uint8Array): { struct: ThriftStruct; length: number } {
  const reader = new Reader(bytes);
  const struct = reader.struct(0);
  return { struct, length: reader.pos };
}

export function encodeStruct(struct: ThriftStruct): Uint8Array {
  const writer = new Writer();
  writer.struct(struct);
  return writer.bytes();
}

/** One value (e.g. a field's) on its own, for comparing values by their encoding. */
export function encodeValue(value: ThriftValue): Uint8Array {
  const writer = new Writer();
  writer.value(value);
  return writer.bytes();
}

export function getField(struct: ThriftStruct, id: number): ThriftValue | undefined {
  return struct.fields.find((f) => f.id === id)?.value;
}

/** Replaces field `id`'s value, or adds the field where its id sorts among the others. */
export function setField(struct: ThriftStruct, id: number, value: ThriftValue): void {
  const existing = struct.fields.find((f) => f.id === id);
  if (existing) existing.value = value;
  else {
    const at = struct.fields.findIndex((f) => f.id > id);
    struct.fields.splice(at < 0 ? struct.fields.length : at, 0, { id, value });
  }
}

// Nesting bound: a footer is data from a file, and a hostile one must not overflow the stack.
const MAX_DEPTH = 64;

class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  private byte(): number {
    if (this.pos >= this.buf.length) throw new Error("Thrift data ends early.");
    return this.buf[this.pos++]!;
  }

  private take(n: number): Uint8Array {
    if (n > this.buf.length - this.pos) throw new Error("Thrift data ends early.");
    const out = new Uint8Array(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return out;
  }

  private varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
    }
    throw new Error("Thrift varint is too long.");
  }

  private zigzag(): bigint {
    const n = this.varint();
    return (n >> 1n) ^ -(n & 1n);
  }

  private int(bits: 16 | 32): number {
    const n = this.zigzag();
    if (n < -(1n << BigInt(bits - 1)) || n >= 1n << BigInt(bits - 1)) throw new Error(`Thrift i${bits} out of range.`);
    return Number(n);
  }

  private size(): number {
    const n = this.varint();
    if (n > BigInt(this.buf.length - this.pos)) throw new Error("Thrift data ends early.");
    return Number(n);
  }

  struct(depth: number): ThriftStruct {
    if (depth > MAX_DEPTH) throw new Error("Thrift data is nested too deeply.");
    const fields: ThriftField[] = [];
    let lastId = 0;
    for (;;) {
      const header = this.byte();
      if (header === 0) return { type: "struct", fields };
      const code = header & 0x0f;
      const delta = header >> 4;
      const id = delta ? lastId + delta : this.int(16);
      lastId = id;
      const value: ThriftValue =
        code === 1 || code === 2 ? { type: "bool", value: code === 1 } : this.value(typeOf(code), depth);
      fields.push({ id, value });
    }
  }

  value(type: ThriftType, depth: number): ThriftValue {
    switch (type) {
      case "bool":
        return { type, value: this.byte() === 1 };
      case "byte":
        return { type, value: (this.byte() << 24) >> 24 };
      case "i16":
        return { type, value: this.int(16) };
      case "i32":
        return { type, value: this.int(32) };
      case "i64":
        return { type, value: BigInt.asIntN(64, this.zigzag()) };
      case "double":
        return { type, value: this.take(8) };
      case "binary":
        return { type, value: this.take(this.size()) };
      case "uuid":
        return { type, value: this.take(16) };
      case "list":
      case "set": {
        const header = this.byte();
        const element = typeOf(header & 0x0f);
        const count = header >> 4 === 0x0f ? this.size() : header >> 4;
        const items = Array.from({ length: count }, () => this.value(element, depth + 1));
        return { type, element, items };
      }
      case "map": {
        const count = this.size();
        if (count === 0) return { type, key: "binary", value: "binary", entries: [] };
        const kinds = this.byte();
        const key = typeOf(kinds >> 4);
        const value = typeOf(kinds & 0x0f);
        const entries = Array.from(
          { length: count },
          () => [this.value(key, depth + 1), this.value(value, depth + 1)] as [ThriftValue, ThriftValue],
        );
        return { type, key, value, entries };
      }
      case "struct":
        return this.struct(depth + 1);
    }
  }
}

class Writer {
  private chunks: number[] = [];
  private parts: Uint8Array[] = [];

  bytes(): Uint8Array {
    this.flush();
    return Buffer.concat(this.parts);
  }

  private flush() {
    if (this.chunks.length) this.parts.push(Uint8Array.from(this.chunks));
    this.chunks = [];
  }

  private raw(bytes: Uint8Array) {
    this.flush();
    this.parts.push(bytes);
  }

  private varint(n: bigint) {
    for (;;) {
      const low = Number(n & 0x7fn);
      n >>= 7n;
      if (n === 0n) return void this.chunks.push(low);
      this.chunks.push(low | 0x80);
    }
  }

  private zigzag(n: bigint | number, bits: number) {
    const v = BigInt(n);
    this.varint(BigInt.asUintN(bits, (v << 1n) ^ (v >> BigInt(bits - 1))));
  }

  struct(struct: ThriftStruct) {
    let lastId = 0;
    for (const { id, value } of struct.fields) {
      const code = value.type === "bool" ? (value.value ? 1 : 2) : CODES[value.type];
      const delta = id - lastId;
      if (delta > 0 && delta <= 15) this.chunks.push((delta << 4) | code);
      else {
        this.chunks.push(code);
        this.zigzag(id, 16);
      }
      lastId = id;
      if (value.type !== "bool") this.value(value);
    }
    this.chunks.push(0);
  }

  value(v: ThriftValue) {
    switch (v.type) {
      case "bool":
        return void this.chunks.push(v.value ? 1 : 2);
      case "byte":
        return void this.chunks.push(v.value & 0xff);
      case "i16":
        return this.zigzag(v.value, 16);
      case "i32":
        return this.zigzag(v.value, 32);
      case "i64":
        return this.zigzag(v.value, 64);
      case "double":
      case "uuid":
        return this.raw(v.value);
      case "binary":
        this.varint(BigInt(v.value.length));
        return this.raw(v.value);
      case "list":
      case "set": {
        const code = CODES[v.element];
        if (v.items.length < 15) this.chunks.push((v.items.length << 4) | code);
        else {
          this.chunks.push(0xf0 | code);
          this.varint(BigInt(v.items.length));
        }
        for (const item of v.items) this.value(item);
        return;
      }
      case "map":
        this.varint(BigInt(v.entries.length));
        if (v.entries.length === 0) return;
        this.chunks.push((CODES[v.key] << 4) | CODES[v.value]);
        for (const [key, value] of v.entries) {
          this.value(key);
          this.value(value);
        }
        return;
      case "struct":
        return this.struct(v);
    }
  }
}
