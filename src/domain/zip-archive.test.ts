import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipProblem, type ZipLimits } from './zip-archive.js';

/** A minimal ZIP (deflated entries), with the option to lie about an entry's unpacked size. */
function zip(entries: { name: string; content: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.content);
    const size = e.declaredSize ?? e.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const limits: ZipLimits = { maxEntries: 3, maxUnpackedBytes: 1024 * 1024 };
const small = { name: 'a.xml', content: Buffer.from('<a/>') };

describe('zip limits before unpacking an upload', () => {
  it.each([
    ['a small archive', zip([small]), undefined],
    ['random bytes', Buffer.from('not a zip at all, just text'), 'not_zip'],
    ['an archive cut short', zip([small]).subarray(0, 20), 'not_zip'],
    ['too many entries', zip([small, small, small, small]), 'too_many_entries'],
    ['a bomb that declares its size', zip([{ name: 'b.bin', content: Buffer.alloc(8 * 1024 * 1024) }]), 'too_large_unpacked'],
    ['a bomb that lies about its size', zip([{ name: 'b.bin', content: Buffer.alloc(8 * 1024 * 1024), declaredSize: 10 }]), 'too_large_unpacked'],
    ['entries that only together exceed the budget', zip([0, 1].map((i) => ({ name: `${i}.bin`, content: Buffer.alloc(600 * 1024) }))), 'too_large_unpacked'],
    ['an entry whose size is wrong', zip([{ ...small, declaredSize: 3 }]), 'not_zip'],
  ] as const)('%s', (_name, bytes, problem) => {
    expect(zipProblem(bytes, limits)).toBe(problem);
  });
});
