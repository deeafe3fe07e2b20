import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on first visit (its own script chunk, code split per route): `lazyPage(() =>
 * import('./x-page.js'), 'XPage')` for a module's named export.
 */
export function lazyPage<K extends string, P extends object>(load: () => Promise<{ [N in K]: ComponentType<P> }>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
