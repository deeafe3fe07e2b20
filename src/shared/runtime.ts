/** The Node.js majors the portal supports (package.json engines: >=22; 22 and 24 are LTS). */
export const SUPPORTED_NODE_MAJOR = 22;

/** A warning for a Node.js older than the supported ones (the start goes on), else undefined. */
export function nodeVersionWarning(version: string = process.versions.node): string | undefined {
  const major = Number(version.split('.')[0]);
  if (Number.isInteger(major) && major >= SUPPORTED_NODE_MAJOR) return undefined;
  return `warning: Node.js ${version} is not supported (end of life); use Node.js 22 or 24 (package.json engines: >=${SUPPORTED_NODE_MAJOR})`;
}
