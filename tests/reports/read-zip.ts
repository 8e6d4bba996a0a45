// A tiny ZIP reader for the tests: a .docx (or .xlsx) is a ZIP of XML parts; this reads one part.
import { inflateRawSync } from 'node:zlib';

/** The names of the files in the archive, and a reader of one by name. */
export function readZip(zip: Buffer): { names: string[]; text(name: string): string } {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  const entries = new Map<string, { method: number; size: number; local: number }>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, {
      method: zip.readUInt16LE(at + 10),
      size: zip.readUInt32LE(at + 20),
      local: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return {
    names: [...entries.keys()],
    text: (name) => {
      const e = entries.get(name);
      if (!e) throw new Error(`no ${name} in the archive: it has ${[...entries.keys()].join(', ')}`);
      const start = e.local + 30 + zip.readUInt16LE(e.local + 26) + zip.readUInt16LE(e.local + 28);
      const data = zip.subarray(start, start + e.size);
      return (e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
    },
  };
}
