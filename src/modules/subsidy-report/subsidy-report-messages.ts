/**
 * Texts of the Uniek verslag (R10.2) in the four portal languages: the filing rules' refusals
 * and notes, the line checks and the export's labels. Shaped like the catalogue of
 * src/shared/messages.ts so they can move there. Isomorphic (the web UI may use it).
 */
import { defineMessages, type Entry, type Language } from '../../shared/i18n.js';


const catalogue = {
  // ── the filing rules (filing-rules.ts) ──
  'subsidy.year.disappeared': {
    nl: 'Het Uniek verslag {year} dient {successor} in: {organisation} is op {effectiveDate} opgegaan in {successor}. Meld u aan als {successor}. {organisation} dient zelf alleen de verslagen tot en met {lastYear} in.',
    fr: "Le rapport unique {year} est introduit par {successor} : {organisation} a fusionné dans {successor} le {effectiveDate}. Connectez-vous en tant que {successor}. {organisation} n'introduit lui-même que les rapports jusqu'à {lastYear} inclus.",
    de: 'Den Einheitlichen Bericht {year} reicht {successor} ein: {organisation} ist am {effectiveDate} in {successor} aufgegangen. Melden Sie sich als {successor} an. {organisation} reicht selbst nur die Berichte bis einschließlich {lastYear} ein.',
    en: 'The Uniek verslag {year} is filed by {successor}: {organisation} merged into {successor} on {effectiveDate}. Log in as {successor}. {organisation} itself files only the reports up to and including {lastYear}.',
  },
  'subsidy.year.before_merger': {
    nl: 'Elk voormalig OCMW dient zelf zijn Uniek verslag {year} in ({sources}): meld u aan als dat OCMW. Vanaf het verslag {firstYear} dient {organisation} in.',
    fr: "Chaque ancien CPAS introduit lui-même son rapport unique {year} ({sources}) : connectez-vous en tant que ce CPAS. À partir du rapport {firstYear}, c'est {organisation} qui l'introduit.",
    de: 'Jedes frühere ÖSHZ reicht seinen Einheitlichen Bericht {year} selbst ein ({sources}): Melden Sie sich als dieses ÖSHZ an. Ab dem Bericht {firstYear} reicht {organisation} ein.',
    en: 'Each former OCMW files its own Uniek verslag {year} ({sources}): log in as that OCMW. From the {firstYear} report on, {organisation} files.',
  },
  'subsidy.year.before_existence': {
    nl: '{organisation} bestond in {year} nog niet (opgericht op {validFrom}): het kan geen Uniek verslag {year} indienen.',
    fr: "{organisation} n'existait pas encore en {year} (créé le {validFrom}) : il ne peut pas introduire de rapport unique {year}.",
    de: '{organisation} bestand {year} noch nicht (gegründet am {validFrom}): Es kann keinen Einheitlichen Bericht {year} einreichen.',
    en: '{organisation} did not exist yet in {year} (founded on {validFrom}): it cannot file a Uniek verslag {year}.',
  },
  'subsidy.year.after_existence': {
    nl: '{organisation} bestaat niet meer sinds {validTo}: het kan geen Uniek verslag {year} indienen.',
    fr: "{organisation} n'existe plus depuis le {validTo} : il ne peut pas introduire de rapport unique {year}.",
    de: '{organisation} besteht seit dem {validTo} nicht mehr: Es kann keinen Einheitlichen Bericht {year} einreichen.',
    en: '{organisation} no longer exists since {validTo}: it cannot file a Uniek verslag {year}.',
  },
  'subsidy.year.not_closed': {
    nl: 'Het subsidiejaar {year} is nog niet voorbij: het Uniek verslag {year} wordt ingediend van {from} tot en met {to}.',
    fr: "L'année de subvention {year} n'est pas encore terminée : le rapport unique {year} s'introduit du {from} au {to} inclus.",
    de: 'Das Zuschussjahr {year} ist noch nicht vorbei: Der Einheitliche Bericht {year} wird vom {from} bis einschließlich {to} eingereicht.',
    en: 'The subsidy year {year} is not over yet: the Uniek verslag {year} is filed from {from} up to and including {to}.',
  },
  'subsidy.window.not_open': {
    nl: 'Het Uniek verslag {year} kan pas worden ingediend van {from} tot en met {to}. Tot dan kunt u het ontwerp aanvullen.',
    fr: "Le rapport unique {year} ne peut être introduit que du {from} au {to} inclus. D'ici là, vous pouvez compléter le projet.",
    de: 'Der Einheitliche Bericht {year} kann erst vom {from} bis einschließlich {to} eingereicht werden. Bis dahin können Sie den Entwurf ergänzen.',
    en: 'The Uniek verslag {year} can only be submitted from {from} up to and including {to}. Until then you can complete the draft.',
  },
  'subsidy.window.closed': {
    nl: 'De indieningsperiode van het Uniek verslag {year} liep van {from} tot en met {to} en is voorbij: een laattijdig verslag kan alleen nog worden ingediend als de portaalbeheerder de periode voor uw OCMW heropent.',
    fr: "La période d'introduction du rapport unique {year} allait du {from} au {to} inclus et est terminée : un rapport tardif ne peut plus être introduit que si l'administrateur du portail rouvre la période pour votre CPAS.",
    de: 'Der Einreichungszeitraum des Einheitlichen Berichts {year} lief vom {from} bis einschließlich {to} und ist vorbei: Ein verspäteter Bericht kann nur noch eingereicht werden, wenn der Portalverwalter den Zeitraum für Ihr ÖSHZ wieder öffnet.',
    en: 'The submission period of the Uniek verslag {year} ran from {from} up to and including {to} and is over: a late report can only be submitted if the platform administrator reopens the period for your OCMW.',
  },
  'subsidy.reopen.not_ocmw': {
    nl: 'Alleen de indieningsperiode van een OCMW kan worden heropend.',
    fr: "Seule la période d'introduction d'un CPAS peut être rouverte.",
    de: 'Nur der Einreichungszeitraum eines ÖSHZ kann wieder geöffnet werden.',
    en: "Only an OCMW's filing period can be reopened.",
  },
  'subsidy.reopen.until_past': {
    nl: 'De heropende periode moet na de gewone periode ({to}) en niet vóór vandaag ({date}) eindigen.',
    fr: "La période rouverte doit se terminer après la période normale ({to}) et pas avant aujourd'hui ({date}).",
    de: 'Der wieder geöffnete Zeitraum muss nach dem regulären Zeitraum ({to}) und nicht vor heute ({date}) enden.',
    en: 'The reopened period must end after the regular period ({to}) and not before today ({date}).',
  },
  'subsidy.note.last_report': {
    nl: 'Dit is het laatste Uniek verslag van {organisation}: vanaf het verslag {firstYear} dient {successor} in.',
    fr: "C'est le dernier rapport unique de {organisation} : à partir du rapport {firstYear}, c'est {successor} qui l'introduit.",
    de: 'Dies ist der letzte Einheitliche Bericht von {organisation}: Ab dem Bericht {firstYear} reicht {successor} ein.',
    en: 'This is the last Uniek verslag of {organisation}: from the {firstYear} report on, {successor} files.',
  },
  'subsidy.note.own_part_one': {
    nl: 'Het Uniek verslag {year} van {sources} dient {sources} zelf in: meld u aan als {sources}. Dit verslag gaat alleen over {organisation}. Vanaf het verslag {firstYear} dient {organisation} in voor het samengevoegde OCMW.',
    fr: "Le rapport unique {year} de {sources} est introduit par {sources} lui-même : connectez-vous en tant que {sources}. Ce rapport ne concerne que {organisation}. À partir du rapport {firstYear}, {organisation} introduit le rapport du CPAS fusionné.",
    de: 'Den Einheitlichen Bericht {year} von {sources} reicht {sources} selbst ein: Melden Sie sich als {sources} an. Dieser Bericht betrifft nur {organisation}. Ab dem Bericht {firstYear} reicht {organisation} für das fusionierte ÖSHZ ein.',
    en: 'The Uniek verslag {year} of {sources} is filed by {sources} itself: log in as {sources}. This report covers {organisation} only. From the {firstYear} report on, {organisation} files for the merged OCMW.',
  },
  'subsidy.note.own_part_many': {
    nl: 'De andere voormalige OCMW’s ({sources}) dienen elk zelf hun Uniek verslag {year} in: meld u aan als dat OCMW. Dit verslag gaat alleen over {organisation}. Vanaf het verslag {firstYear} dient {organisation} in voor het samengevoegde OCMW.',
    fr: "Les autres anciens CPAS ({sources}) introduisent chacun eux-mêmes leur rapport unique {year} : connectez-vous en tant que ce CPAS. Ce rapport ne concerne que {organisation}. À partir du rapport {firstYear}, {organisation} introduit le rapport du CPAS fusionné.",
    de: 'Die anderen früheren ÖSHZ ({sources}) reichen ihren Einheitlichen Bericht {year} jeweils selbst ein: Melden Sie sich als dieses ÖSHZ an. Dieser Bericht betrifft nur {organisation}. Ab dem Bericht {firstYear} reicht {organisation} für das fusionierte ÖSHZ ein.',
    en: 'The other former OCMWs ({sources}) each file their own Uniek verslag {year}: log in as that OCMW. This report covers {organisation} only. From the {firstYear} report on, {organisation} files for the merged OCMW.',
  },
  // ── the report and its lines ──
  'subsidy.exists': {
    nl: 'Er bestaat al een Uniek verslag {year} van {organisation}.',
    fr: 'Un rapport unique {year} de {organisation} existe déjà.',
    de: 'Es gibt bereits einen Einheitlichen Bericht {year} von {organisation}.',
    en: 'A Uniek verslag {year} of {organisation} already exists.',
  },
  'subsidy.read_only': {
    nl: 'Het Uniek verslag {year} is ingediend en kan niet meer worden gewijzigd.',
    fr: 'Le rapport unique {year} a été introduit et ne peut plus être modifié.',
    de: 'Der Einheitliche Bericht {year} wurde eingereicht und kann nicht mehr geändert werden.',
    en: 'The Uniek verslag {year} has been submitted and can no longer be changed.',
  },
  'subsidy.export_draft': {
    nl: 'Alleen een ingediend Uniek verslag kan worden geëxporteerd; dit verslag is nog een ontwerp.',
    fr: "Seul un rapport unique introduit peut être exporté ; ce rapport est encore un projet.",
    de: 'Nur ein eingereichter Einheitlicher Bericht kann exportiert werden; dieser Bericht ist noch ein Entwurf.',
    en: 'Only a submitted Uniek verslag can be exported; this report is still a draft.',
  },
  'subsidy.no_lines': {
    nl: 'Voeg minstens één subsidielijn toe voor u het verslag indient.',
    fr: 'Ajoutez au moins une ligne de subvention avant d’introduire le rapport.',
    de: 'Fügen Sie mindestens eine Zuschusszeile hinzu, bevor Sie den Bericht einreichen.',
    en: 'Add at least one subsidy line before you submit the report.',
  },
  'subsidy.justification_required': {
    nl: 'Verantwoord het verschil tussen het toegekende en het gebruikte bedrag.',
    fr: 'Justifiez la différence entre le montant octroyé et le montant utilisé.',
    de: 'Begründen Sie den Unterschied zwischen dem bewilligten und dem verwendeten Betrag.',
    en: 'Justify the difference between the amount granted and the amount used.',
  },
  'subsidy.justification_other': {
    nl: 'Beschrijf in de verantwoording om welke subsidie het gaat.',
    fr: 'Décrivez dans la justification de quelle subvention il s’agit.',
    de: 'Beschreiben Sie in der Begründung, um welchen Zuschuss es sich handelt.',
    en: 'Describe in the justification which subsidy this is.',
  },
  'subsidy.type_duplicate': {
    nl: 'Deze subsidie staat al op lijn {line}: één lijn per subsidie (behalve bij “andere”).',
    fr: 'Cette subvention figure déjà à la ligne {line} : une ligne par subvention (sauf pour « autre »).',
    de: 'Dieser Zuschuss steht bereits in Zeile {line}: eine Zeile pro Zuschuss (außer bei „Sonstige“).',
    en: 'This subsidy is already on line {line}: one line per subsidy (except for “other”).',
  },
  // ── export labels ──
  'export.title': { nl: 'Uniek verslag {year}', fr: 'Rapport unique {year}', de: 'Einheitlicher Bericht {year}', en: 'Uniek verslag {year}' },
  'export.organisation': { nl: 'Organisatie', fr: 'Organisation', de: 'Organisation', en: 'Organisation' },
  'export.kbo': { nl: 'KBO-nummer', fr: 'Numéro BCE', de: 'ZDU-Nummer', en: 'KBO number' },
  'export.year': { nl: 'Subsidiejaar', fr: 'Année de subvention', de: 'Zuschussjahr', en: 'Subsidy year' },
  'export.status': { nl: 'Status', fr: 'Statut', de: 'Status', en: 'Status' },
  'export.submitted_at': { nl: 'Ingediend op', fr: 'Introduit le', de: 'Eingereicht am', en: 'Submitted on' },
  'export.submitted_by': { nl: 'Ingediend door', fr: 'Introduit par', de: 'Eingereicht von', en: 'Submitted by' },
  'export.line': { nl: 'Nr.', fr: 'N°', de: 'Nr.', en: 'No.' },
  'export.type': { nl: 'Subsidie', fr: 'Subvention', de: 'Zuschuss', en: 'Subsidy' },
  'export.granted': { nl: 'Toegekend (EUR)', fr: 'Octroyé (EUR)', de: 'Bewilligt (EUR)', en: 'Granted (EUR)' },
  'export.used': { nl: 'Gebruikt (EUR)', fr: 'Utilisé (EUR)', de: 'Verwendet (EUR)', en: 'Used (EUR)' },
  'export.difference': { nl: 'Verschil (EUR)', fr: 'Différence (EUR)', de: 'Differenz (EUR)', en: 'Difference (EUR)' },
  'export.justification': { nl: 'Verantwoording', fr: 'Justification', de: 'Begründung', en: 'Justification' },
  'export.total': { nl: 'Totaal', fr: 'Total', de: 'Summe', en: 'Total' },
  'export.generated': {
    nl: 'Aangemaakt door het OCMW-portaal op {date}.',
    fr: 'Généré par le portail CPAS le {date}.',
    de: 'Erstellt vom ÖSHZ-Portal am {date}.',
    en: 'Generated by the OCMW portal on {date}.',
  },
  'status.draft': { nl: 'Ontwerp', fr: 'Projet', de: 'Entwurf', en: 'Draft' },
  'status.submitted': { nl: 'Ingediend', fr: 'Introduit', de: 'Eingereicht', en: 'Submitted' },
} satisfies Record<string, Entry>;

