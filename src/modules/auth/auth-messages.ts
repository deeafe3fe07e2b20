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
  // ── Issue 21: sign-in through an identity provider (OpenID Connect) ──
  'auth.local_login_off': {
    nl: 'Aanmelden met een wachtwoord is uitgeschakeld. Meld u aan via uw identiteitsprovider (de knoppen op deze pagina).',
    fr: "La connexion par mot de passe est désactivée. Connectez-vous via votre fournisseur d'identité (les boutons de cette page).",
    de: 'Die Anmeldung mit Passwort ist abgeschaltet. Melden Sie sich über Ihren Identitätsanbieter an (die Schaltflächen auf dieser Seite).',
    en: 'Signing in with a password is switched off. Sign in through your identity provider (the buttons on this page).',
  },
  'auth.oidc.provider_unknown': {
    nl: 'Deze identiteitsprovider is niet ingesteld in het portaal. Kies een van de knoppen op de aanmeldpagina.',
    fr: "Ce fournisseur d'identité n'est pas configuré dans le portail. Choisissez l'un des boutons de la page de connexion.",
    de: 'Dieser Identitätsanbieter ist im Portal nicht eingerichtet. Wählen Sie eine der Schaltflächen auf der Anmeldeseite.',
    en: 'This identity provider is not set up in the portal. Choose one of the buttons on the sign-in page.',
  },
  'auth.oidc.provider_unavailable': {
    nl: 'De identiteitsprovider {provider} is nu niet bereikbaar. Probeer het over enkele minuten opnieuw.',
    fr: "Le fournisseur d'identité {provider} est injoignable pour le moment. Réessayez dans quelques minutes.",
    de: 'Der Identitätsanbieter {provider} ist zurzeit nicht erreichbar. Versuchen Sie es in einigen Minuten erneut.',
    en: 'The identity provider {provider} cannot be reached right now. Try again in a few minutes.',
  },
  'auth.oidc.failed': {
    nl: 'De aanmelding via {provider} kon niet worden afgerond: het antwoord van de provider was ongeldig, verlopen of al gebruikt. Er is niemand aangemeld. Begin opnieuw vanaf de aanmeldpagina.',
    fr: "La connexion via {provider} n'a pas pu aboutir : la réponse du fournisseur était invalide, expirée ou déjà utilisée. Personne n'a été connecté. Recommencez depuis la page de connexion.",
    de: 'Die Anmeldung über {provider} konnte nicht abgeschlossen werden: Die Antwort des Anbieters war ungültig, abgelaufen oder bereits benutzt. Niemand wurde angemeldet. Beginnen Sie erneut auf der Anmeldeseite.',
    en: 'The sign-in through {provider} could not be completed: the provider’s answer was invalid, expired or already used. Nobody was signed in. Start again from the sign-in page.',
  },
  'auth.oidc.cancelled': {
    nl: 'De aanmelding bij {provider} werd afgebroken of geweigerd. Er is niemand aangemeld.',
    fr: "La connexion auprès de {provider} a été interrompue ou refusée. Personne n'a été connecté.",
    de: 'Die Anmeldung bei {provider} wurde abgebrochen oder abgelehnt. Niemand wurde angemeldet.',
    en: 'The sign-in at {provider} was cancelled or refused. Nobody was signed in.',
  },
  'auth.oidc.insz_missing': {
    nl: '{provider} heeft uw rijksregisternummer (INSZ) niet doorgegeven, zodat het portaal niet weet wie u bent. Vraag de beheerder van de identiteitsprovider om het INSZ mee te geven.',
    fr: "{provider} n'a pas transmis votre numéro de registre national (NISS) ; le portail ne peut donc pas vous identifier. Demandez à l'administrateur du fournisseur d'identité de transmettre le NISS.",
    de: '{provider} hat Ihre Nationalregisternummer (INSZ) nicht übermittelt, daher weiß das Portal nicht, wer Sie sind. Bitten Sie den Verwalter des Identitätsanbieters, die INSZ mitzugeben.',
    en: '{provider} did not pass on your national register number (INSZ), so the portal cannot tell who you are. Ask the identity provider’s administrator to include the INSZ.',
  },
  'auth.oidc.insz_invalid': {
    nl: 'Het rijksregisternummer (INSZ) dat {provider} doorgaf is geen geldig INSZ. Vraag de beheerder van de identiteitsprovider om het na te kijken.',
    fr: "Le numéro de registre national (NISS) transmis par {provider} n'est pas un NISS valide. Demandez à l'administrateur du fournisseur d'identité de le vérifier.",
    de: 'Die von {provider} übermittelte Nationalregisternummer (INSZ) ist keine gültige INSZ. Bitten Sie den Verwalter des Identitätsanbieters, sie zu prüfen.',
    en: 'The national register number (INSZ) that {provider} passed on is not a valid INSZ. Ask the identity provider’s administrator to check it.',
  },
  'auth.oidc.unknown_person': {
    nl: 'U bent aangemeld bij {provider}, maar het portaal kent u (nog) niet. Toegang krijgt u van de toegangsbeheerder van uw organisatie (de hoofdtoegangsbeheerder of de toegangsbeheerder van uw domein): vraag hem of haar om u toe te voegen met uw rijksregisternummer. Er is geen account aangemaakt.',
    fr: "Vous êtes connecté auprès de {provider}, mais le portail ne vous connaît pas (encore). L'accès est donné par le gestionnaire d'accès de votre organisation (le gestionnaire d'accès principal ou celui de votre domaine) : demandez-lui de vous ajouter avec votre numéro de registre national. Aucun compte n'a été créé.",
    de: 'Sie sind bei {provider} angemeldet, aber das Portal kennt Sie (noch) nicht. Zugang erhalten Sie vom Zugangsverwalter Ihrer Organisation (dem Hauptzugangsverwalter oder dem Zugangsverwalter Ihres Bereichs): Bitten Sie ihn, Sie mit Ihrer Nationalregisternummer hinzuzufügen. Es wurde kein Konto angelegt.',
    en: 'You are signed in at {provider}, but the portal does not know you (yet). Access is given by your organisation’s access manager (the main access manager or the access manager of your domain): ask them to add you with your national register number. No account was created.',
  },
  'auth.oidc.dev_name': {
    nl: 'Ontwikkel-identiteitsprovider (demo)',
    fr: "Fournisseur d'identité de développement (démo)",
    de: 'Entwicklungs-Identitätsanbieter (Demo)',
    en: 'Development identity provider (demo)',
  },
  // The development identity provider's own pages (OCMW_DEV_IDP=on, never in production).
  'devidp.title': {
    nl: 'Aanmelden bij de ontwikkel-identiteitsprovider',
    fr: "Connexion au fournisseur d'identité de développement",
    de: 'Anmeldung beim Entwicklungs-Identitätsanbieter',
    en: 'Sign in at the development identity provider',
  },
  'devidp.intro': {
    nl: 'Alleen voor demo en tests. Meld u aan als een demopersoon (bv. an.peeters of user.antwerpen) met het demowachtwoord. "onbekend.persoon" heeft een geldig INSZ dat het portaal niet kent.',
    fr: 'Uniquement pour la démo et les tests. Connectez-vous comme une personne de démo (p. ex. an.peeters ou user.antwerpen) avec le mot de passe de démo. « onbekend.persoon » a un NISS valide que le portail ne connaît pas.',
    de: 'Nur für Demo und Tests. Melden Sie sich als Demoperson an (z. B. an.peeters oder user.antwerpen) mit dem Demopasswort. „onbekend.persoon“ hat eine gültige INSZ, die das Portal nicht kennt.',
    en: 'For demos and tests only. Sign in as a demo person (e.g. an.peeters or user.antwerpen) with the demo password. "onbekend.persoon" has a valid INSZ the portal does not know.',
  },
  'devidp.username': { nl: 'Gebruikersnaam', fr: "Nom d'utilisateur", de: 'Benutzername', en: 'Username' },
  'devidp.password': { nl: 'Wachtwoord', fr: 'Mot de passe', de: 'Passwort', en: 'Password' },
  'devidp.submit': { nl: 'Aanmelden', fr: 'Se connecter', de: 'Anmelden', en: 'Sign in' },
  'devidp.cancel': { nl: 'Annuleren', fr: 'Annuler', de: 'Abbrechen', en: 'Cancel' },
  'devidp.invalid': {
    nl: 'Onbekende demopersoon of verkeerd wachtwoord.',
    fr: 'Personne de démo inconnue ou mot de passe erroné.',
    de: 'Unbekannte Demoperson oder falsches Passwort.',
    en: 'Unknown demo person or wrong password.',
  },
  'devidp.logout_title': {
    nl: 'Afmelden bij de ontwikkel-identiteitsprovider',
    fr: "Déconnexion du fournisseur d'identité de développement",
    de: 'Abmeldung beim Entwicklungs-Identitätsanbieter',
    en: 'Sign out at the development identity provider',
  },
  'devidp.logout_question': {
    nl: 'U bent afgemeld in het portaal. Wilt u zich ook afmelden bij de identiteitsprovider?',
    fr: "Vous êtes déconnecté du portail. Voulez-vous aussi vous déconnecter du fournisseur d'identité ?",
    de: 'Sie sind vom Portal abgemeldet. Möchten Sie sich auch beim Identitätsanbieter abmelden?',
    en: 'You are signed out of the portal. Do you also want to sign out at the identity provider?',
  },
  'devidp.logout_yes': { nl: 'Ja, afmelden', fr: 'Oui, me déconnecter', de: 'Ja, abmelden', en: 'Yes, sign out' },
  'devidp.logout_no': { nl: 'Nee, aangemeld blijven', fr: 'Non, rester connecté', de: 'Nein, angemeldet bleiben', en: 'No, stay signed in' },
  'devidp.logout_done': {
    nl: 'U bent afgemeld bij de identiteitsprovider.',
    fr: "Vous êtes déconnecté du fournisseur d'identité.",
    de: 'Sie sind beim Identitätsanbieter abgemeldet.',
    en: 'You are signed out at the identity provider.',
  },
  'devidp.back': { nl: 'Terug naar het portaal', fr: 'Retour au portail', de: 'Zurück zum Portal', en: 'Back to the portal' },
  'devidp.error': {
    nl: 'De identiteitsprovider kon deze aanvraag niet verwerken: {error}',
    fr: "Le fournisseur d'identité n'a pas pu traiter cette demande : {error}",
    de: 'Der Identitätsanbieter konnte diese Anfrage nicht bearbeiten: {error}',
    en: 'The identity provider could not handle this request: {error}',
  },
} satisfies Record<string, Entry>;

/** The auth module's messages, for `src/messages.ts` and the services' `msg()`. */
export const authMessages = defineMessages(catalogue);
