/**
 * Texts of OCMW Online (SPEC §6): the citizen form's refusals (proof of work, postcode and
 * municipality, the competent OCMW), forwarding, the vendor list's cursor, and the mails to the
 * citizen and the OCMW (acknowledgement, notification, reminder) in the four portal languages.
 * The service throws and mails `helpRequestMessages.msg(key, params)`; the edges render them.
 * Isomorphic: the citizen form shows the same words before sending.
 */
import { defineMessages, type Entry } from '../../shared/i18n.js';

const catalogue = {
  "online.kind_required": {
    nl: "Kies minstens één soort hulp.",
    fr: "Choisissez au moins un type d'aide.",
    de: "Wählen Sie mindestens eine Art von Hilfe.",
    en: "Choose at least one kind of help.",
  },
  "online.kind_duplicate": {
    nl: "Elke soort hulp mag maar één keer voorkomen.",
    fr: "Chaque type d'aide ne peut figurer qu'une fois.",
    de: "Jede Art von Hilfe darf nur einmal vorkommen.",
    en: "Each kind of help may appear only once.",
  },
  "online.contact_required": {
    nl: "Geef een e-mailadres of een telefoonnummer, zodat het OCMW u kan bereiken.",
    fr: "Indiquez une adresse e-mail ou un numéro de téléphone, pour que le CPAS puisse vous joindre.",
    de: "Geben Sie eine E-Mail-Adresse oder eine Telefonnummer an, damit das ÖSHZ Sie erreichen kann.",
    en: "Give an e-mail address or a phone number, so that the OCMW can reach you.",
  },
  "online.proof_invalid": {
    nl: "De controle tegen automatisch verzonden formulieren ontbreekt of klopt niet. Verstuur het formulier opnieuw.",
    fr: "La vérification contre les envois automatiques manque ou est incorrecte. Envoyez à nouveau le formulaire.",
    de: "Die Prüfung gegen automatisch gesendete Formulare fehlt oder ist nicht korrekt. Senden Sie das Formular erneut.",
    en: "The check against automatically sent forms is missing or wrong. Please send the form again.",
  },
  "online.proof_expired": {
    nl: "De controle tegen automatisch verzonden formulieren is verlopen. Verstuur het formulier opnieuw.",
    fr: "La vérification contre les envois automatiques a expiré. Envoyez à nouveau le formulaire.",
    de: "Die Prüfung gegen automatisch gesendete Formulare ist abgelaufen. Senden Sie das Formular erneut.",
    en: "The check against automatically sent forms has expired. Please send the form again.",
  },
  "online.proof_used": {
    nl: "Deze controle tegen automatisch verzonden formulieren werd al gebruikt. Verstuur het formulier opnieuw.",
    fr: "Cette vérification contre les envois automatiques a déjà été utilisée. Envoyez à nouveau le formulaire.",
    de: "Diese Prüfung gegen automatisch gesendete Formulare wurde bereits verwendet. Senden Sie das Formular erneut.",
    en: "This check against automatically sent forms has already been used. Please send the form again.",
  },
  "online.postcode_unknown": {
    nl: "Deze postcode kennen we niet. Controleer hem.",
    fr: "Nous ne connaissons pas ce code postal. Vérifiez-le.",
    de: "Diese Postleitzahl kennen wir nicht. Bitte prüfen Sie sie.",
    en: "We do not know this postcode. Please check it.",
  },
  "online.municipality_required": {
    nl: "Deze postcode hoort bij meer dan één gemeente: kies uw gemeente.",
    fr: "Ce code postal couvre plusieurs communes : choisissez votre commune.",
    de: "Diese Postleitzahl gehört zu mehreren Gemeinden: Wählen Sie Ihre Gemeinde.",
    en: "This postcode covers more than one municipality: choose yours.",
  },
  "online.municipality_mismatch": {
    nl: "Deze gemeente hoort niet bij de postcode.",
    fr: "Cette commune ne correspond pas au code postal.",
    de: "Diese Gemeinde gehört nicht zur Postleitzahl.",
    en: "This municipality does not belong to the postcode.",
  },
  "online.no_ocmw": {
    nl: "Voor deze gemeente is geen OCMW gekend in het portaal. Neem rechtstreeks contact op met het OCMW.",
    fr: "Aucun CPAS n'est connu dans le portail pour cette commune. Contactez directement le CPAS.",
    de: "Für diese Gemeinde ist im Portal kein ÖSHZ bekannt. Wenden Sie sich direkt an das ÖSHZ.",
    en: "No OCMW is known in the portal for this municipality. Please contact the OCMW directly.",
  },
  "online.forward_too_late": {
    nl: "Doorsturen kan tot 5 dagen na de ontvangstdatum (tot {date}).",
    fr: "Le transfert est possible jusqu'à 5 jours après la date de réception (jusqu'au {date}).",
    de: "Eine Weiterleitung ist bis 5 Tage nach dem Eingangsdatum möglich (bis {date}).",
    en: "A request can be forwarded up to 5 days after its receipt date (until {date}).",
  },
  "online.forward_decided": {
    nl: "Over deze aanvraag is al beslist; ze kan niet meer doorgestuurd worden.",
    fr: "Cette demande a déjà fait l'objet d'une décision ; elle ne peut plus être transférée.",
    de: "Über diesen Antrag wurde bereits entschieden; er kann nicht mehr weitergeleitet werden.",
    en: "This request has been decided; it can no longer be forwarded.",
  },
  "online.forward_target": {
    nl: "Kies een ander, actief OCMW.",
    fr: "Choisissez un autre CPAS actif.",
    de: "Wählen Sie ein anderes, aktives ÖSHZ.",
    en: "Choose another, active OCMW.",
  },
  "mail.online_ack.subject": {
    nl: "Uw hulpaanvraag {reference} is ontvangen",
    fr: "Votre demande d'aide {reference} a été reçue",
    de: "Ihr Hilfeantrag {reference} ist eingegangen",
    en: "Your help request {reference} has been received",
  },
  "mail.online_ack.body": {
    nl: "Beste,\n\nUw hulpaanvraag is geregistreerd met referentienummer {reference}.\nOntvangstdatum: {receivedOn, date}. Een aanvraag die op een zaterdag, zondag of wettelijke feestdag is ingediend, is ontvangen op de volgende werkdag.\nDe elektronische registratie geldt als uw handtekening.\n\nUw aanvraag gaat naar {ocmw}.\n{contact}\n\nHet OCMW beslist binnen 30 dagen na de ontvangstdatum. Vermeld uw referentienummer als u contact opneemt.\n\nDeze e-mail is automatisch verstuurd door het OCMW Portaal.",
    fr: "Madame, Monsieur,\n\nVotre demande d'aide est enregistrée sous la référence {reference}.\nDate de réception : {receivedOn, date}. Une demande introduite un samedi, un dimanche ou un jour férié légal est reçue le jour ouvrable suivant.\nL'enregistrement électronique vaut signature.\n\nVotre demande est adressée au {ocmw}.\n{contact}\n\nLe CPAS décide dans les 30 jours de la date de réception. Mentionnez votre référence si vous le contactez.\n\nCe courriel a été envoyé automatiquement par le portail CPAS.",
    de: "Guten Tag,\n\nIhr Hilfeantrag ist unter der Referenz {reference} registriert.\nEingangsdatum: {receivedOn, date}. Ein an einem Samstag, Sonntag oder gesetzlichen Feiertag gestellter Antrag gilt am nächsten Werktag als eingegangen.\nDie elektronische Registrierung gilt als Ihre Unterschrift.\n\nIhr Antrag geht an das {ocmw}.\n{contact}\n\nDas ÖSHZ entscheidet innerhalb von 30 Tagen nach dem Eingangsdatum. Geben Sie Ihre Referenz an, wenn Sie Kontakt aufnehmen.\n\nDiese E-Mail wurde automatisch vom ÖSHZ-Portal gesendet.",
    en: "Hello,\n\nYour help request has been registered with reference number {reference}.\nReceipt date: {receivedOn, date}. A request filed on a Saturday, Sunday or Belgian legal holiday is received on the next working day.\nThe electronic registration counts as your signature.\n\nYour request goes to {ocmw}.\n{contact}\n\nThe OCMW decides within 30 days of the receipt date. Quote your reference number when you get in touch.\n\nThis e-mail was sent automatically by the OCMW Portal.",
  },
  "mail.online_notification.subject": {
    nl: "OCMW Online: nieuwe hulpaanvraag {reference}",
    fr: "CPAS Online : nouvelle demande d'aide {reference}",
    de: "ÖSHZ Online: neuer Hilfeantrag {reference}",
    en: "OCMW Online: new help request {reference}",
  },
  "mail.online_notification.body": {
    nl: "Er is een hulpaanvraag voor uw OCMW: {reference} (ontvangstdatum {receivedOn, date}).\nU vindt ze in het OCMW Portaal onder OCMW Online.\n\nDeze e-mail bevat om privacyredenen geen persoonsgegevens.",
    fr: "Une demande d'aide est adressée à votre CPAS : {reference} (date de réception {receivedOn, date}).\nVous la trouverez dans le portail CPAS, sous CPAS Online.\n\nPour protéger la vie privée, ce courriel ne contient aucune donnée personnelle.",
    de: "Für Ihr ÖSHZ liegt ein Hilfeantrag vor: {reference} (Eingangsdatum {receivedOn, date}).\nSie finden ihn im ÖSHZ-Portal unter ÖSHZ Online.\n\nAus Datenschutzgründen enthält diese E-Mail keine personenbezogenen Daten.",
    en: "There is a help request for your OCMW: {reference} (receipt date {receivedOn, date}).\nYou will find it in the OCMW Portal under OCMW Online.\n\nFor privacy, this e-mail contains no personal data.",
  },
  "mail.online_reminder.subject": {
    nl: "OCMW Online: {count} ongelezen hulpaanvraag/-aanvragen",
    fr: "CPAS Online : {count} demande(s) d'aide non lue(s)",
    de: "ÖSHZ Online: {count} ungelesene(r) Hilfeantrag/-anträge",
    en: "OCMW Online: {count} unread help request(s)",
  },
  "mail.online_reminder.body": {
    nl: "Deze hulpaanvragen zijn nog niet gelezen:\n{references}\n\nOpen ze in het OCMW Portaal onder OCMW Online. Een gelezen aanvraag krijgt geen herinneringen meer.",
    fr: "Ces demandes d'aide n'ont pas encore été lues :\n{references}\n\nOuvrez-les dans le portail CPAS, sous CPAS Online. Une demande lue ne fait plus l'objet de rappels.",
    de: "Diese Hilfeanträge wurden noch nicht gelesen:\n{references}\n\nÖffnen Sie sie im ÖSHZ-Portal unter ÖSHZ Online. Für einen gelesenen Antrag gibt es keine Erinnerungen mehr.",
    en: "These help requests have not been read yet:\n{references}\n\nOpen them in the OCMW Portal under OCMW Online. A request that has been read gets no more reminders.",
  },
  "online.cursor_invalid": {
    nl: "Deze cursor is niet geldig: gebruik de nextCursor van een vorig antwoord.",
    fr: "Ce curseur n'est pas valide : utilisez le nextCursor d'une réponse précédente.",
    de: "Dieser Cursor ist ungültig: Verwenden Sie den nextCursor einer vorherigen Antwort.",
    en: "This cursor is not valid: use the nextCursor of an earlier answer.",
  },
  "online.reference_format": {
    nl: "Een referentienummer heeft de vorm OO-JJJJ-NNNNNNN-C.",
    fr: "Une référence a la forme OO-AAAA-NNNNNNN-C.",
    de: "Eine Referenz hat die Form OO-JJJJ-NNNNNNN-C.",
    en: "A reference number looks like OO-YYYY-NNNNNNN-C.",
  },
  // Issue 19: help requests reach an OCMW that nobody can read (to the platform administrators).
  "mail.admin.unreadable_ocmw.subject": {
    nl: "OCMW Online: hulpaanvragen voor {ocmw} die niemand kan lezen",
    fr: "CPAS Online : des demandes d'aide pour le {ocmw} que personne ne peut lire",
    de: "ÖSHZ Online: Hilfeanträge für das {ocmw}, die niemand lesen kann",
    en: "OCMW Online: help requests for {ocmw} that nobody can read",
  },
  "mail.admin.unreadable_ocmw.body": {
    nl: "Hulpaanvraag {reference} (ontvangstdatum {receivedOn, date}) is bij {ocmw} ({kbo}) terechtgekomen, maar niemand kan er OCMW Online lezen: geen actieve gebruiker met OCMW Online of Sociale Agent.\n\nZorg dat het OCMW een toegangsbeheerder heeft die gebruikers aanstelt. De pagina Verdwijnende OCMW's toont welke OCMW's aanvragen hebben zonder lezer. Het OCMW moet binnen 30 dagen na de ontvangstdatum beslissen.\n\nU krijgt dit bericht hoogstens eens per dag per OCMW.\n\nDeze e-mail is automatisch verstuurd door het OCMW Portaal.",
    fr: "La demande d'aide {reference} (date de réception {receivedOn, date}) est arrivée au {ocmw} ({kbo}), mais personne ne peut y lire CPAS Online : aucun utilisateur actif avec CPAS Online ou Agent social.\n\nVeillez à ce que le CPAS ait un gestionnaire d'accès qui désigne des utilisateurs. La page CPAS qui disparaissent montre quels CPAS ont des demandes sans lecteur. Le CPAS doit décider dans les 30 jours de la date de réception.\n\nVous recevez ce message au plus une fois par jour et par CPAS.\n\nCe courriel a été envoyé automatiquement par le portail CPAS.",
    de: "Hilfeantrag {reference} (Eingangsdatum {receivedOn, date}) ist beim {ocmw} ({kbo}) eingegangen, aber dort kann niemand ÖSHZ Online lesen: kein aktiver Benutzer mit ÖSHZ Online oder Sozialagent.\n\nSorgen Sie dafür, dass das ÖSHZ einen Zugangsverwalter hat, der Benutzer ernennt. Die Seite Verschwindende ÖSHZ zeigt, welche ÖSHZ Anträge ohne Leser haben. Das ÖSHZ muss innerhalb von 30 Tagen nach dem Eingangsdatum entscheiden.\n\nSie erhalten diese Nachricht höchstens einmal pro Tag und ÖSHZ.\n\nDiese E-Mail wurde automatisch vom ÖSHZ-Portal gesendet.",
    en: "Help request {reference} (receipt date {receivedOn, date}) reached {ocmw} ({kbo}), but nobody there can read OCMW Online: no active user with OCMW Online or Social agent.\n\nMake sure the OCMW has an access manager who appoints users. The Disappearing OCMWs page shows which OCMWs have requests without a reader. The OCMW must decide within 30 days of the receipt date.\n\nYou get this message at most once a day per OCMW.\n\nThis e-mail was sent automatically by the OCMW Portal.",
  },
} satisfies Record<string, Entry>;

export type HelpRequestMessageKey = keyof typeof catalogue;

/** The module's messages: `helpRequestMessages.msg(key, params)` in the domain, `.text` at the edges. */
export const helpRequestMessages = defineMessages(catalogue);
