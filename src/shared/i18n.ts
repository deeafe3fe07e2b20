/**
 * Keys inside, text at the edges (issue 18). Isomorphic: the server's edges (HTTP error handler,
 * vendor API, CLI, mail renderer) and the web UI both turn a `Message` — a key and its
 * parameters — into text in the reader's language here, and only here.
 *
 * A module declares its texts once with `defineMessages` (NL, FR, DE and EN for every key: a
 * missing language does not compile) and builds messages with the returned `msg(key, params)`
 * (an unknown key does not compile). `src/messages.ts` composes the module catalogues into the one
 * catalogue the edges render with.
 *
 * Placeholders: `{name}` inserts a parameter as it is; `{name, date}` formats an ISO date
 * (`2025-01-01`) or a Date for the language (nl/fr 01/01/2025, de 01.01.2025, en 1 January 2025,
 * Europe/Brussels); `{name, number}` groups digits for the language (1.234 / 1 234 / 1,234). A
 * parameter may have its own form per language (`{ nl, fr, de }`, e.g. an organisation's name).
 */
export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A value that has its own form per language (an organisation's name); NL when a language lacks one. */
export type LocalizedText = Readonly<{ nl: string } & Partial<Record<Language, string | null>>>;
/** A parameter: a value, a name in every language, or other messages (rendered in the same language, joined by a space). */
export type ParamValue = string | number | Date | LocalizedText | Message | readonly Message[] | null | undefined;
export type Params = Readonly<Record<string, ParamValue>>;

/** What the domain says, without words: a key of a catalogue and its parameters. */
export interface Message {
  readonly key: string;
  readonly params?: Params;
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
}

/**
 * Marks a value the edge turns into text for the reader: a Message built by `msg` or a name given
 * in every language (`localized`). The mark is a non-enumerable symbol, so the value compares and
 * serialises like the plain object it is; `localizePayload` (the HTTP edge) renders marked values
 * in a reply in the reader's language, so a service can return them without knowing the reader.
 */
const RENDER_AT_EDGE = Symbol.for('ocmw.render-at-edge');

function mark<T extends object>(value: T): T {
  Object.defineProperty(value, RENDER_AT_EDGE, { value: true, enumerable: false });
  return value;
}

/** True for a Message made by `msg` or a name made by `localized`: the edge renders it. */
export function isRenderedAtEdge(value: unknown): value is Message | LocalizedText {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[RENDER_AT_EDGE] === true;
}

/** A name in every language (an organisation, a municipality), picked for the reader at the edge. */
export function localized(text: LocalizedText): LocalizedText {
  return mark({ ...text });
}

/** The form of a name for the language; NL where the language has none. */
export function pick(text: LocalizedText, lang: Language): string {
  return text[lang] || text.nl;
}

export type Entry = Readonly<Record<Language, string>>;
export type CatalogueShape = Readonly<Record<string, Entry>>;

/** A module's texts, and a builder of its messages whose key must exist in it. */
export interface MessageSet<C extends CatalogueShape> {
  readonly catalogue: C;
  /** A message of this set: the key is checked at compile time. */
  msg(key: keyof C & string, params?: Params): Message;
  /**
   * The text of a key in a language: the one implementation behind the edges' rendering of a
   * module's own texts (its exports, its tests). Services do not call it (lint).
   */
  text(key: keyof C & string, lang: Language, params?: Params): string;
  /** True when the key is one of this set's (own keys only, never the prototype's). */
  has(key: string): key is keyof C & string;
}

export function defineMessages<const C extends CatalogueShape>(catalogue: C): MessageSet<C> {
  return {
    catalogue,
    msg: (key, params) => mark(params ? { key, params } : { key }),
    text: (key, lang, params = {}) => fill(catalogue[key]![lang] ?? catalogue[key]!.nl, lang, params),
    has: (key): key is keyof C & string => Object.prototype.hasOwnProperty.call(catalogue, key),
  };
}

/**
 * A Message for a key that one of the sets knows (the first that has it), or the text itself when
 * none does: for problem lists that mix the keys of several catalogues (identifiers and imports).
 */
export function messageOf(sets: readonly Pick<MessageSet<CatalogueShape>, 'has' | 'msg'>[], key: string, params?: Params): Message | string {
  const set = sets.find((s) => s.has(key));
  return set ? set.msg(key, params) : key;
}

/** The locale used for formatting in each portal language (Belgian variants; EN as in Britain). */
export const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };
export const TIME_ZONE = 'Europe/Brussels';

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
function dateFormat(lang: Language): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) {
    format =
      lang === 'en'
        ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE })
        : new Intl.DateTimeFormat(LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
    dateFormats.set(lang, format);
  }
  return format;
}

