import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { zipProblem, type ZipLimits } from './zip-archive.js';
import { zip } from '../../test/zip.js';


const limits: ZipLimits = { maxEntries: 3, maxUnpackedBytes: 1024 * 1024 };
const small = { name: 'a.xml', content: Buffer.from('<a/>') };

/** One entry of 4 KiB that does not compress, listed three times in the directory (all at offset 0). */
function sharedEntry(): Buffer {
  const single = zip([{ name: 'a.bin', content: randomBytes(4096) }]);
  const directoryOffset = single.readUInt32LE(single.length - 22 + 16);
  const entry = single.subarray(directoryOffset, single.length - 22);
  const end = Buffer.from(single.subarray(single.length - 22));
  end.writeUInt16LE(3, 8);
  end.writeUInt16LE(3, 10);
  end.writeUInt32LE(entry.length * 3, 12);
  return Buffer.concat([single.subarray(0, directoryOffset), entry, entry, entry, end]);
}

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
    ['a directory pointing many times at one entry', sharedEntry(), 'not_zip'],
  ] as const)('%s', (_name, bytes, problem) => {
    expect(zipProblem(bytes, limits)).toBe(problem);
  });
});
