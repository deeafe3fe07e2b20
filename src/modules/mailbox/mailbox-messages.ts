/**
 * Texts of the e-Box (R10.1, R8.2) in the four portal languages, shaped like the catalogue of
 * src/shared/messages.ts so they can move there.
 */
import { defineMessages, type Entry } from '../../shared/i18n.js';


const catalogue = {
  'ebox.app_required': {
    nl: 'Voor de e-Box hebt u de toepassing "e-Box van de instelling" nodig.',
    fr: "Pour l'e-Box, vous avez besoin de l'application « e-Box de l'institution ».",
    de: 'Für die e-Box benötigen Sie die Anwendung „e-Box der Einrichtung“.',
    en: 'The e-Box needs the application "e-Box van de instelling" (the organisation’s e-Box).',
  },
  'ebox.privileged_required': {
    nl: 'Documenten verwijderen, terugzetten en verwijderde documenten bekijken kan alleen met de toepassing "e-Box Bevoorrechte gebruiker".',
    fr: "Supprimer et restaurer des documents, et consulter les documents supprimés, nécessite l'application « e-Box Utilisateur privilégié ».",
    de: 'Dokumente löschen, wiederherstellen und gelöschte Dokumente ansehen ist nur mit der Anwendung „e-Box Privilegierter Benutzer“ möglich.',
    en: 'Deleting and restoring documents, and viewing deleted ones, needs the application "e-Box Bevoorrechte gebruiker" (e-Box privileged user).',
  },
  'ebox.recipient_unknown': {
    nl: 'Er is geen organisatie met dit ondernemingsnummer.',
    fr: "Il n'y a pas d'organisation avec ce numéro d'entreprise.",
    de: 'Es gibt keine Organisation mit dieser Unternehmensnummer.',
    en: 'There is no organisation with this enterprise number.',
  },
  'ebox.sender_unknown': {
    nl: 'Er is geen afzender met dit ondernemingsnummer.',
    fr: "Il n'y a pas d'expéditeur avec ce numéro d'entreprise.",
    de: 'Es gibt keinen Absender mit dieser Unternehmensnummer.',
    en: 'There is no sender with this enterprise number.',
  },
  'ebox.file_name': {
    nl: 'Een bestandsnaam begint met een letter of cijfer en bevat alleen letters, cijfers, spaties en . _ - ( ).',
    fr: 'Un nom de fichier commence par une lettre ou un chiffre et ne contient que des lettres, des chiffres, des espaces et . _ - ( ).',
    de: 'Ein Dateiname beginnt mit einem Buchstaben oder einer Ziffer und enthält nur Buchstaben, Ziffern, Leerzeichen und . _ - ( ).',
    en: 'A file name starts with a letter or digit and contains only letters, digits, spaces and . _ - ( ).',
  },
  'ebox.file_extension': {
    nl: 'Een bestand van het type {mime} heeft de extensie {extensions}.',
    fr: "Un fichier du type {mime} a l'extension {extensions}.",
    de: 'Eine Datei vom Typ {mime} hat die Endung {extensions}.',
    en: 'A file of type {mime} has the extension {extensions}.',
  },
  'ebox.base64': {
    nl: 'De inhoud van de bijlage moet base64-gecodeerd zijn.',
    fr: 'Le contenu de la pièce jointe doit être encodé en base64.',
    de: 'Der Inhalt des Anhangs muss Base64-kodiert sein.',
    en: 'The attachment content must be base64-encoded.',
  },
  'ebox.empty': {
    nl: 'De bijlage is leeg.',
    fr: 'La pièce jointe est vide.',
    de: 'Der Anhang ist leer.',
    en: 'The attachment is empty.',
  },
  'ebox.too_large': {
    nl: 'De bijlage is groter dan {max} MiB.',
    fr: 'La pièce jointe dépasse {max} Mio.',
    de: 'Der Anhang ist größer als {max} MiB.',
    en: 'The attachment is larger than {max} MiB.',
  },
  'ebox.content.pdf': {
    nl: 'De inhoud van de bijlage is geen PDF-document (een PDF begint met "%PDF-").',
    fr: "Le contenu de la pièce jointe n'est pas un document PDF (un PDF commence par « %PDF- »).",
    de: 'Der Inhalt des Anhangs ist kein PDF-Dokument (ein PDF beginnt mit „%PDF-“).',
    en: 'The attachment content is not a PDF document (a PDF starts with "%PDF-").',
  },
  'ebox.content.xlsx': {
    nl: 'De inhoud van de bijlage is geen Excel-werkmap (.xlsx, een Office Open XML-pakket).',
    fr: "Le contenu de la pièce jointe n'est pas un classeur Excel (.xlsx, un paquet Office Open XML).",
    de: 'Der Inhalt des Anhangs ist keine Excel-Arbeitsmappe (.xlsx, ein Office-Open-XML-Paket).',
    en: 'The attachment content is not an Excel workbook (.xlsx, an Office Open XML package).',
  },
  'ebox.content.png': {
    nl: 'De inhoud van de bijlage is geen PNG-afbeelding.',
    fr: "Le contenu de la pièce jointe n'est pas une image PNG.",
    de: 'Der Inhalt des Anhangs ist kein PNG-Bild.',
    en: 'The attachment content is not a PNG image.',
  },
  'ebox.content.jpeg': {
    nl: 'De inhoud van de bijlage is geen JPEG-afbeelding.',
    fr: "Le contenu de la pièce jointe n'est pas une image JPEG.",
    de: 'Der Inhalt des Anhangs ist kein JPEG-Bild.',
    en: 'The attachment content is not a JPEG image.',
  },
  'ebox.content.text': {
    nl: 'De inhoud van de bijlage is geen tekst in UTF-8.',
    fr: "Le contenu de la pièce jointe n'est pas du texte en UTF-8.",
    de: 'Der Inhalt des Anhangs ist kein Text in UTF-8.',
    en: 'The attachment content is not UTF-8 text.',
  },
  'ebox.content.xml': {
    nl: 'De inhoud van de bijlage is geen XML-document in UTF-8.',
    fr: "Le contenu de la pièce jointe n'est pas un document XML en UTF-8.",
    de: 'Der Inhalt des Anhangs ist kein XML-Dokument in UTF-8.',
    en: 'The attachment content is not a UTF-8 XML document.',
  },
  'ebox.night_future': {
    nl: 'De nacht van {night} is nog niet begonnen (vandaag is {today}).',
    fr: "La nuit du {night} n'a pas encore commencé (aujourd'hui : {today}).",
    de: 'Die Nacht vom {night} hat noch nicht begonnen (heute ist der {today}).',
    en: 'The night of {night} has not begun yet (today is {today}).',
  },
  'mail.ebox_notification.subject': {
    nl: 'e-Box: {count} ongelezen document(en) voor {organisation}',
    fr: 'e-Box : {count} document(s) non lu(s) pour {organisation}',
    de: 'e-Box: {count} ungelesene(s) Dokument(e) für {organisation}',
    en: 'e-Box: {count} unread document(s) for {organisation}',
  },
  'mail.ebox_notification.body': {
    nl: 'In de e-Box van {organisation} staan {count} nieuwe document(en) die nog niet gelezen zijn.\n\nMeld u aan op het OCMW-portaal en open de e-Box om ze te lezen.\n\nDit is een automatisch bericht; u kunt er niet op antwoorden.',
    fr: "L'e-Box de {organisation} contient {count} nouveau(x) document(s) non encore lu(s).\n\nConnectez-vous au portail CPAS et ouvrez l'e-Box pour les lire.\n\nCeci est un message automatique ; vous ne pouvez pas y répondre.",
    de: 'In der e-Box von {organisation} liegen {count} neue(s) Dokument(e), die noch nicht gelesen wurden.\n\nMelden Sie sich im ÖSHZ-Portal an und öffnen Sie die e-Box, um sie zu lesen.\n\nDies ist eine automatische Nachricht; Sie können nicht darauf antworten.',
    en: 'The e-Box of {organisation} holds {count} new document(s) that have not been read yet.\n\nLog in to the OCMW portal and open the e-Box to read them.\n\nThis is an automatic message; you cannot reply to it.',
  },
} satisfies Record<string, Entry>;

export type MailboxMessageKey = keyof typeof catalogue;

export const MAILBOX_MESSAGE_KEYS = Object.keys(catalogue) as MailboxMessageKey[];


export const mailboxMessages = defineMessages(catalogue);

export const isMailboxMessageKey = mailboxMessages.has;

/** Legacy text in a language (issue 18: new code passes `mailboxMessages.msg(key, params)` to the edge). */
export const mailboxMessage = mailboxMessages.text;
