/**
 * The ASCII slug of a name (accents dropped, lower case, runs of other characters as one dash):
 * a merger's code ("beveren-kruibeke-zwijndrecht-2025"), the demo's user names and addresses.
 * Isomorphic: the merger form suggests the code the server would derive.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
