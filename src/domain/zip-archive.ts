import { inflateRawSync } from 'node:zlib';

/**
 * Limits for an uploaded ZIP container (an .xlsx is one) checked BEFORE a parser unpacks it: a
 * few hundred kilobytes of deflated zeros unpack to gigabytes (a "zip bomb"), and the parsers
 * hold every entry in memory. The sizes in the archive's directory may lie, so every entry is
 * really inflated here with a hard output limit, never more than the remaining budget.
 */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of the unpacked sizes of all entries. */
  maxUnpackedBytes: number;
}

export type ZipProblem = 'not_zip' | 'too_many_entries' | 'too_large_unpacked';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Why the bytes are not a ZIP archive within the limits, or undefined when they are. */
export function zipProblem(bytes: Buffer, limits: ZipLimits): ZipProblem | undefined {
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65 535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65_535; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'not_zip';
  const count = bytes.readUInt16LE(eocd + 10);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64, which no spreadsheet of this size needs.
  if (count === 0xffff || directoryOffset === 0xffffffff) return 'too_large_unpacked';
  if (count > limits.maxEntries) return 'too_many_entries';
  let budget = limits.maxUnpackedBytes;
  // Entries may not share packed bytes: a directory that points many times at one entry would
  // make the inflating work grow with the entries, not with the file.
  let packedTotal = 0;
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return 'not_zip';
    const method = bytes.readUInt16LE(at + 10);
    const packed = bytes.readUInt32LE(at + 20);
    const declared = bytes.readUInt32LE(at + 24);
    const local = bytes.readUInt32LE(at + 42);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (declared > budget) return 'too_large_unpacked';
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) return 'not_zip';
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + packed > bytes.length) return 'not_zip';
    packedTotal += packed;
    if (packedTotal > bytes.length) return 'not_zip';
    let unpacked: number;
    if (method === 0) unpacked = packed;
    else if (method === 8) {
      try {
        unpacked = inflateRawSync(bytes.subarray(start, start + packed), { maxOutputLength: Math.max(budget, 1) }).length;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large_unpacked' : 'not_zip';
      }
    } else return 'not_zip';
    if (unpacked !== declared) return 'not_zip';
    budget -= unpacked;
  }
  return undefined;
}
