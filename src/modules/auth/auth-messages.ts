/**
 * Texts of login, the role choice and the first administrator's setup (issue 18), in the four
 * portal languages. The auth and first-start services throw `authMessages.msg(key, params)`; the
 * HTTP error handler and the CLI's renderError render them in the reader's language. Isomorphic.
 * The session refusals of src/http/auth.ts (log in first, CSRF, choose a role) stay shared.
 */
import { defineMessages, type Entry } from '../../shared/i18n.js';

const catalogue = {
  'auth.invalid_credentials': {
    nl: 'Gebruikersnaam of wachtwoord is onjuist. Controleer beide en probeer opnieuw.',
    fr: "Nom d'utilisateur ou mot de passe incorrect. Vérifiez les deux et réessayez.",
    de: 'Benutzername oder Passwort ist falsch. Prüfen Sie beide und versuchen Sie es erneut.',
    en: 'Username or password is incorrect. Check both and try again.',
  },
  'auth.no_active_role': {
    nl: 'U hebt geen actieve toegang: al uw rollen zijn geblokkeerd of beëindigd. Neem contact op met uw toegangsbeheerder.',
    fr: "Vous n'avez aucun accès actif : tous vos rôles sont bloqués ou terminés. Contactez votre gestionnaire d'accès.",
    de: 'Sie haben keinen aktiven Zugang: Alle Ihre Rollen sind gesperrt oder beendet. Wenden Sie sich an Ihren Zugangsverwalter.',
    en: 'You have no active access: all your roles are blocked or ended. Contact your access manager.',
  },
  'auth.not_yet_active': {
    nl: 'Uw OCMW wordt actief op {date, date}. Vanaf die dag kunt u zich aanmelden en aan de slag gaan.',
    fr: 'Votre CPAS devient actif le {date, date}. À partir de ce jour, vous pourrez vous connecter et commencer.',
    de: 'Ihr ÖSHZ wird am {date, date} aktiv. Ab diesem Tag können Sie sich anmelden und loslegen.',
    en: 'Your OCMW becomes active on {date, date}. From that day on you can log in and get started.',
  },
  'auth.choice_unknown': {
    nl: 'Deze keuze is niet (meer) beschikbaar. Kies een organisatie en rol uit de lijst.',
    fr: "Ce choix n'est pas (plus) disponible. Choisissez une organisation et un rôle dans la liste.",
    de: 'Diese Auswahl ist nicht (mehr) verfügbar. Wählen Sie eine Organisation und eine Rolle aus der Liste.',
    en: 'This choice is not (or no longer) available. Choose an organisation and role from the list.',
  },
  'auth.setup_link_invalid': {
    nl: 'Deze link om een wachtwoord in te stellen is onbekend, verlopen of al gebruikt. Vraag de beheerder van het platform een nieuwe link.',
    fr: "Ce lien pour définir un mot de passe est inconnu, expiré ou déjà utilisé. Demandez un nouveau lien à l'administrateur de la plateforme.",
    de: 'Dieser Link zum Festlegen eines Passworts ist unbekannt, abgelaufen oder bereits benutzt. Bitten Sie den Plattformverwalter um einen neuen Link.',
    en: 'This link to set a password is unknown, expired or already used. Ask the platform administrator for a new link.',
  },
  'auth.throttled': {
    nl: 'Te veel mislukte pogingen. Probeer opnieuw over {seconds, number} seconden.',
    fr: 'Trop de tentatives échouées. Réessayez dans {seconds, number} secondes.',
    de: 'Zu viele fehlgeschlagene Versuche. Versuchen Sie es in {seconds, number} Sekunden erneut.',
    en: 'Too many failed attempts. Try again in {seconds, number} seconds.',
  },
  'auth.admin_username': {
    nl: 'Een gebruikersnaam begint met een letter of cijfer en heeft 2 tot 64 letters, cijfers, punten, streepjes of liggende streepjes.',
    fr: "Un nom d'utilisateur commence par une lettre ou un chiffre et compte de 2 à 64 lettres, chiffres, points, tirets ou traits de soulignement.",
    de: 'Ein Benutzername beginnt mit einem Buchstaben oder einer Ziffer und hat 2 bis 64 Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.',
    en: 'A username starts with a letter or digit and has 2 to 64 letters, digits, dots, dashes or underscores.',
  },
} satisfies Record<string, Entry>;

/** The auth module's messages, for `src/messages.ts` and the services' `msg()`. */
export const authMessages = defineMessages(catalogue);
