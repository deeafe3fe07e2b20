/**
 * What a person reads when a field is refused (issue 18): every zod issue becomes a `Message`
 * written for people ("Vul een geldig e-mailadres in, bijvoorbeeld naam@ocmw.be."), never the
 * validation library's own wording. Isomorphic: the server's error handler and the web forms map
 * the same issues to the same keys, so the UI can show every problem at once before sending and
 * the server's answer reads the same.
 */
import { defineMessages, type Message } from './i18n.js';

export const validationMessages = defineMessages({
  'valid.required': {
    nl: 'Dit veld is verplicht.',
    fr: 'Ce champ est obligatoire.',
    de: 'Dieses Feld ist erforderlich.',
    en: 'This field is required.',
  },
  'valid.choose_one': {
    nl: 'Kies minstens één mogelijkheid.',
    fr: 'Choisissez au moins une possibilité.',
    de: 'Wählen Sie mindestens eine Möglichkeit.',
    en: 'Choose at least one option.',
  },
  'valid.text_min': {
    nl: 'Vul minstens {min} tekens in.',
    fr: 'Saisissez au moins {min} caractères.',
    de: 'Geben Sie mindestens {min} Zeichen ein.',
    en: 'Enter at least {min} characters.',
  },
  'valid.text_max': {
    nl: 'Gebruik hoogstens {max} tekens.',
    fr: 'Utilisez au maximum {max} caractères.',
    de: 'Verwenden Sie höchstens {max} Zeichen.',
    en: 'Use at most {max} characters.',
  },
  'valid.number': {
    nl: 'Vul een getal in.',
    fr: 'Saisissez un nombre.',
    de: 'Geben Sie eine Zahl ein.',
    en: 'Enter a number.',
  },
  'valid.number_integer': {
    nl: 'Vul een geheel getal in, zonder komma.',
    fr: 'Saisissez un nombre entier, sans virgule.',
    de: 'Geben Sie eine ganze Zahl ohne Komma ein.',
    en: 'Enter a whole number, without decimals.',
  },
  'valid.number_min': {
    nl: 'Vul een getal van minstens {min, number} in.',
    fr: 'Saisissez un nombre d’au moins {min, number}.',
    de: 'Geben Sie eine Zahl von mindestens {min, number} ein.',
    en: 'Enter a number of at least {min, number}.',
  },
  'valid.number_max': {
    nl: 'Vul een getal van hoogstens {max, number} in.',
    fr: 'Saisissez un nombre d’au maximum {max, number}.',
    de: 'Geben Sie eine Zahl von höchstens {max, number} ein.',
    en: 'Enter a number of at most {max, number}.',
  },
  'valid.list_min': {
    nl: 'Kies er minstens {min}.',
    fr: 'Choisissez-en au moins {min}.',
    de: 'Wählen Sie mindestens {min} aus.',
    en: 'Choose at least {min}.',
  },
  'valid.list_max': {
    nl: 'Kies er hoogstens {max}.',
    fr: 'Choisissez-en au maximum {max}.',
    de: 'Wählen Sie höchstens {max} aus.',
    en: 'Choose at most {max}.',
  },
  'valid.email': {
    nl: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@ocmw.be.',
    fr: 'Saisissez une adresse e-mail valable, par exemple nom@cpas.be.',
    de: 'Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@ocmw.be.',
    en: 'Enter a valid e-mail address, for example name@ocmw.be.',
  },
  'valid.url': {
    nl: 'Vul een geldig webadres in, bijvoorbeeld https://www.ocmw.be.',
    fr: 'Saisissez une adresse web valable, par exemple https://www.cpas.be.',
    de: 'Geben Sie eine gültige Webadresse ein, zum Beispiel https://www.ocmw.be.',
    en: 'Enter a valid web address, for example https://www.ocmw.be.',
  },
  'valid.date': {
    nl: 'Vul een bestaande datum in.',
    fr: 'Saisissez une date qui existe.',
    de: 'Geben Sie ein gültiges Datum ein.',
    en: 'Enter a date that exists.',
  },
  'valid.datetime': {
    nl: 'Vul een bestaande datum en tijd in.',
    fr: 'Saisissez une date et une heure valables.',
    de: 'Geben Sie ein gültiges Datum mit Uhrzeit ein.',
    en: 'Enter a valid date and time.',
  },
  'valid.reference': {
    nl: 'Deze verwijzing bestaat niet; kies opnieuw uit de lijst.',
    fr: 'Cette référence n’existe pas ; choisissez à nouveau dans la liste.',
    de: 'Dieser Verweis existiert nicht; wählen Sie erneut aus der Liste.',
    en: 'This reference does not exist; choose again from the list.',
  },
  'valid.pattern': {
    nl: 'Deze waarde heeft niet de gevraagde vorm; kijk het voorbeeld na.',
    fr: 'Cette valeur n’a pas la forme demandée ; vérifiez l’exemple.',
    de: 'Dieser Wert hat nicht die verlangte Form; prüfen Sie das Beispiel.',
    en: 'This value does not have the required form; check the example.',
  },
  'valid.option': {
    nl: 'Kies een van de aangeboden mogelijkheden.',
    fr: 'Choisissez une des possibilités proposées.',
    de: 'Wählen Sie eine der angebotenen Möglichkeiten.',
    en: 'Choose one of the options offered.',
  },
  'valid.yes_no': {
    nl: 'Kies ja of nee.',
    fr: 'Choisissez oui ou non.',
    de: 'Wählen Sie Ja oder Nein.',
    en: 'Choose yes or no.',
  },
  'valid.text': {
    nl: 'Vul hier tekst in.',
    fr: 'Saisissez du texte ici.',
    de: 'Geben Sie hier Text ein.',
    en: 'Enter text here.',
  },
  'valid.invalid': {
    nl: 'Deze waarde kan niet gebruikt worden; kijk ze na.',
    fr: 'Cette valeur ne peut pas être utilisée ; vérifiez-la.',
    de: 'Dieser Wert kann nicht verwendet werden; prüfen Sie ihn.',
    en: 'This value cannot be used; check it.',
  },
  'valid.unknown_field': {
    nl: 'Dit veld bestaat niet in dit formulier; laat het weg.',
    fr: 'Ce champ n’existe pas dans ce formulaire ; omettez-le.',
    de: 'Dieses Feld gibt es in diesem Formular nicht; lassen Sie es weg.',
    en: 'This field does not exist in this form; leave it out.',
  },
});

