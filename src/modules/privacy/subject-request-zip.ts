import { zipSync } from 'fflate';

/**
 * The ZIP file of a citizen's request (deflated entries, UTF-8 names), written with fflate: any
 * operating system opens it without software of ours. Small by nature (one person's data), so
 * built in memory.
 */
export function writeZip(entries: { name: string; content: Buffer }[], modified: Date): Buffer {
  const files = Object.fromEntries(entries.map((entry) => [entry.name, new Uint8Array(entry.content)]));
  return Buffer.from(zipSync(files, { mtime: modified, level: 6 }));
}
