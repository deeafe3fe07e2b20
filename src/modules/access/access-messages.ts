/**
 * Texts of access management (SPEC §2) in the four portal languages (issue 18): the refusals of
 * the management service, its field errors, and the column headers and statuses of the user list
 * and audit exports. The service throws `accessMessages.msg(key, params)`; the edges (HTTP error
 * handler, the access routes for bulk results and exports) render them in the reader's language.
 * Isomorphic. Keys the web forms share with the server (password policy, username rules) stay in
 * src/shared/messages.ts.
 */
import { defineMessages, type Entry } from '../../shared/i18n.js';

const catalogue = {
  'password.current_wrong': {
    nl: 'Uw huidige wachtwoord is onjuist. Typ het wachtwoord waarmee u zich aanmeldde.',
    fr: 'Votre mot de passe actuel est incorrect. Tapez le mot de passe avec lequel vous vous êtes connecté.',
    de: 'Ihr aktuelles Passwort ist falsch. Geben Sie das Passwort ein, mit dem Sie sich angemeldet haben.',
    en: 'Your current password is wrong. Type the password you logged in with.',
  },
  'username.mismatch': {
    nl: 'De twee gebruikersnamen zijn niet gelijk. Typ dezelfde gebruikersnaam twee keer.',
    fr: "Les deux noms d'utilisateur ne sont pas identiques. Tapez deux fois le même nom d'utilisateur.",
    de: 'Die beiden Benutzernamen stimmen nicht überein. Geben Sie zweimal denselben Benutzernamen ein.',
    en: 'The two usernames are not the same. Type the same username twice.',
  },
  'person.fields_required': {
    nl: 'Dit INSZ is nog niet gekend: vul de gegevens van de nieuwe gebruiker in.',
    fr: "Ce NISS n'est pas encore connu : complétez les données du nouvel utilisateur.",
    de: 'Diese ENSS ist noch nicht bekannt: Füllen Sie die Daten des neuen Benutzers aus.',
    en: "This national number is not known yet: fill in the new user's data.",
  },
  'person.already_known': {
    nl: 'Deze persoon is al gekend: laat de velden van een nieuwe gebruiker leeg, er wordt geen nieuwe account aangemaakt.',
    fr: "Cette personne est déjà connue : laissez vides les champs d'un nouvel utilisateur, aucun nouveau compte n'est créé.",
    de: 'Diese Person ist bereits bekannt: Lassen Sie die Felder eines neuen Benutzers leer, es wird kein neues Konto angelegt.',
    en: 'This person is already known: leave the new-user fields empty, no new account is created.',
  },
  'person.lookups_limited': {
    nl: 'U hebt het afgelopen uur al {max} personen opgezocht. Probeer het over een uur opnieuw.',
    fr: 'Vous avez déjà recherché {max} personnes au cours de la dernière heure. Réessayez dans une heure.',
    de: 'Sie haben in der letzten Stunde bereits {max} Personen gesucht. Versuchen Sie es in einer Stunde erneut.',
    en: 'You have looked up {max} people in the past hour. Try again in an hour.',
  },
  'member.exists': {
    nl: 'Deze persoon heeft al toegang tot dit domein. Wijzig zijn toegang in de gebruikerslijst.',
    fr: 'Cette personne a déjà accès à ce domaine. Modifiez son accès dans la liste des utilisateurs.',
    de: 'Diese Person hat bereits Zugang zu dieser Domäne. Ändern Sie ihren Zugang in der Benutzerliste.',
    en: 'This person already has access to this domain. Change their access in the user list.',
  },
  'member.not_found': {
    nl: 'Deze gebruiker heeft geen toegang (meer) tot dit domein. Vernieuw de gebruikerslijst.',
    fr: "Cet utilisateur n'a pas (ou plus) accès à ce domaine. Actualisez la liste des utilisateurs.",
    de: 'Dieser Benutzer hat keinen Zugang (mehr) zu dieser Domäne. Aktualisieren Sie die Benutzerliste.',
    en: 'This user has no (or no longer) access to this domain. Refresh the user list.',
  },
  'member.is_tb': {
    nl: 'Dit kan niet bij de toegangsbeheerder: vervang hem via "Van Toegangsbeheerder veranderen".',
    fr: "Ce n'est pas possible pour le gestionnaire d'accès : remplacez-le via « Changer de gestionnaire d'accès ».",
    de: 'Beim Zugangsverwalter ist das nicht möglich: Ersetzen Sie ihn über „Zugangsverwalter wechseln“.',
    en: 'This is not possible for the access manager: replace them through "Change access manager".',
  },
  'member.is_self': {
    nl: 'U kunt uzelf niet blokkeren of verwijderen. Vraag het aan een andere beheerder van dit domein.',
    fr: 'Vous ne pouvez pas vous bloquer ou vous supprimer vous-même. Demandez-le à un autre gestionnaire de ce domaine.',
    de: 'Sie können sich nicht selbst sperren oder entfernen. Bitten Sie einen anderen Verwalter dieser Domäne darum.',
    en: 'You cannot block or remove yourself. Ask another manager of this domain.',
  },
  'member.co_tb_forbidden': {
    nl: 'Alleen de (co-)HTB en de toegangsbeheerder beheren co-toegangsbeheerders. Vraag het aan hen.',
    fr: "Seuls le (co-)gestionnaire principal et le gestionnaire d'accès gèrent les co-gestionnaires. Adressez-vous à eux.",
    de: 'Nur der (Co-)Hauptzugangsverwalter und der Zugangsverwalter verwalten Co-Zugangsverwalter. Wenden Sie sich an sie.',
    en: 'Only the (co-)HTB and the access manager manage co-access managers. Ask them.',
  },
  'member.remove_forbidden': {
    nl: 'Een co-toegangsbeheerder kan geen gebruikers verwijderen. Blokkeer de gebruiker, of vraag de toegangsbeheerder hem te verwijderen.',
    fr: "Un co-gestionnaire ne peut pas supprimer d'utilisateurs. Bloquez l'utilisateur, ou demandez au gestionnaire d'accès de le supprimer.",
    de: 'Ein Co-Zugangsverwalter kann keine Benutzer entfernen. Sperren Sie den Benutzer, oder bitten Sie den Zugangsverwalter, ihn zu entfernen.',
    en: 'A co-access manager cannot remove users. Block the user, or ask the access manager to remove them.',
  },
  'tb.same_person': {
    nl: 'Deze persoon is al de toegangsbeheerder van dit domein. Vul het INSZ van de nieuwe toegangsbeheerder in.',
    fr: "Cette personne est déjà le gestionnaire d'accès de ce domaine. Indiquez le NISS du nouveau gestionnaire d'accès.",
    de: 'Diese Person ist bereits der Zugangsverwalter dieser Domäne. Geben Sie die ENSS des neuen Zugangsverwalters ein.',
    en: 'This person already is the access manager of this domain. Enter the national number of the new access manager.',
  },
  'manager.exists': {
    nl: 'Deze persoon is al (co-)hoofdtoegangsbeheerder van deze organisatie. Kies een andere persoon.',
    fr: "Cette personne est déjà (co-)gestionnaire d'accès principal de cette organisation. Choisissez une autre personne.",
    de: 'Diese Person ist bereits (Co-)Hauptzugangsverwalter dieser Organisation. Wählen Sie eine andere Person.',
    en: 'This person already is (co-)HTB of this organisation. Choose another person.',
  },
  'manager.htb_fixed': {
    nl: 'De hoofdtoegangsbeheerder wordt door de regio doorgegeven en kan hier niet verwijderd worden. Vraag de regio een nieuwe door te geven.',
    fr: "Le gestionnaire d'accès principal est communiqué par la région et ne peut pas être supprimé ici. Demandez à la région d'en communiquer un nouveau.",
    de: 'Der Hauptzugangsverwalter wird von der Region gemeldet und kann hier nicht entfernt werden. Bitten Sie die Region, einen neuen zu melden.',
    en: 'The main access manager is passed on by the region and cannot be removed here. Ask the region to pass on a new one.',
  },
  'domain.not_found': {
    nl: 'Dit domein bestaat niet in uw organisatie. Kies een domein uit de lijst.',
    fr: "Ce domaine n'existe pas dans votre organisation. Choisissez un domaine dans la liste.",
    de: 'Diese Domäne existiert in Ihrer Organisation nicht. Wählen Sie eine Domäne aus der Liste.',
    en: 'This domain does not exist in your organisation. Choose a domain from the list.',
  },
  // Column headers and values of the exports (CSV, XLSX).
  'col.surname': { nl: 'Naam', fr: 'Nom', de: 'Name', en: 'Surname' },
  'col.firstName': { nl: 'Voornaam', fr: 'Prénom', de: 'Vorname', en: 'First name' },
  'col.username': { nl: 'Gebruikersnaam', fr: "Nom d'utilisateur", de: 'Benutzername', en: 'Username' },
  'col.type': { nl: 'Type', fr: 'Type', de: 'Typ', en: 'Type' },
  'col.insz': { nl: 'INSZ', fr: 'NISS', de: 'ENSS', en: 'National number' },
  'col.status': { nl: 'Status', fr: 'Statut', de: 'Status', en: 'Status' },
  'col.applications': { nl: 'Beveiligde toepassingen', fr: 'Applications sécurisées', de: 'Gesicherte Anwendungen', en: 'Secured applications' },
  'col.at': { nl: 'Tijdstip', fr: 'Moment', de: 'Zeitpunkt', en: 'When' },
  'col.actor': { nl: 'Door', fr: 'Par', de: 'Durch', en: 'By' },
  'col.role': { nl: 'Rol', fr: 'Rôle', de: 'Rolle', en: 'Role' },
  'col.action': { nl: 'Actie', fr: 'Action', de: 'Aktion', en: 'Action' },
  'col.subject': { nl: 'Betrokkene', fr: 'Personne concernée', de: 'Betroffene Person', en: 'Subject' },
  'col.domain': { nl: 'Domein', fr: 'Domaine', de: 'Domäne', en: 'Domain' },
  'col.before': { nl: 'Voor', fr: 'Avant', de: 'Vorher', en: 'Before' },
  'col.after': { nl: 'Na', fr: 'Après', de: 'Nachher', en: 'After' },
  'status.active': { nl: 'Actief', fr: 'Actif', de: 'Aktiv', en: 'Active' },
  'status.blocked': { nl: 'Geblokkeerd', fr: 'Bloqué', de: 'Gesperrt', en: 'Blocked' },
  "bulk.applications_required": {
    nl: "Kies minstens één beveiligde toepassing.",
    fr: "Choisissez au moins une application sécurisée.",
    de: "Wählen Sie mindestens eine gesicherte Anwendung.",
    en: "Choose at least one secured application.",
  },
} satisfies Record<string, Entry>;

export type AccessMessageKey = keyof typeof catalogue;

/** The access module's messages, for `src/messages.ts` and the service's `msg()`. */
export const accessMessages = defineMessages(catalogue);
