/**
 * The texts of the dossiers module (SPEC R9) in the four portal languages (issue 18: keys inside,
 * text at the edges). Isomorphic: the contract's refinements (`dossier.subtype_kind`,
 * `dossier.end_before_start`) are shown by the web forms before sending, in the same words.
 */
import { defineMessages, type Entry } from '../../shared/i18n.js';

const catalogue = {
  'dossier.subtype_kind': {
    nl: 'Dit type hoort niet bij deze soort formulier: kies een type van de gekozen soort.',
    fr: 'Ce type ne correspond pas à ce genre de formulaire : choisissez un type du genre choisi.',
    de: 'Dieser Typ gehört nicht zu dieser Formularart: Wählen Sie einen Typ der gewählten Art.',
    en: 'This type does not belong to this kind of form: choose a type of the chosen kind.',
  },
  'dossier.end_before_start': {
    nl: 'De einddatum ligt vóór de begindatum: kies een einddatum op of na de begindatum.',
    fr: 'La date de fin précède la date de début : choisissez une date de fin égale ou postérieure à la date de début.',
    de: 'Das Enddatum liegt vor dem Anfangsdatum: Wählen Sie ein Enddatum am oder nach dem Anfangsdatum.',
    en: 'The end date is before the start date: choose an end date on or after the start date.',
  },
  'dossier.overlap': {
    nl: 'Er loopt al een formulier van deze soort voor deze persoon in uw OCMW van {start, date} tot {end, date}. Kies een periode die daar niet mee overlapt, of stop eerst dat formulier.',
    fr: 'Un formulaire de ce genre est déjà en cours pour cette personne dans votre CPAS du {start, date} au {end, date}. Choisissez une période qui ne le chevauche pas, ou arrêtez d’abord ce formulaire.',
    de: 'Für diese Person läuft in Ihrem ÖSHZ bereits ein Formular dieser Art vom {start, date} bis {end, date}. Wählen Sie einen Zeitraum, der sich damit nicht überschneidet, oder beenden Sie zuerst dieses Formular.',
    en: 'A form of this kind is already running for this person in your OCMW from {start, date} to {end, date}. Choose a period that does not overlap it, or stop that form first.',
  },
  'dossier.overlap_open_ended': {
    nl: 'Er loopt al een formulier van deze soort voor deze persoon in uw OCMW vanaf {start, date}, zonder einddatum. Stop eerst dat formulier, of kies een periode die vóór {start, date} eindigt.',
    fr: 'Un formulaire de ce genre est déjà en cours pour cette personne dans votre CPAS depuis le {start, date}, sans date de fin. Arrêtez d’abord ce formulaire, ou choisissez une période qui se termine avant le {start, date}.',
    de: 'Für diese Person läuft in Ihrem ÖSHZ bereits seit dem {start, date} ein Formular dieser Art ohne Enddatum. Beenden Sie zuerst dieses Formular oder wählen Sie einen Zeitraum, der vor dem {start, date} endet.',
    en: 'A form of this kind has been running for this person in your OCMW since {start, date}, with no end date. Stop that form first, or choose a period that ends before {start, date}.',
  },
  'dossier.already_stopped': {
    nl: 'Dit formulier is al stopgezet; een stopgezet formulier kan niet opnieuw worden stopgezet.',
    fr: 'Ce formulaire est déjà arrêté ; un formulaire arrêté ne peut pas être arrêté une seconde fois.',
    de: 'Dieses Formular ist bereits beendet; ein beendetes Formular kann nicht noch einmal beendet werden.',
    en: 'This form has already been stopped; a stopped form cannot be stopped again.',
  },
  'dossier.already_ended': {
    nl: 'Dit formulier is al afgelopen op zijn einddatum; een afgelopen formulier kan niet meer worden stopgezet. Registreer een nieuw formulier voor een nieuwe periode.',
    fr: 'Ce formulaire a déjà pris fin à sa date de fin ; un formulaire terminé ne peut plus être arrêté. Enregistrez un nouveau formulaire pour une nouvelle période.',
    de: 'Dieses Formular ist an seinem Enddatum bereits abgelaufen; ein abgelaufenes Formular kann nicht mehr beendet werden. Registrieren Sie ein neues Formular für einen neuen Zeitraum.',
    en: 'This form has already ended on its end date; an ended form can no longer be stopped. Register a new form for a new period.',
  },
  'dossier.stop_after_end': {
    nl: 'Stopzetten kan een formulier alleen inkorten: kies een einddatum op of vóór de huidige einddatum, {end, date}. Voor een langere periode registreert u een nieuw formulier.',
    fr: "Arrêter un formulaire ne peut que le raccourcir : choisissez une date de fin égale ou antérieure à la date de fin actuelle, le {end, date}. Pour une période plus longue, enregistrez un nouveau formulaire.",
    de: 'Das Beenden kann ein Formular nur verkürzen: Wählen Sie ein Enddatum am oder vor dem jetzigen Enddatum, dem {end, date}. Für einen längeren Zeitraum registrieren Sie ein neues Formular.',
    en: 'Stopping can only shorten a form: choose an end date on or before its current end date, {end, date}. For a longer period, register a new form.',
  },
  'dossier.merged_away': {
    nl: 'Uw OCMW is op {date, date} opgegaan in {ocmw}: registreer formulieren voor een periode vanaf die datum bij {ocmw}.',
    fr: 'Votre CPAS a fusionné le {date, date} dans {ocmw} : enregistrez les formulaires pour une période à partir de cette date auprès de {ocmw}.',
    de: 'Ihr ÖSHZ ist am {date, date} in {ocmw} aufgegangen: Registrieren Sie Formulare für einen Zeitraum ab diesem Datum bei {ocmw}.',
    en: 'Your OCMW merged into {ocmw} on {date, date}: register forms for a period from that date on at {ocmw}.',
  },
} satisfies Record<string, Entry>;

export type DossierMessageKey = keyof typeof catalogue;

/** The dossiers module's messages, for `src/messages.ts` (server) and the web catalogue. */
export const dossierMessages = defineMessages(catalogue);
