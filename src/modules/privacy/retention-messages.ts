/**
 * Texts of retention (issue 24) in the four portal languages: each kind's name and the reason
 * for its default, and the refusals of `ocmw privacy retention set`. Isomorphic.
 */
import { defineMessages } from '../../shared/i18n.js';

export const retentionMessages = defineMessages({
  'retention.kind.help-requests': { nl: 'Hulpaanvragen (OCMW Online)', fr: "Demandes d'aide (CPAS Online)", de: 'Hilfeanträge (ÖSHZ Online)', en: 'Help requests (OCMW Online)' },
  'retention.kind.mails': { nl: 'E-mails en outbox', fr: 'E-mails et boîte d’envoi', de: 'E-Mails und Postausgang', en: 'Mails and the outbox' },
  'retention.kind.sessions': { nl: 'Sessies en aanmeldingen via een identiteitsprovider', fr: "Sessions et connexions via un fournisseur d'identité", de: 'Sitzungen und Anmeldungen über einen Identitätsanbieter', en: 'Sessions and sign-ins through an identity provider' },
  'retention.kind.ebox-documents': { nl: 'e-Box-documenten', fr: "Documents de l'e-Box", de: 'e-Box-Dokumente', en: 'e-Box documents' },
  'retention.kind.mutations': { nl: 'Mutaties en mutatiebestanden', fr: 'Mutations et fichiers de mutations', de: 'Mutationen und Mutationsdateien', en: 'Mutations and mutation files' },
  'retention.kind.channel-uploads': { nl: 'Bestanden in /in/ van het bestandskanaal', fr: 'Fichiers dans /in/ du canal de fichiers', de: 'Dateien in /in/ des Dateikanals', en: 'Files in /in/ of the file channel' },
  'retention.kind.dossier-forms': { nl: 'Dossierformulieren (integraties, A036)', fr: 'Formulaires de dossier (intégrations, A036)', de: 'Dossierformulare (Integrationen, A036)', en: 'Dossier forms (integrations, A036)' },
  'retention.kind.access-log': { nl: 'Toegangslog (wie raadpleegde wie)', fr: "Journal d'accès (qui a consulté qui)", de: 'Zugriffsprotokoll (wer hat wen eingesehen)', en: 'Access log (who looked at whom)' },
  'retention.kind.login-throttles': { nl: 'Mislukte aanmeldpogingen', fr: 'Tentatives de connexion échouées', de: 'Fehlgeschlagene Anmeldeversuche', en: 'Failed login attempts' },

  'retention.reason.help-requests': {
    nl: 'Vijf jaar na de beslissing (of na ontvangst als er nooit beslist werd): lang genoeg voor beroep, klachten en terugvordering. Daarna gepseudonimiseerd: referentie, OCMW, data, soorten hulp en gemeente blijven voor de tellingen; naam, INSZ, contactgegevens en vrije tekst verdwijnen. Het sociaal dossier zelf bewaart het OCMW in zijn eigen software.',
    fr: "Cinq ans après la décision (ou après réception s'il n'y a jamais eu de décision) : assez pour les recours, plaintes et récupérations. Ensuite pseudonymisée : référence, CPAS, dates, types d'aide et commune restent pour les statistiques ; nom, NISS, coordonnées et texte libre disparaissent. Le dossier social lui-même est conservé par le CPAS dans son propre logiciel.",
    de: 'Fünf Jahre nach der Entscheidung (oder nach Eingang, wenn nie entschieden wurde): lang genug für Einsprüche, Beschwerden und Rückforderungen. Danach pseudonymisiert: Referenz, ÖSHZ, Daten, Hilfearten und Gemeinde bleiben für die Statistik; Name, ENSS, Kontaktdaten und Freitext verschwinden. Die Sozialakte selbst bewahrt das ÖSHZ in seiner eigenen Software auf.',
    en: 'Five years after the decision (or after receipt when never decided): long enough for appeals, complaints and recovery. Then pseudonymised: reference, OCMW, dates, kinds of help and municipality stay for the counts; name, INSZ, contact data and free text go. The social file itself is kept by the OCMW in its own software.',
  },
  'retention.reason.mails': {
    nl: '90 dagen: genoeg om een klacht over een niet-ontvangen e-mail na te gaan. De tekst bevat adressen en referenties van burgers.',
    fr: "90 jours : assez pour vérifier une plainte concernant un e-mail non reçu. Le texte contient des adresses et des références de citoyens.",
    de: '90 Tage: genug, um einer Beschwerde über eine nicht erhaltene E-Mail nachzugehen. Der Text enthält Adressen und Referenzen von Bürgern.',
    en: '90 days: enough to look into a complaint about a mail that did not arrive. The text holds citizens’ addresses and references.',
  },
  'retention.reason.sessions': {
    nl: 'Eén dag na het verlopen: een verlopen sessie dient nergens meer voor (het kwartierwerk ruimt ze ook op).',
    fr: "Un jour après l'expiration : une session expirée ne sert plus à rien (la tâche du quart d'heure les supprime aussi).",
    de: 'Einen Tag nach Ablauf: Eine abgelaufene Sitzung dient keinem Zweck mehr (die Viertelstundenaufgabe räumt sie auch auf).',
    en: 'One day after expiry: an expired session serves no purpose (the quarter-hourly housekeeping removes them too).',
  },
  'retention.reason.ebox-documents': {
    nl: 'Twee jaar na ontvangst: de e-Box is een brievenbus, geen archief. Wat het OCMW moet bewaren, neemt het op in zijn eigen dossier.',
    fr: "Deux ans après réception : l'e-Box est une boîte aux lettres, pas une archive. Ce que le CPAS doit conserver, il le reprend dans son propre dossier.",
    de: 'Zwei Jahre nach Eingang: Die e-Box ist ein Briefkasten, kein Archiv. Was das ÖSHZ aufbewahren muss, übernimmt es in seine eigene Akte.',
    en: 'Two years after receipt: the e-Box is a mailbox, not an archive. What the OCMW must keep, it files in its own records.',
  },
  'retention.reason.mutations': {
    nl: 'Eén jaar: genoeg om een gemist dagbestand opnieuw op te halen en vragen over een melding te beantwoorden. Het Rijksregister blijft de bron.',
    fr: 'Un an : assez pour retélécharger un fichier journalier manqué et répondre aux questions sur un avis. Le Registre national reste la source.',
    de: 'Ein Jahr: genug, um eine verpasste Tagesdatei erneut abzuholen und Fragen zu einer Meldung zu beantworten. Das Nationalregister bleibt die Quelle.',
    en: 'One year: enough to fetch a missed daily file again and answer questions about a notice. The National Register remains the source.',
  },
  'retention.reason.channel-uploads': {
    nl: '90 dagen: /in/ is een doorgeefluik; de instelling haalt de bestanden binnen enkele dagen op.',
    fr: '90 jours : /in/ est un lieu de transit ; l’institution récupère les fichiers en quelques jours.',
    de: '90 Tage: /in/ ist eine Durchreiche; die Einrichtung holt die Dateien innerhalb weniger Tage ab.',
    en: '90 days: /in/ is a hand-over point; the institution fetches the files within days.',
  },
  'retention.reason.dossier-forms': {
    nl: 'Tien jaar na het einde van het formulier: archiefpraktijk van de OCMW’s voor sociale dossiers en de controle van de federale toelagen. Korter kan niet.',
    fr: 'Dix ans après la fin du formulaire : pratique d’archivage des CPAS pour les dossiers sociaux et le contrôle des subventions fédérales. Pas moins.',
    de: 'Zehn Jahre nach dem Ende des Formulars: Archivpraxis der ÖSHZ für Sozialakten und die Kontrolle der föderalen Zuschüsse. Nicht kürzer.',
    en: 'Ten years after the form ends: the OCMWs’ archive practice for social files and the audit of federal subsidies. Not shorter.',
  },
  'retention.reason.access-log': {
    nl: 'Tien jaar: de minimale normen informatieveiligheid van het netwerk van de sociale zekerheid (KSZ) vragen de loggings van raadplegingen zo lang te bewaren. Korter kan niet.',
    fr: 'Dix ans : les normes minimales de sécurité de l’information du réseau de la sécurité sociale (BCSS) demandent de conserver aussi longtemps les traces des consultations. Pas moins.',
    de: 'Zehn Jahre: Die Mindestnormen der Informationssicherheit des Netzes der sozialen Sicherheit (ZDSS) verlangen, die Protokolle der Abfragen so lange aufzubewahren. Nicht kürzer.',
    en: 'Ten years: the minimum information-security standards of the social-security network (KSZ/BCSS) ask that the logs of consultations be kept that long. Not shorter.',
  },
  'retention.reason.login-throttles': {
    nl: '30 dagen na de laatste poging: genoeg om een aanval te onderzoeken; een blokkering duurt minuten.',
    fr: '30 jours après la dernière tentative : assez pour enquêter sur une attaque ; un blocage dure quelques minutes.',
    de: '30 Tage nach dem letzten Versuch: genug, um einen Angriff zu untersuchen; eine Sperre dauert Minuten.',
    en: '30 days after the last attempt: enough to investigate an attack; a lock lasts minutes.',
  },

  'retention.kind_unknown': {
    nl: 'Onbekende soort gegevens "{kind}". Kies uit: {kinds}.',
    fr: 'Type de données inconnu « {kind} ». Choisissez parmi : {kinds}.',
    de: 'Unbekannte Datenart „{kind}“. Wählen Sie aus: {kinds}.',
    en: 'Unknown kind of data "{kind}". Choose from: {kinds}.',
  },
  'retention.days_invalid': {
    nl: 'Het aantal dagen moet een geheel getal van 0 of meer zijn, niet "{days}".',
    fr: 'Le nombre de jours doit être un entier de 0 ou plus, pas « {days} ».',
    de: 'Die Anzahl der Tage muss eine ganze Zahl ab 0 sein, nicht „{days}“.',
    en: 'The number of days must be a whole number of 0 or more, not "{days}".',
  },
  'retention.days_below_minimum': {
    nl: '{kind} moet minstens {min} dagen bewaard worden ({days} is te kort).',
    fr: '{kind} doit être conservé au moins {min} jours ({days} est trop court).',
    de: '{kind} muss mindestens {min} Tage aufbewahrt werden ({days} ist zu kurz).',
    en: '{kind} must be kept at least {min} days ({days} is too short).',
  },
  'retention.days_above_maximum': {
    nl: '{kind} kan hoogstens {max} dagen bewaard worden ({days} is te lang).',
    fr: '{kind} peut être conservé au plus {max} jours ({days} est trop long).',
    de: '{kind} kann höchstens {max} Tage aufbewahrt werden ({days} ist zu lang).',
    en: '{kind} can be kept at most {max} days ({days} is too long).',
  },
});
