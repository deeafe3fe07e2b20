/**
 * Texts of a citizen's request (issue 24) in the four portal languages: why a kind may or may not
 * be erased, and the file's explanation for the citizen. Isomorphic.
 */
import { defineMessages } from '../../shared/i18n.js';

export const subjectRequestMessages = defineMessages({
  'subject.nothing_held': {
    nl: 'Uw OCMW bewaart in het portaal geen gegevens over dit INSZ.',
    fr: 'Votre CPAS ne conserve dans le portail aucune donnée sur ce NISS.',
    de: 'Ihr ÖSHZ bewahrt im Portal keine Daten zu dieser ENSS auf.',
    en: 'Your OCMW holds no data on this INSZ in the portal.',
  },
  'subject.erase.nothing': {
    nl: 'Er is niets te wissen van de soort {kind}.',
    fr: "Il n'y a rien à effacer du type {kind}.",
    de: 'Von der Art {kind} gibt es nichts zu löschen.',
    en: 'There is nothing of the kind {kind} to erase.',
  },
  'subject.erase.help_requests': {
    nl: 'Besliste hulpaanvragen kunnen gewist worden: naam, INSZ, contactgegevens en vrije tekst verdwijnen; referentie, data en soort hulp blijven voor de tellingen.',
    fr: "Les demandes d'aide décidées peuvent être effacées : nom, NISS, coordonnées et texte libre disparaissent ; référence, dates et type d'aide restent pour les statistiques.",
    de: 'Entschiedene Hilfeanträge können gelöscht werden: Name, ENSS, Kontaktdaten und Freitext verschwinden; Referenz, Daten und Hilfeart bleiben für die Statistik.',
    en: 'Decided help requests can be erased: name, INSZ, contact data and free text go; reference, dates and kind of help stay for the counts.',
  },
  'subject.keep.help_requests_open': {
    nl: '{open} hulpaanvraag(en) zijn nog niet beslist: het OCMW moet ze eerst behandelen (wettelijke plicht), daarna kunnen ze gewist worden.',
    fr: "{open} demande(s) d'aide ne sont pas encore décidées : le CPAS doit d'abord les traiter (obligation légale), ensuite elles peuvent être effacées.",
    de: '{open} Hilfeantrag/-anträge sind noch nicht entschieden: Das ÖSHZ muss sie zuerst bearbeiten (gesetzliche Pflicht), danach können sie gelöscht werden.',
    en: '{open} help request(s) are not decided yet: the OCMW must handle them first (a legal duty); then they can be erased.',
  },
  'subject.keep.help_requests_term': {
    nl: '{kept} hulpaanvraag(en) werden beslist na {until, date}: het OCMW bewaart ze tot het einde van de bewaartermijn voor beroep, klachten en terugvordering, en kan ze nog niet wissen (AVG art. 17.3.b en e).',
    fr: "{kept} demande(s) d'aide ont été décidées après le {until, date} : le CPAS les conserve jusqu'à la fin du délai de conservation pour les recours, plaintes et récupérations, et ne peut pas encore les effacer (RGPD art. 17.3.b et e).",
    de: '{kept} Hilfeantrag/-anträge wurden nach dem {until, date} entschieden: Das ÖSHZ bewahrt sie bis zum Ende der Aufbewahrungsfrist für Widersprüche, Beschwerden und Rückforderungen auf und kann sie noch nicht löschen (DSGVO Art. 17.3.b und e).',
    en: '{kept} help request(s) were decided after {until, date}: the OCMW keeps them until the end of the retention period for appeals, complaints and recovery, and cannot erase them yet (GDPR art. 17(3)(b) and (e)).',
  },
  'subject.erase.dossier_forms': {
    nl: 'De formulieren zijn voorbij hun bewaartermijn en kunnen gewist worden.',
    fr: 'Les formulaires ont dépassé leur délai de conservation et peuvent être effacés.',
    de: 'Die Formulare haben ihre Aufbewahrungsfrist überschritten und können gelöscht werden.',
    en: 'The forms are past their retention period and can be erased.',
  },
  'subject.keep.dossier_forms': {
    nl: '{kept} formulier(en) lopen nog of eindigden na {until, date}: ze vallen onder de wettelijke bewaartermijn van sociale dossiers (tien jaar na het einde) en kunnen nog niet gewist worden (AVG art. 17.3.b).',
    fr: "{kept} formulaire(s) sont en cours ou ont pris fin après le {until, date} : ils relèvent du délai légal de conservation des dossiers sociaux (dix ans après la fin) et ne peuvent pas encore être effacés (RGPD art. 17.3.b).",
    de: '{kept} Formular(e) laufen noch oder endeten nach dem {until, date}: Sie unterliegen der gesetzlichen Aufbewahrungsfrist für Sozialakten (zehn Jahre nach dem Ende) und können noch nicht gelöscht werden (DSGVO Art. 17.3.b).',
    en: '{kept} form(s) are running or ended after {until, date}: they fall under the legal retention of social files (ten years after they end) and cannot be erased yet (GDPR art. 17(3)(b)).',
  },
  'subject.keep.ebox_documents': {
    nl: 'e-Box-documenten zijn officiële berichten van een instelling aan het OCMW: ze blijven tot het einde van hun bewaartermijn (AVG art. 17.3.b).',
    fr: "Les documents de l'e-Box sont des messages officiels d'une institution au CPAS : ils restent jusqu'à la fin de leur délai de conservation (RGPD art. 17.3.b).",
    de: 'e-Box-Dokumente sind amtliche Mitteilungen einer Einrichtung an das ÖSHZ: Sie bleiben bis zum Ende ihrer Aufbewahrungsfrist (DSGVO Art. 17.3.b).',
    en: 'e-Box documents are official messages of an institution to the OCMW: they stay until their retention ends (GDPR art. 17(3)(b)).',
  },
  'subject.keep.mutations': {
    nl: 'Mutaties komen van het Rijksregister en de KSZ voor de wettelijke opdracht van het OCMW: ze blijven tot het einde van hun bewaartermijn (AVG art. 17.3.b).',
    fr: "Les mutations proviennent du Registre national et de la BCSS pour la mission légale du CPAS : elles restent jusqu'à la fin de leur délai de conservation (RGPD art. 17.3.b).",
    de: 'Mutationen stammen aus dem Nationalregister und der ZDSS für den gesetzlichen Auftrag des ÖSHZ: Sie bleiben bis zum Ende ihrer Aufbewahrungsfrist (DSGVO Art. 17.3.b).',
    en: "Mutations come from the National Register and the KSZ for the OCMW's legal mission: they stay until their retention ends (GDPR art. 17(3)(b)).",
  },
  'subject.erase.mails': {
    nl: 'Verstuurde e-mails aan de persoon kunnen gewist worden.',
    fr: 'Les e-mails envoyés à la personne peuvent être effacés.',
    de: 'An die Person gesendete E-Mails können gelöscht werden.',
    en: 'Mails sent to the person can be erased.',
  },
  'subject.keep.user_account': {
    nl: 'Een gebruikersaccount wordt beëindigd via Toegangsbeheer (de toegangsbeheerder verwijdert de persoon), niet via dit verzoek: het auditlog moet blijven tonen wie wat deed.',
    fr: "Un compte utilisateur se termine via la Gestion des accès (le gestionnaire d'accès retire la personne), pas via cette demande : le journal d'audit doit continuer à montrer qui a fait quoi.",
    de: 'Ein Benutzerkonto wird über die Zugriffsverwaltung beendet (der Zugriffsverwalter entfernt die Person), nicht über diesen Antrag: Das Auditprotokoll muss weiterhin zeigen, wer was getan hat.',
    en: 'A user account is ended through Toegangsbeheer (the access manager removes the person), not through this request: the audit log must keep showing who did what.',
  },
  'subject.keep.access_log': {
    nl: 'Het toegangslog is het bewijs van rechtmatige raadpleging: het netwerk van de sociale zekerheid vraagt het tien jaar te bewaren. Het kan niet gewist worden (AVG art. 17.3.b).',
    fr: "Le journal d'accès est la preuve d'une consultation légitime : le réseau de la sécurité sociale demande de le conserver dix ans. Il ne peut pas être effacé (RGPD art. 17.3.b).",
    de: 'Das Zugriffsprotokoll ist der Nachweis rechtmäßiger Abfragen: Das Netz der sozialen Sicherheit verlangt, es zehn Jahre aufzubewahren. Es kann nicht gelöscht werden (DSGVO Art. 17.3.b).',
    en: 'The access log is the proof of lawful consultation: the social-security network asks for it to be kept ten years. It cannot be erased (GDPR art. 17(3)(b)).',
  },
  'subject.file.readme': {
    nl: 'Gegevens van {organisation} over INSZ {insz} in het OCMW Portaal, op {date, date}.\n\nDit bestand bevat alles wat het OCMW in het portaal over u bewaart (AVG art. 15):\n- hulpaanvragen: {helpRequests}\n- dossierformulieren: {dossierForms}\n- e-Box-documenten: {eboxDocuments}\n- mutaties: {mutations}\n- e-mails: {mails}\n- gebruikersaccount: {userAccount}\n- toegangslog (wie uw gegevens raadpleegde): {accessLog}\n\ngegevens.json bevat ze volledig; de map ebox/ de bijlagen. Het sociaal dossier zelf bewaart het OCMW in zijn eigen software: vraag het aan uw OCMW.',
    fr: "Données de {organisation} sur le NISS {insz} dans le Portail CPAS, au {date, date}.\n\nCe fichier contient tout ce que le CPAS conserve sur vous dans le portail (RGPD art. 15) :\n- demandes d'aide : {helpRequests}\n- formulaires de dossier : {dossierForms}\n- documents de l'e-Box : {eboxDocuments}\n- mutations : {mutations}\n- e-mails : {mails}\n- compte utilisateur : {userAccount}\n- journal d'accès (qui a consulté vos données) : {accessLog}\n\ngegevens.json les contient en entier ; le dossier ebox/ les annexes. Le dossier social lui-même est conservé par le CPAS dans son propre logiciel : demandez-le à votre CPAS.",
    de: 'Daten von {organisation} zur ENSS {insz} im ÖSHZ-Portal, am {date, date}.\n\nDiese Datei enthält alles, was das ÖSHZ im Portal über Sie aufbewahrt (DSGVO Art. 15):\n- Hilfeanträge: {helpRequests}\n- Dossierformulare: {dossierForms}\n- e-Box-Dokumente: {eboxDocuments}\n- Mutationen: {mutations}\n- E-Mails: {mails}\n- Benutzerkonto: {userAccount}\n- Zugriffsprotokoll (wer Ihre Daten eingesehen hat): {accessLog}\n\ngegevens.json enthält sie vollständig; der Ordner ebox/ die Anhänge. Die Sozialakte selbst bewahrt das ÖSHZ in seiner eigenen Software auf: Fragen Sie Ihr ÖSHZ danach.',
    en: "Data of {organisation} on INSZ {insz} in the OCMW Portal, on {date, date}.\n\nThis file holds everything the OCMW keeps on you in the portal (GDPR art. 15):\n- help requests: {helpRequests}\n- dossier forms: {dossierForms}\n- e-Box documents: {eboxDocuments}\n- mutations: {mutations}\n- mails: {mails}\n- user account: {userAccount}\n- access log (who consulted your data): {accessLog}\n\ngegevens.json holds them in full; the folder ebox/ the attachments. The social file itself is kept by the OCMW in its own software: ask your OCMW for it.",
  },
});
