import type { HelpKind } from './help-requests-api.js';

/** The prefix of the citizen form's ids. */
export const PREFIX = 'citizen';
export const MESSAGE_MAX = 5000;

/** What the citizen typed, as typed. */
export interface Draft {
  kinds: HelpKind[];
  postcode: string;
  nis: string;
  surname: string;
  firstName: string;
  insz: string;
  email: string;
  phone: string;
  message: string;
}

export const EMPTY_DRAFT: Draft = { kinds: [], postcode: '', nis: '', surname: '', firstName: '', insz: '', email: '', phone: '', message: '' };

/** An optional field: undefined when left blank. */
export const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
