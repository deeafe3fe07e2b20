/**
 * The texts of the access log (issue 24): the export's column headers, its sheet, the labels of
 * its channels and actions (the export and the web page show these, never the codes), and the
 * refusals of the officer's search, in the four portal languages. Isomorphic: the web page uses them.
 */
import { defineMessages, type Message } from '../../shared/i18n.js';

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
  'privacy.access_log.channel.portal': { nl: 'Portaal', fr: 'Portail', de: 'Portal', en: 'Portal' },
  'privacy.access_log.channel.vendor-api': { nl: 'API softwareleverancier', fr: 'API fournisseur de logiciels', de: 'API Softwareanbieter', en: 'Software vendor API' },
  'privacy.access_log.channel.institution-api': { nl: 'API instelling', fr: 'API institution', de: 'API Einrichtung', en: 'Institution API' },
  'privacy.access_log.channel.cli': { nl: 'Opdrachtregel', fr: 'Ligne de commande', de: 'Befehlszeile', en: 'Command line' },
  'privacy.access_log.channel.sftp': { nl: 'SFTP-bestandskanaal', fr: 'Canal de fichiers SFTP', de: 'SFTP-Dateikanal', en: 'SFTP file channel' },
  'privacy.access_log.channel.file-https': { nl: 'Bestandskanaal over HTTPS', fr: 'Canal de fichiers par HTTPS', de: 'Dateikanal über HTTPS', en: 'File channel over HTTPS' },
  'privacy.access_log.action.help-request.read': { nl: 'Hulpaanvraag geopend', fr: 'Demande d\'aide ouverte', de: 'Hilfeantrag geöffnet', en: 'Help request opened' },
  'privacy.access_log.action.help-request.list': { nl: 'Hulpaanvraag in een lijst', fr: 'Demande d\'aide dans une liste', de: 'Hilfeantrag in einer Liste', en: 'Help request in a list' },
  'privacy.access_log.action.help-request.mark-read': { nl: 'Hulpaanvraag als gelezen gemarkeerd', fr: 'Demande d\'aide marquée comme lue', de: 'Hilfeantrag als gelesen markiert', en: 'Help request marked read' },
  'privacy.access_log.action.help-request.mark-decided': { nl: 'Hulpaanvraag als beslist gemarkeerd', fr: 'Demande d\'aide marquée comme décidée', de: 'Hilfeantrag als entschieden markiert', en: 'Help request marked decided' },
  'privacy.access_log.action.dossier.read': { nl: 'Dossier geopend', fr: 'Dossier ouvert', de: 'Dossier geöffnet', en: 'Dossier opened' },
  'privacy.access_log.action.dossier.list': { nl: 'Dossier in een lijst', fr: 'Dossier dans une liste', de: 'Dossier in einer Liste', en: 'Dossier in a list' },
  'privacy.access_log.action.dossier-form.list': { nl: 'Dossierformulier in een lijst', fr: 'Formulaire de dossier dans une liste', de: 'Dossierformular in einer Liste', en: 'Dossier form in a list' },
  'privacy.access_log.action.ebox-document.read': { nl: 'e-Boxdocument geopend', fr: 'Document e-Box ouvert', de: 'e-Box-Dokument geöffnet', en: 'e-Box document opened' },
  'privacy.access_log.action.ebox-document.list': { nl: 'e-Boxdocument in een lijst', fr: 'Document e-Box dans une liste', de: 'e-Box-Dokument in einer Liste', en: 'e-Box document in a list' },
  'privacy.access_log.action.ebox-document.download': { nl: 'Bijlage e-Boxdocument gedownload', fr: 'Pièce jointe e-Box téléchargée', de: 'Anhang des e-Box-Dokuments heruntergeladen', en: 'e-Box attachment downloaded' },
  'privacy.access_log.action.mutation.list': { nl: 'Mutatie in een lijst', fr: 'Mutation dans une liste', de: 'Mutation in einer Liste', en: 'Mutation in a list' },
  'privacy.access_log.action.mutation.download': { nl: 'Mutatiebestand gedownload', fr: 'Fichier de mutations téléchargé', de: 'Mutationsdatei heruntergeladen', en: 'Mutation file downloaded' },
  'privacy.access_log.action.mutation.read': { nl: 'Mutatiebestand gelezen (SFTP)', fr: 'Fichier de mutations lu (SFTP)', de: 'Mutationsdatei gelesen (SFTP)', en: 'Mutation file read (SFTP)' },
  'privacy.access_log.action.dossier.search': { nl: 'Dossiers gezocht op INSZ', fr: 'Dossiers recherchés par NISS', de: 'Dossiers nach ENSS gesucht', en: 'Dossiers searched by INSZ' },
  'privacy.access_log.action.dossier-form.search': { nl: 'Dossierformulieren gezocht op INSZ', fr: 'Formulaires de dossier recherchés par NISS', de: 'Dossierformulare nach ENSS gesucht', en: 'Dossier forms searched by INSZ' },
  'privacy.access_log.action.user.search': { nl: 'Gebruikers gezocht op INSZ', fr: 'Utilisateurs recherchés par NISS', de: 'Benutzer nach ENSS gesucht', en: 'Users searched by INSZ' },
  'privacy.access_log.action.person.lookup': { nl: 'Persoon opgezocht op INSZ', fr: 'Personne recherchée par NISS', de: 'Person nach ENSS gesucht', en: 'Person looked up by INSZ' },
  'privacy.access_log.action.user.read': { nl: 'Gebruiker geopend', fr: 'Utilisateur ouvert', de: 'Benutzer geöffnet', en: 'User opened' },
  'privacy.access_log.action.user.list': { nl: 'Gebruiker in een lijst', fr: 'Utilisateur dans une liste', de: 'Benutzer in einer Liste', en: 'User in a list' },
  'privacy.access_log.action.users.export': { nl: 'Gebruiker in een export', fr: 'Utilisateur dans un export', de: 'Benutzer in einem Export', en: 'User in an export' },
  'privacy.access_log.action.manager.list': { nl: 'Beheerder in de lijst van (co-)HTB\'s', fr: 'Gestionnaire dans la liste des (co-)HTB', de: 'Verwalter in der Liste der (Ko-)HTB', en: 'Manager in the (co-)HTB list' },
  'privacy.access_log.action.audit.export': { nl: 'Auditlog geëxporteerd', fr: 'Journal d\'audit exporté', de: 'Prüfprotokoll exportiert', en: 'Audit log exported' },
  'privacy.access_log.action.access-log.search': { nl: 'Toegangslog doorzocht', fr: 'Journal d\'accès consulté', de: 'Zugriffsprotokoll durchsucht', en: 'Access log searched' },
  'privacy.access_log.action.access-log.export': { nl: 'Toegangslog geëxporteerd', fr: 'Journal d\'accès exporté', de: 'Zugriffsprotokoll exportiert', en: 'Access log exported' },
  'privacy.access_log.action.subject-request.overview': { nl: 'Verzoek van een burger: overzicht', fr: 'Demande d\'un citoyen : aperçu', de: 'Antrag eines Bürgers: Übersicht', en: 'Citizen\'s request: overview' },
  'privacy.access_log.action.subject-request.subject-export': { nl: 'Verzoek van een burger: inzagebestand', fr: 'Demande d\'un citoyen : fichier d\'accès', de: 'Antrag eines Bürgers: Auskunftsdatei', en: 'Citizen\'s request: access file' },
  'privacy.access_log.action.subject-request.subject-erasure': { nl: 'Verzoek van een burger: wissing', fr: 'Demande d\'un citoyen : effacement', de: 'Antrag eines Bürgers: Löschung', en: 'Citizen\'s request: erasure' },
  'privacy.access_log.action.subject-request.list': { nl: 'Register van verzoeken van burgers', fr: 'Registre des demandes des citoyens', de: 'Register der Anträge von Bürgern', en: "Register of citizens' requests" },
  'privacy.access_log.action.mail.list': { nl: 'E-mail in de lijst van verzonden mails', fr: 'E-mail dans la liste des e-mails envoyés', de: 'E-Mail in der Liste gesendeter E-Mails', en: 'Mail in the sent mail list' },
  'privacy.access_log.action.mail.read': { nl: 'E-mail opnieuw verzonden en getoond', fr: 'E-mail renvoyé et affiché', de: 'E-Mail erneut gesendet und angezeigt', en: 'Mail resent and shown' },
  'privacy.access_log.action.channel-upload.list': { nl: 'Bestand van het bestandskanaal in een lijst', fr: 'Fichier du canal de fichiers dans une liste', de: 'Datei des Dateikanals in einer Liste', en: 'File channel upload in a list' },
  'privacy.access_log.action.channel-upload.download': { nl: 'Bestand van het bestandskanaal opgehaald', fr: 'Fichier du canal de fichiers récupéré', de: 'Datei des Dateikanals abgeholt', en: 'File channel upload fetched' },
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
  'privacy.access_log.insz_in_url': {
    nl: 'Een INSZ hoort niet in een URL: zoek erop met POST /api/v1/privacy/access-log/search (de INSZ in de body).',
    fr: "Un NISS n'a pas sa place dans une URL : recherchez-le avec POST /api/v1/privacy/access-log/search (le NISS dans le corps).",
    de: 'Eine ENSS gehört nicht in eine URL: suchen Sie mit POST /api/v1/privacy/access-log/search (die ENSS im Body).',
    en: 'An INSZ does not belong in a URL: search for it with POST /api/v1/privacy/access-log/search (the INSZ in the body).',
  },
  'privacy.access_log.period_order': {
    nl: 'De begindatum valt na de einddatum.',
    fr: 'La date de début est postérieure à la date de fin.',
    de: 'Das Anfangsdatum liegt nach dem Enddatum.',
    en: 'The start date is after the end date.',
  },
});

/** The label of a channel (every channel has one: a test checks ACCESS_CHANNELS against them). */
export function accessChannelLabel(channel: string): Message | string {
  const key = `privacy.access_log.channel.${channel}`;
  return accessLogMessages.has(key) ? accessLogMessages.msg(key) : channel;
}

/** The label of a recorded action as a Message, or the code itself when it has none. */
export function accessActionLabel(action: string): Message | string {
  const key = `privacy.access_log.action.${action}`;
  return accessLogMessages.has(key) ? accessLogMessages.msg(key) : action;
}
