/**
 * The one catalogue the edges render with (issue 18: keys inside, text at the edges): the shared
 * messages and each module's `<module>-messages.ts`, composed here like `services.ts` composes the
 * services. A key defined twice fails at start. The HTTP error handler, the vendor API, the CLI's
 * `renderError` and the mail renderer turn a `Message` into text with `catalogue.render(m, lang)`.
 */
import { composeCatalogue, isMessage, isRenderedAtEdge, pick, type Language, type LocalizedText, type Message } from './shared/i18n.js';
import { sharedMessages } from './shared/messages.js';
import { validationMessages } from './shared/validation-messages.js';
import { accessMessages } from './modules/access/access-messages.js';
import { authMessages } from './modules/auth/auth-messages.js';
import { channelMessages } from './modules/channels/channel-messages.js';
import { dossierMessages } from './modules/dossiers/dossiers-messages.js';
import { mailboxMessages } from './modules/mailbox/mailbox-messages.js';
import { mergerMessages } from './modules/merger/merger-messages.js';
import { subsidyMessages } from './modules/subsidy-report/subsidy-report-messages.js';
import { auditMessages } from './modules/audit/audit-messages.js';
import { configurationMessages } from './modules/configuration/configuration-messages.js';
import { helpRequestMessages } from './modules/help-requests/help-requests-messages.js';
import { mutationMessages } from './modules/mutations/mutations-messages.js';
import { fileChannelMessages } from './modules/file-channel/file-channel-messages.js';
import { accessLogMessages } from './modules/privacy/access-log-messages.js';
import { retentionMessages } from './modules/privacy/retention-messages.js';
import { subjectRequestMessages } from './modules/privacy/subject-request-messages.js';

export const catalogue = composeCatalogue(
  sharedMessages.catalogue,
  validationMessages.catalogue,
  accessMessages.catalogue,
  authMessages.catalogue,
  channelMessages.catalogue,
  dossierMessages.catalogue,
  mailboxMessages.catalogue,
  mergerMessages.catalogue,
  subsidyMessages.catalogue,
  auditMessages.catalogue,
  configurationMessages.catalogue,
  helpRequestMessages.catalogue,
  mutationMessages.catalogue,
  fileChannelMessages.catalogue,
  accessLogMessages.catalogue,
  retentionMessages.catalogue,
  subjectRequestMessages.catalogue,
);

/**
 * What the reader gets: every Message and every name in all languages becomes text. An object with
 * a `key` and more than a Message holds (a notice `{ key, message }`) is an object, not a Message.
 */
export type Rendered<T> = T extends LocalizedText
  ? string
  : T extends Message
    ? Exclude<keyof T, keyof Message> extends never
      ? string
      : { [K in keyof T]: Rendered<T[K]> }
    : T extends Date
      ? T
      : T extends readonly (infer U)[]
        ? Rendered<U>[]
        : T extends object
          ? { [K in keyof T]: Rendered<T[K]> }
          : T;

/**
 * A value for a reader (issue 18, the edges: HTTP answers, CLI output): every Message made by `msg`
 * and every name made by `localized` in it becomes text in the language. Copy-on-write: what
 * holds nothing to render comes back as the same object, and the input is never changed.
 */
const MAX_DEPTH = 32;

export function localizePayload<T>(value: T, lang: Language): Rendered<T> {
  return localize(value, lang, 0) as Rendered<T>;
}

function localize(value: unknown, lang: Language, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (isRenderedAtEdge(value)) return isMessage(value) ? catalogue.render(value as Message, lang) : pick(value as LocalizedText, lang);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = localize(value[i], lang, depth + 1);
      if (item !== value[i]) (out ??= value.slice())[i] = item;
    }
    return out ?? value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // Dates, Buffers, streams: as they are
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const rendered = localize(item, lang, depth + 1);
    if (rendered !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = rendered;
  }
  return out ?? value;
}

