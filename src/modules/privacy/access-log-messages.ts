/**
 * The texts of the access log (issue 24): the export's column headers, its sheet, and the
 * refusals of the officer's search, in the four portal languages.
 */
import { defineMessages } from '../../shared/i18n.js';

export const accessLogMessages = defineMessages({
  'privacy.access_log.sheet': { nl: 'Toegangslog', fr: "Journal d'accès", de: 'Zugriffsprotokoll', en: 'Access log' },
  'privacy.access_log.col.at': { nl: 'Tijdstip', fr: 'Moment', de: 'Zeitpunkt', en: 'At' },
  'privacy.access_log.col.business_date': { nl: 'Werkdatum', fr: 'Date de travail', de: 'Geschäftsdatum', en: 'Business date' },
  'privacy.access_log.col.actor': { nl: 'Wie', fr: 'Qui', de: 'Wer', en: 'Who' },
  'privacy.access_log.col.role': { nl: 'Rol', fr: 'Rôle', de: 'Rolle', en: 'Role' },
  'privacy.access_log.col.channel': { nl: 'Kanaal', fr: 'Canal', de: 'Kanal', en: 'Channel' },
  'privacy.access_log.col.action': { nl: 'Handeling', fr: 'Action', de: 'Handlung', en: 'Action' },
  'privacy.access_log.col.object': { nl: 'Object', fr: 'Objet', de: 'Objekt', en: 'Object' },
  'privacy.access_log.col.insz': { nl: 'INSZ', fr: 'NISS', de: 'ENSS', en: 'INSZ' },
  'privacy.access_log.forbidden': {
    nl: 'Alleen de functionaris voor gegevensbescherming van deze organisatie ziet de toegangslog.',
    fr: "Seul le délégué à la protection des données de cette organisation voit le journal d'accès.",
    de: 'Nur der Datenschutzbeauftragte dieser Organisation sieht das Zugriffsprotokoll.',
    en: "Only this organisation's data protection officer sees the access log.",
  },
  'privacy.access_log.cursor_invalid': {
    nl: 'De cursor is ongeldig: gebruik de nextCursor van een vorig antwoord.',
    fr: "Le curseur n'est pas valide : utilisez le nextCursor d'une réponse précédente.",
    de: 'Der Cursor ist ungültig: verwenden Sie den nextCursor einer vorherigen Antwort.',
    en: "The cursor is not valid: use a previous answer's nextCursor.",
  },
  'privacy.access_log.period_order': {
    nl: 'De begindatum valt na de einddatum.',
    fr: 'La date de début est postérieure à la date de fin.',
    de: 'Das Anfangsdatum liegt nach dem Enddatum.',
    en: 'The start date is after the end date.',
  },
});
