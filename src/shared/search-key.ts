/**
 * The search/sort key of a name (R2.9): lower case without accents. The database computes the
 * same key with ocmw_search_key() (migration 0003) from the same two strings; a test checks
 * they agree.
 */
export const KEY_FROM = 'áàâäãåçéèêëíìîïñóòôöõøúùûüýÿ';
export const KEY_TO = 'aaaaaaceeeeiiiinoooooouuuuyy';

const MAP = new Map([...KEY_FROM].map((c, i) => [c, KEY_TO[i]!]));

export function searchKey(value: string): string {
  return [...value.toLowerCase()].map((c) => MAP.get(c) ?? c).join('');
}