/**
 * A date for a person reading the language: nl-BE and fr-BE 01/01/2025, de-BE 01.01.2025, en
 * 1 January 2025. A calendar date (`YYYY-MM-DD`) is that day wherever the reader is; a moment
 * (Date or ISO timestamp) is the day it is in Brussels. Anything else is returned as it is.
 */
export function formatDate(value: string | Date, lang: Language): string {
  let date: Date;
  if (value instanceof Date) date = value;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) date = new Date(`${value}T12:00:00Z`);
  else {
    date = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  }
  if (Number.isNaN(date.getTime())) return String(value);
  return dateFormat(lang).format(date);
}

/** A date and time of day in Brussels for the language (01/01/2025 14:05; en 1 January 2025, 14:05). */
export function formatDateTime(value: string | Date, lang: Language): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const time = new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TIME_ZONE }).format(date);
  return `${formatDate(date, lang)}${lang === 'en' ? ',' : ''} ${time}`;
}

export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(value);
}

/** Fills `{name}`, `{name, date}` and `{name, number}` placeholders; an absent parameter stays visible. */
export function fill(template: string, lang: Language, params: Params = {}): string {
  return template.replace(/\{(\w+)(?:,\s*(date|datetime|number))?\}/g, (whole, name: string, kind?: string) => {
    const raw = params[name];
    if (raw === undefined || raw === null) return whole;
    // Messages among the parameters are rendered by the catalogue before filling (composeCatalogue).
    if (Array.isArray(raw) || isMessage(raw)) return whole;
    const value = typeof raw === 'object' && !(raw instanceof Date) ? ((raw as LocalizedText)[lang] || (raw as LocalizedText).nl) : raw;
    if (kind === 'date' && (typeof value === 'string' || value instanceof Date)) return formatDate(value, lang);
    if (kind === 'datetime' && (typeof value === 'string' || value instanceof Date)) return formatDateTime(value, lang);
    if (kind === 'number' && typeof value === 'number') return formatNumber(value, lang);
    // A calendar date given as a plain parameter is still written for the reader (01/01/2025).
    if (value instanceof Date || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))) return formatDate(value, lang);
    return String(value);
  });
}

/** Placeholder names a template uses (for the completeness test). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)(?:,\s*(?:date|datetime|number))?\}/g)].map((m) => m[1]!);
}

/** The composed catalogue the edges render with. */
export interface Catalogue {
  has(key: string): boolean;
  keys(): string[];
  entry(key: string): Entry | undefined;
  /** The message in the language; an unknown key renders as the key (and is caught by the completeness test). */
  render(message: Message | string, lang: Language): string;
}

export function composeCatalogue(...parts: CatalogueShape[]): Catalogue {
  const all = new Map<string, Entry>();
  for (const part of parts) {
    for (const [key, entry] of Object.entries(part)) {
      if (all.has(key) && all.get(key) !== entry) throw new Error(`message key defined twice: ${key}`);
      all.set(key, entry);
    }
  }
  return {
    has: (key) => all.has(key),
    keys: () => [...all.keys()],
    entry: (key) => all.get(key),
    render(message, lang) {
      if (typeof message === 'string') return message;
      const entry = all.get(message.key);
      if (!entry) return message.key;
      const params = message.params && Object.values(message.params).some((v) => Array.isArray(v) || isMessage(v))
        ? Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, Array.isArray(v) ? v.map((m: Message) => this.render(m, lang)).join(' ') : isMessage(v) ? this.render(v, lang) : v]))
        : message.params;
      return fill(entry[lang] ?? entry.nl, lang, params as Params);
    },
  };
}
