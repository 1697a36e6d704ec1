/**
 * ZIP archives (PKWARE APPNOTE 6.3: local headers, central directory, end record; no ZIP64) from
 * entries deflated once and reused: an essay's chapter goes into its own EPUB, the collection's
 * and each of its tags' EPUBs, and is compressed once for all of them. Zip libraries (fflate,
 * yazl, JSZip) compress every entry of every archive again; Node's zlib does the deflating here
 * (native, raw deflate) and its `crc32` the checksums. Build only.
 */
import { crc32, deflateRawSync } from "node:zlib";

/** An entry's bytes as an archive stores them: deflated (or stored), with what readers check. */
export interface ZipEntry {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  crc: number;
  size: number;
}

/** An entry, deflated (`level` 1–9) or, with `store`, kept as it is (EPUB's `mimetype`). */
export function zipEntry(
  name: string,
  content: string | Uint8Array,
  { store = false, level = 6 }: { store?: boolean; level?: number } = {},
): ZipEntry {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return {
    name,
    method: store ? 0 : 8,
    data: store ? bytes : deflateRawSync(bytes, { level }),
    crc: crc32(bytes) >>> 0,
    size: bytes.length,
  };
}

/** MS-DOS date and time (local fields, two-second resolution, from 1980) of a UTC date. */
function dosTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** The archive of `entries`, in their order, each dated `modified`. */
export function zipArchive(entries: ZipEntry[], modified: Date): Uint8Array {
  const { time, date } = dosTime(modified);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    if (entry.size > 0xffffffff || entry.data.length > 0xffffffff) {
      throw new Error(`${entry.name} is too large for a ZIP without ZIP64`);
    }
    // UTF-8 names (bit 11) only where a name is not plain ASCII.
    const flags = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : 0x0800;
    // The fields the local header and the central directory record share, in the same order.
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      header.writeUInt16LE(flags, at + 2);
      header.writeUInt16LE(entry.method, at + 4);
      header.writeUInt16LE(time, at + 6);
      header.writeUInt16LE(date, at + 8);
      header.writeUInt32LE(entry.crc, at + 10);
      header.writeUInt32LE(entry.data.length, at + 14);
      header.writeUInt32LE(entry.size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30); // its extra-field length stays 0 (EPUB's mimetype has none)
    local.writeUInt32LE(0x04034b50, 0);
    shared(local, 4);
    parts.push(local, name, entry.data);

    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by: 2.0
    shared(record, 6);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (entries.length > 0xffff || offset > 0xffffffff) {
    throw new Error("Too many entries or bytes for a ZIP without ZIP64");
  }
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}
