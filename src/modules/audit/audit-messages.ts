/**
 * What each audit-log action means for people (issue 18), in the four portal languages: the audit
 * page and the audit export (CSV/XLSX) show these labels instead of the recorded codes. Isomorphic:
 * the web UI and the server's export edge read the same catalogue. A test in the web feature scans
 * the services for every recorded action and fails on one without a label here.
 */
import { defineMessages, type Message } from '../../shared/i18n.js';

export const auditMessages = defineMessages({
  "audit.action.person.create": {
    nl: "Persoon aangemaakt",
    fr: "Personne créée",
    de: "Person angelegt",
    en: "Person created",
  },
  "audit.action.person.update": {
    nl: "Persoonlijke gegevens gewijzigd",
    fr: "Données personnelles modifiées",
    de: "Persönliche Daten geändert",
    en: "Personal data changed",
  },
  "audit.action.person.password": {
    nl: "Wachtwoord gewijzigd",
    fr: "Mot de passe modifié",
    de: "Passwort geändert",
    en: "Password changed",
  },
  "audit.action.member.add": {
    nl: "Gebruiker toegevoegd",
    fr: "Utilisateur ajouté",
    de: "Benutzer hinzugefügt",
    en: "User added",
  },
  "audit.action.member.remove": {
    nl: "Gebruiker verwijderd",
    fr: "Utilisateur supprimé",
    de: "Benutzer entfernt",
    en: "User removed",
  },
  "audit.action.member.block": {
    nl: "Gebruiker geblokkeerd",
    fr: "Utilisateur bloqué",
    de: "Benutzer gesperrt",
    en: "User blocked",
  },
  "audit.action.member.unblock": {
    nl: "Gebruiker gedeblokkeerd",
    fr: "Utilisateur débloqué",
    de: "Benutzer entsperrt",
    en: "User unblocked",
  },
  "audit.action.member.update": {
    nl: "Gebruiker gewijzigd",
    fr: "Utilisateur modifié",
    de: "Benutzer geändert",
    en: "User changed",
  },
  "audit.action.member.applications": {
    nl: "Toepassingen gewijzigd",
    fr: "Applications modifiées",
    de: "Anwendungen geändert",
    en: "Applications changed",
  },
  "audit.action.tb.appointed": {
    nl: "Toegangsbeheerder aangesteld",
    fr: "Gestionnaire d'accès désigné",
    de: "Zugangsverwalter bestellt",
    en: "Access manager appointed",
  },
  "audit.action.tb.replaced": {
    nl: "Toegangsbeheerder vervangen",
    fr: "Gestionnaire d'accès remplacé",
    de: "Zugangsverwalter ersetzt",
    en: "Access manager replaced",
  },
  "audit.action.domain.update": {
    nl: "Hoedanigheid gewijzigd",
    fr: "Qualité modifiée",
    de: "Eigenschaft geändert",
    en: "Domain changed",
  },
  "audit.action.co-htb.add": {
    nl: "Co-hoofdtoegangsbeheerder toegevoegd",
    fr: "Co-gestionnaire d'accès principal ajouté",
    de: "Co-Hauptzugangsverwalter hinzugefügt",
    en: "Co-main access manager added",
  },
  "audit.action.co-htb.remove": {
    nl: "Co-hoofdtoegangsbeheerder verwijderd",
    fr: "Co-gestionnaire d'accès principal supprimé",
    de: "Co-Hauptzugangsverwalter entfernt",
    en: "Co-main access manager removed",
  },
  "audit.action.person.lookup": {
    nl: "Persoon opgezocht",
    fr: "Personne recherchée",
    de: "Person nachgeschlagen",
    en: "Person looked up",
  },
  "audit.action.htb.appointed": {
    nl: "Hoofdtoegangsbeheerder aangesteld",
    fr: "Gestionnaire d'accès principal désigné",
    de: "Hauptzugangsverwalter bestellt",
    en: "Main access manager appointed",
  },
  "audit.action.htb.replaced": {
    nl: "Hoofdtoegangsbeheerder vervangen",
    fr: "Gestionnaire d'accès principal remplacé",
    de: "Hauptzugangsverwalter ersetzt",
    en: "Main access manager replaced",
  },
  "audit.action.chaman.account.create": {
    nl: "ChaMan-account aangemaakt",
    fr: "Compte ChaMan créé",
    de: "ChaMan-Konto erstellt",
    en: "ChaMan account created",
  },
  "audit.action.chaman.account.update": {
    nl: "ChaMan-account gewijzigd",
    fr: "Compte ChaMan modifié",
    de: "ChaMan-Konto geändert",
    en: "ChaMan account changed",
  },
  "audit.action.chaman.account.delete": {
    nl: "ChaMan-account verwijderd",
    fr: "Compte ChaMan supprimé",
    de: "ChaMan-Konto gelöscht",
    en: "ChaMan account deleted",
  },
  "audit.action.chaman.certificate.replace": {
    nl: "Certificaat vervangen",
    fr: "Certificat remplacé",
    de: "Zertifikat ersetzt",
    en: "Certificate replaced",
  },
  "audit.action.file_channel.login": {
    nl: "Aangemeld op het bestandskanaal (SFTP)",
    fr: "Connexion au canal de fichiers (SFTP)",
    de: "Am Dateikanal (SFTP) angemeldet",
    en: "Signed in to the file channel (SFTP)",
  },
  "audit.action.file_channel.download": {
    nl: "Bestand afgehaald via het bestandskanaal",
    fr: "Fichier téléchargé via le canal de fichiers",
    de: "Datei über den Dateikanal abgeholt",
    en: "File downloaded over the file channel",
  },
  "audit.action.file_channel.upload": {
    nl: "Batchbestand opgeladen voor een instelling",
    fr: "Fichier batch déposé pour une institution",
    de: "Batchdatei für eine Einrichtung hochgeladen",
    en: "Batch file uploaded for an institution",
  },
  "audit.action.file_channel.upload_duplicate": {
    nl: "Hetzelfde batchbestand opnieuw opgeladen (herkend, niet opnieuw bewaard)",
    fr: "Même fichier batch redéposé (reconnu, pas enregistré à nouveau)",
    de: "Dieselbe Batchdatei erneut hochgeladen (erkannt, nicht erneut gespeichert)",
    en: "The same batch file uploaded again (recognised, not stored again)",
  },
  "audit.action.chaman.account.password_reset": {
    nl: "FTP-wachtwoord opnieuw ingesteld",
    fr: "Mot de passe FTP réinitialisé",
    de: "FTP-Passwort zurückgesetzt",
    en: "FTP password reset",
  },
  "audit.action.chaman.delegation.pending": {
    nl: "Delegatieverzoek ontvangen",
    fr: "Demande de délégation reçue",
    de: "Delegationsanfrage eingegangen",
    en: "Delegation request received",
  },
  "audit.action.chaman.delegation.accepted": {
    nl: "Delegatie aanvaard",
    fr: "Délégation acceptée",
    de: "Delegation angenommen",
    en: "Delegation accepted",
  },
  "audit.action.chaman.delegation.refused": {
    nl: "Delegatie geweigerd",
    fr: "Délégation refusée",
    de: "Delegation abgelehnt",
    en: "Delegation refused",
  },
  "audit.action.chaman.delegation.cancelled": {
    nl: "Delegatie ingetrokken",
    fr: "Délégation annulée",
    de: "Delegation zurückgezogen",
    en: "Delegation cancelled",
  },
  "audit.action.config.mutations.save": {
    nl: "Mutatieselectie bewaard",
    fr: "Sélection des mutations enregistrée",
    de: "Mutationsauswahl gespeichert",
    en: "Mutation selection saved",
  },
  "audit.action.config.technical.save": {
    nl: "Technische dienstverleners bewaard",
    fr: "Prestataires techniques enregistrés",
    de: "Technische Dienstleister gespeichert",
    en: "Technical service providers saved",
  },
  "audit.action.config.contact.save": {
    nl: "Contactgegevens bewaard",
    fr: "Coordonnées enregistrées",
    de: "Kontaktdaten gespeichert",
    en: "Contact details saved",
  },
  "audit.action.config.online.save": {
    nl: "Instellingen OCMW Online bewaard",
    fr: "Paramètres OCMW Online enregistrés",
    de: "Einstellungen OCMW Online gespeichert",
    en: "OCMW Online settings saved",
  },
  "audit.action.dossier.form.register": {
    nl: "Formulier geregistreerd",
    fr: "Formulaire enregistré",
    de: "Formular registriert",
    en: "Form registered",
  },
  "audit.action.dossier.form.stop": {
    nl: "Formulier stopgezet",
    fr: "Formulaire arrêté",
    de: "Formular beendet",
    en: "Form stopped",
  },
  "audit.action.dossier.settings.save": {
    nl: "Dossierinstellingen bewaard",
    fr: "Paramètres des dossiers enregistrés",
    de: "Dossiereinstellungen gespeichert",
    en: "Dossier settings saved",
  },
  "audit.action.ebox.document.publish": {
    nl: "Document in de e-Box geplaatst",
    fr: "Document publié dans l'e-Box",
    de: "Dokument in der e-Box veröffentlicht",
    en: "Document published in the e-Box",
  },
  "audit.action.ebox.document.hide": {
    nl: "e-Box-document verwijderd",
    fr: "Document de l'e-Box supprimé",
    de: "e-Box-Dokument gelöscht",
    en: "e-Box document deleted",
  },
  "audit.action.ebox.document.restore": {
    nl: "e-Box-document teruggezet",
    fr: "Document de l'e-Box restauré",
    de: "e-Box-Dokument wiederhergestellt",
    en: "e-Box document restored",
  },
  "audit.action.merger.create": {
    nl: "Fusie aangemaakt",
    fr: "Fusion créée",
    de: "Fusion angelegt",
    en: "Merger created",
  },
  "audit.action.merger.update": {
    nl: "Fusie gewijzigd",
    fr: "Fusion modifiée",
    de: "Fusion geändert",
    en: "Merger changed",
  },
  "audit.action.merger.delete": {
    nl: "Fusie verwijderd",
    fr: "Fusion supprimée",
    de: "Fusion gelöscht",
    en: "Merger deleted",
  },
  "audit.action.merger.cutover": {
    nl: "Overgang uitgevoerd",
    fr: "Transition exécutée",
    de: "Übergang ausgeführt",
    en: "Cut-over run",
  },
  "audit.action.merger.undo": {
    nl: "Overgang ongedaan gemaakt",
    fr: "Transition annulée",
    de: "Übergang rückgängig gemacht",
    en: "Cut-over undone",
  },
  "audit.action.online.request.forward": {
    nl: "Hulpaanvraag doorgestuurd",
    fr: "Demande d'aide transférée",
    de: "Hilfeantrag weitergeleitet",
    en: "Help request forwarded",
  },
  "audit.action.uniek-verslag.create": {
    nl: "Uniek verslag aangemaakt",
    fr: "Rapport unique créé",
    de: "Einheitlicher Bericht angelegt",
    en: "Uniek verslag created",
  },
  "audit.action.uniek-verslag.update": {
    nl: "Uniek verslag gewijzigd",
    fr: "Rapport unique modifié",
    de: "Einheitlicher Bericht geändert",
    en: "Uniek verslag changed",
  },
  "audit.action.uniek-verslag.submit": {
    nl: "Uniek verslag ingediend",
    fr: "Rapport unique introduit",
    de: "Einheitlicher Bericht eingereicht",
    en: "Uniek verslag submitted",
  },
  "audit.action.uniek-verslag.reopen": {
    nl: "Uniek verslag heropend",
    fr: "Rapport unique rouvert",
    de: "Einheitlicher Bericht wieder geöffnet",
    en: "Uniek verslag reopened",
  },
  "audit.action.chaman.sender.create": {
    nl: "Afzender geregistreerd",
    fr: "Expéditeur enregistré",
    de: "Absender registriert",
    en: "Sender registered",
  },
  "audit.action.chaman.sender.update": {
    nl: "Afzendergegevens gewijzigd",
    fr: "Données de l'expéditeur modifiées",
    de: "Absenderdaten geändert",
    en: "Sender details changed",
  },
  "audit.action.merger.checklist.tick": {
    nl: "Checklistpunt afgevinkt",
    fr: "Point de la liste de contrôle coché",
    de: "Checklistenpunkt abgehakt",
    en: "Checklist item ticked",
  },
  "audit.action.merger.checklist.untick": {
    nl: "Checklistpunt niet meer afgevinkt",
    fr: "Point de la liste de contrôle décoché",
    de: "Checklistenpunkt nicht mehr abgehakt",
    en: "Checklist item unticked",
  },
  "audit.action.merger.schedule": {
    nl: "Fusie ingepland",
    fr: "Fusion planifiée",
    de: "Fusion eingeplant",
    en: "Merger scheduled",
  },
  "audit.action.merger.unschedule": {
    nl: "Fusie niet meer ingepland",
    fr: "Planification de la fusion annulée",
    de: "Einplanung der Fusion aufgehoben",
    en: "Merger unscheduled",
  },
  "audit.action.organisation.access.end": {
    nl: "Toegang van de organisatie beëindigd",
    fr: "Accès de l'organisation clôturé",
    de: "Zugang der Organisation beendet",
    en: "Organisation's access ended",
  },
  "audit.action.organisation.access.restore": {
    nl: "Toegang van de organisatie hersteld",
    fr: "Accès de l'organisation rétabli",
    de: "Zugang der Organisation wiederhergestellt",
    en: "Organisation's access restored",
  },
  // Issue 24: retention and citizens' requests (the national number is in the access log, never here).
  "audit.action.privacy.retention-set": {
    nl: "Bewaartermijn gewijzigd",
    fr: "Délai de conservation modifié",
    de: "Aufbewahrungsfrist geändert",
    en: "Retention period changed",
  },
  "audit.action.privacy.retention-reset": {
    nl: "Bewaartermijn teruggezet op de standaard",
    fr: "Délai de conservation remis par défaut",
    de: "Aufbewahrungsfrist auf den Standard zurückgesetzt",
    en: "Retention period reset to its default",
  },
  "audit.action.privacy.retention-purge": {
    nl: "Verlopen persoonsgegevens verwijderd of gepseudonimiseerd",
    fr: "Données personnelles expirées supprimées ou pseudonymisées",
    de: "Abgelaufene personenbezogene Daten gelöscht oder pseudonymisiert",
    en: "Expired personal data deleted or pseudonymised",
  },
  "audit.action.privacy.subject-export": {
    nl: "Gegevens van een burger geëxporteerd (inzageverzoek)",
    fr: "Données d'un citoyen exportées (demande d'accès)",
    de: "Daten eines Bürgers exportiert (Auskunftsersuchen)",
    en: "A citizen's data exported (access request)",
  },
  "audit.action.privacy.subject-erasure": {
    nl: "Gegevens van een burger gewist (verzoek tot wissen)",
    fr: "Données d'un citoyen effacées (demande d'effacement)",
    de: "Daten eines Bürgers gelöscht (Löschungsersuchen)",
    en: "A citizen's data erased (erasure request)",
  },
});

/** The label of a recorded action as a Message, or the code itself when it has none. */
export function auditActionLabel(action: string): Message | string {
  const key = `audit.action.${action}`;
  return auditMessages.has(key) ? auditMessages.msg(key) : action;
}