export type SubsidyMessageKey = keyof typeof catalogue;

export const SUBSIDY_MESSAGE_KEYS = Object.keys(catalogue) as SubsidyMessageKey[];

export const subsidyMessages = defineMessages(catalogue);

/** Legacy text in a language (issue 18: new code passes `subsidyMessages.msg(key, params)` to the edge). */
export const subsidyMessage = subsidyMessages.text;

const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };

/** A business date (YYYY-MM-DD) written out in the language: "1 februari 2025", "1. Februar 2025". */
export function formatDate(date: string, lang: Language): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

const AND: Record<Language, string> = { nl: 'en', fr: 'et', de: 'und', en: 'and' };

/** "A", "A en B", "A, B en C" in the language. */
export function formatList(items: string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${AND[lang]} ${items[items.length - 1]}`;
}

/**
 * Euro cents written exactly (no floating point) in the language's convention: 1.234,56 (nl,
 * de), 1 234,56 (fr, with a no-break space), 1,234.56 (en).
 */
export function formatCents(cents: number, lang: Language): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const units = String(Math.floor(abs / 100));
  const decimals = String(abs % 100).padStart(2, '0');
  const group = lang === 'en' ? ',' : lang === 'fr' ? '\u00a0' : '.';
  const point = lang === 'en' ? '.' : ',';
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${point}${decimals}`;
}
