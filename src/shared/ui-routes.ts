/**
 * The first path segments of the web UI's client routes (src/web/app.tsx). The server answers
 * these with index.html; any other unknown path gets the 404 error shape, never the page.
 * ui-routes.test.ts checks this list against the routes the UI declares.
 */
export const UI_SECTIONS = [
  'login',
  'kiezen',
  'hulpaanvraag',
  'toegangsbeheer',
  'chaman',
  'configuratie',
  'ocmw-online',
  'dossiers',
  'e-box',
  'uniek-verslag',
  'fusies',
  'beheer',
  'mijn-gegevens',
  'wachtwoord',
  'help',
  'privacy',
] as const;

const SECTIONS: ReadonlySet<string> = new Set(UI_SECTIONS);

/** True for a path (query string allowed) that is one of the UI's client routes: `/` or a known section without a file extension. */
export function isUiPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  if (pathname === '/' || pathname === '') return true;
  const segments = pathname.split('/');
  const last = segments[segments.length - 1] ?? '';
  return SECTIONS.has(segments[1] ?? '') && !last.includes('.');
}
