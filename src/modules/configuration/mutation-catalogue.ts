/**
 * R4.3: the mutation types as the guide lists them, each described in the four portal languages
 * (issue 18: a French or German OCMW reads them in its language). Isomorphic and without zod, so
 * the web UI names the types without loading the schema; the codes are the KSZ/BCSS ones and are
 * not translated. MURA and MUPS are selected per sub-type.
 */
import { pick, type Language } from '../../shared/i18n.js';

type Description = Readonly<Record<Language, string>>;

export const MUTATION_CATALOGUE = [
  {
    code: 'MURG',
    group: null,
    description: {
      nl: 'Rijksregister, Wachtregister en Verblijfsvergunningen (Vervangt de MURN, MURA en MUPS)',
      fr: 'Registre national, registre d’attente et permis de séjour (remplace MURN, MURA et MUPS)',
      de: 'Nationalregister, Warteregister und Aufenthaltsgenehmigungen (ersetzt MURN, MURA und MUPS)',
      en: 'National Register, waiting register and residence permits (replaces MURN, MURA and MUPS)',
    },
  },
  {
    code: 'MUFC',
    group: null,
    description: {
      nl: 'Rijksregister - informaties specifiek aan de gezinssamenstelling',
      fr: 'Registre national - informations spécifiques à la composition de ménage',
      de: 'Nationalregister - Angaben speziell zur Haushaltszusammensetzung',
      en: 'National Register - information specific to the household composition',
    },
  },
  {
    code: 'MUSE',
    group: null,
    description: {
      nl: 'Activiteiten van zelfstandige (Vervangt de MUIA)',
      fr: 'Activités d’indépendant (remplace MUIA)',
      de: 'Tätigkeiten als Selbstständiger (ersetzt MUIA)',
      en: 'Self-employed activities (replaces MUIA)',
    },
  },
  { code: 'MURN', group: null, description: { nl: 'Rijksregister', fr: 'Registre national', de: 'Nationalregister', en: 'National Register' } },
  {
    code: 'MUIA',
    group: null,
    description: { nl: 'Activiteiten van zelfstandigen', fr: 'Activités d’indépendants', de: 'Tätigkeiten von Selbstständigen', en: 'Activities of self-employed persons' },
  },
  { code: 'MUPF', group: null, description: { nl: 'Personeelsbestand', fr: 'Répertoire du personnel', de: 'Personalbestand', en: 'Staff register' } },
  { code: 'MUPK', group: null, description: { nl: 'Pensioenkadaster', fr: 'Cadastre des pensions', de: 'Pensionskataster', en: 'Pension register' } },
  {
    code: 'MURA-H205',
    group: 'MURA',
    description: {
      nl: 'Hoedanigheid van een persoon ingeschreven in het wachtregister (vluchteling, huwelijkspartner, kind) en van de datum van de aanvraag.',
      fr: 'Qualité d’une personne inscrite au registre d’attente (réfugié, conjoint, enfant) et date de la demande.',
      de: 'Eigenschaft einer im Warteregister eingetragenen Person (Flüchtling, Ehepartner, Kind) und Datum des Antrags.',
      en: 'Capacity of a person entered in the waiting register (refugee, spouse, child) and the date of the application.',
    },
  },
  {
    code: 'MURA-H206',
    group: 'MURA',
    description: {
      nl: 'Situatie van een persoon ingeschreven in het wachtregister en historiek.',
      fr: 'Situation d’une personne inscrite au registre d’attente et historique.',
      de: 'Situation einer im Warteregister eingetragenen Person und Verlauf.',
      en: 'Situation of a person entered in the waiting register, with its history.',
    },
  },
  {
    code: 'MURA-H207',
    group: 'MURA',
    description: {
      nl: "OCMW's of opvangcentra die een persoon, ingeschreven in het wachtregister, te laste hebben.",
      fr: 'CPAS ou centres d’accueil qui ont à charge une personne inscrite au registre d’attente.',
      de: 'ÖSHZ oder Aufnahmezentren, die für eine im Warteregister eingetragene Person aufkommen.',
      en: 'OCMWs or reception centres that support a person entered in the waiting register.',
    },
  },
  {
    code: 'MURA-H210',
    group: 'MURA',
    description: {
      nl: 'Soort register waarin een persoon ingeschreven is',
      fr: 'Type de registre dans lequel une personne est inscrite',
      de: 'Art des Registers, in dem eine Person eingetragen ist',
      en: 'Type of register in which a person is entered',
    },
  },
  {
    code: 'MURA-H211',
    group: 'MURA',
    description: {
      nl: 'Soort document gebruikt om de identiteit van een persoon op te maken voor haar inschrijving in een register.',
      fr: 'Type de document utilisé pour établir l’identité d’une personne lors de son inscription dans un registre.',
      de: 'Art des Dokuments, mit dem die Identität einer Person für ihre Eintragung in ein Register festgestellt wurde.',
      en: 'Type of document used to establish the identity of a person for their entry in a register.',
    },
  },
  {
    code: 'MURA-H212',
    group: 'MURA',
    description: {
      nl: 'Verblijfplaats gekozen door een persoon',
      fr: 'Lieu de résidence choisi par une personne',
      de: 'Von einer Person gewählter Aufenthaltsort',
      en: 'Place of residence chosen by a person',
    },
  },
  {
    code: 'MURA-H213',
    group: 'MURA',
    description: {
      nl: 'Alias - andere namen en voornamen van een persoon',
      fr: 'Alias - autres noms et prénoms d’une personne',
      de: 'Alias - andere Namen und Vornamen einer Person',
      en: 'Alias - other surnames and first names of a person',
    },
  },
  {
    code: 'MUPS-T1195',
    group: 'MUPS',
    description: {
      nl: 'Verblijfsvergunning van een vreemdeling - identiteitsbewijs',
      fr: 'Permis de séjour d’un étranger - document d’identité',
      de: 'Aufenthaltsgenehmigung eines Ausländers - Identitätsnachweis',
      en: 'Residence permit of a foreign national - identity document',
    },
  },
  {
    code: 'MUPS-T1197',
    group: 'MUPS',
    description: {
      nl: 'Verblijfsvergunning van een vreemdeling - beroepskaart',
      fr: 'Permis de séjour d’un étranger - carte professionnelle',
      de: 'Aufenthaltsgenehmigung eines Ausländers - Berufsausweis',
      en: 'Residence permit of a foreign national - professional card',
    },
  },
  {
    code: 'MUPS-T1198',
    group: 'MUPS',
    description: {
      nl: 'Verblijfsvergunning van een vreemdeling - arbeidskaart',
      fr: 'Permis de séjour d’un étranger - permis de travail',
      de: 'Aufenthaltsgenehmigung eines Ausländers - Arbeitserlaubnis',
      en: 'Residence permit of a foreign national - work permit',
    },
  },
  {
    code: 'MUPS-T1202',
    group: 'MUPS',
    description: {
      nl: 'Verblijfsvergunning van een vreemdeling - speciale informaties',
      fr: 'Permis de séjour d’un étranger - informations spéciales',
      de: 'Aufenthaltsgenehmigung eines Ausländers - besondere Angaben',
      en: 'Residence permit of a foreign national - special information',
    },
  },
] as const satisfies readonly { code: string; group: string | null; description: Description }[];