export type ValidationKey = keyof typeof validationMessages.catalogue;
const m = validationMessages.msg;

/** The parts of a zod 4 issue the mapping reads (also as fastify-type-provider-zod reports them). */
export interface IssueLike {
  code: string;
  message?: string;
  origin?: string;
  format?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  input?: unknown;
  params?: { messageKey?: string; [key: string]: unknown };
  errors?: IssueLike[][];
}

const FORMAT: Record<string, ValidationKey> = {
  email: 'valid.email',
  url: 'valid.url',
  date: 'valid.date',
  datetime: 'valid.datetime',
  uuid: 'valid.reference',
  regex: 'valid.pattern',
};

/**
 * A zod issue as a message for people. A schema that names its own key
 * (`params: { messageKey }`) gets that key (with the issue's other params); `isKnown` says which
 * keys the caller can render.
 */
export function issueToMessage(issue: IssueLike, isKnown?: (key: string) => boolean): Message {
  const own = issue.params?.messageKey;
  if (own && (!isKnown || isKnown(own))) {
    const { messageKey: _, ...rest } = issue.params ?? {};
    return Object.keys(rest).length ? { key: own, params: rest as Record<string, string | number> } : { key: own };
  }
  // A schema may also name its key as the issue's message (`.min(1, { message: 'online.kind_required' })`).
  if (isKnown && issue.message && isKnown(issue.message)) return { key: issue.message };
  // Optional fields are `schema | ''`: the first branch says what is wrong with the value.
  if (issue.code === 'invalid_union') {
    const inner = issue.errors?.find((branch) => branch.length > 0)?.[0];
    return inner ? issueToMessage(inner, isKnown) : m('valid.invalid');
  }
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  switch (issue.code) {
    case 'invalid_type': {
      const missing = issue.input === undefined && (issue.message === undefined || /received undefined|received null/.test(issue.message));
      if (missing || issue.input === null) return m('valid.required');
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint') return m('valid.number');
      if (issue.expected === 'boolean') return m('valid.yes_no');
      if (issue.expected === 'string') return m('valid.text');
      if (issue.expected === 'array') return m('valid.choose_one');
      return m('valid.invalid');
    }
    case 'too_small':
      if (issue.origin === 'string') return min <= 1 ? m('valid.required') : m('valid.text_min', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? m('valid.choose_one') : m('valid.list_min', { min });
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return m('valid.number_min', { min });
      return m('valid.invalid');
    case 'too_big':
      if (issue.origin === 'string') return m('valid.text_max', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return m('valid.list_max', { max });
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return m('valid.number_max', { max });
      return m('valid.invalid');
    case 'invalid_format':
      return m(FORMAT[issue.format ?? ''] ?? 'valid.pattern');
    case 'not_multiple_of':
      return m('valid.number_integer');
    case 'invalid_value':
    case 'invalid_key':
    case 'invalid_element':
      return m('valid.option');
    case 'unrecognized_keys':
      return m('valid.unknown_field');
    default:
      return m('valid.invalid');
  }
}