export type MutationCode = (typeof MUTATION_CATALOGUE)[number]['code'];

const byCode = new Map<string, Description>(MUTATION_CATALOGUE.map((entry) => [entry.code, entry.description]));

/** The description of a mutation type in the language; undefined for a code the guide does not list. */
export function mutationDescription(code: string, lang: Language): string | undefined {
  const description = byCode.get(code);
  return description ? pick(description, lang) : undefined;
}

/**
 * Issue 19: the guide's "Vervangt": MURG replaces MURN, MURA and MUPS (each sub-type), MUSE
 * replaces MUIA. An OCMW that ticks both receives the same facts twice.
 */
export const MUTATION_REPLACEMENTS: Readonly<Record<string, readonly string[]>> = {
  MURG: ['MURN', 'MURA', 'MUPS'],
  MUSE: ['MUIA'],
};

/** The selected types that a selected replacing type covers: `[{ code: 'MURG', replaced: ['MURN', 'MURA-H205'] }]`. */
export function replacedTogether(selected: readonly string[]): { code: string; replaced: string[] }[] {
  const overlaps: { code: string; replaced: string[] }[] = [];
  for (const [code, covers] of Object.entries(MUTATION_REPLACEMENTS)) {
    if (!selected.includes(code)) continue;
    const replaced = selected.filter((other) => other !== code && covers.some((c) => other === c || other.startsWith(`${c}-`)));
    if (replaced.length > 0) overlaps.push({ code, replaced });
  }
  return overlaps;
}
