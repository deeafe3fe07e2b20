/**
 * The shared messages (isomorphic), in the four portal languages: what more than one module says —
 * the identifiers (KBO, INSZ, NIS, postcode, phone), usernames and the password policy, sign-in
 * and tokens, and the HTTP layer's refusals. Each module's own texts live in its
 * `<module>-messages.ts`; src/messages.ts composes them all for the edges, and the web UI's
 * i18n/messages.ts composes those its forms show before sending.
 */
import { defineMessages, LANGUAGES, type Entry, type Language } from './i18n.js';

export { LANGUAGES, type Language };

const catalogue = {
  'kbo.empty': {
    nl: 'Vul een ondernemingsnummer (KBO) in.',
    fr: "Indiquez un numéro d'entreprise (BCE).",
    de: 'Geben Sie eine Unternehmensnummer (ZDU) ein.',
    en: 'Enter an enterprise number (KBO).',
  },
  'kbo.chars': {
    nl: 'Een ondernemingsnummer bevat alleen cijfers (punten, spaties en "BE" mogen).',
    fr: "Un numéro d'entreprise ne contient que des chiffres (points, espaces et « BE » admis).",
    de: 'Eine Unternehmensnummer enthält nur Ziffern (Punkte, Leerzeichen und „BE“ erlaubt).',
    en: 'An enterprise number contains only digits (dots, spaces and "BE" are allowed).',
  },
  'kbo.length': {
    nl: 'Een ondernemingsnummer heeft 10 cijfers (of 9 in de oude vorm).',
    fr: "Un numéro d'entreprise compte 10 chiffres (ou 9 dans l'ancienne forme).",
    de: 'Eine Unternehmensnummer hat 10 Ziffern (oder 9 in der alten Form).',
    en: 'An enterprise number has 10 digits (or 9 in the old form).',
  },
  'kbo.first_digit': {
    nl: 'Een ondernemingsnummer begint met 0 of 1.',
    fr: "Un numéro d'entreprise commence par 0 ou 1.",
    de: 'Eine Unternehmensnummer beginnt mit 0 oder 1.',
    en: 'An enterprise number starts with 0 or 1.',
  },
  'kbo.checksum': {
    nl: 'Het controlegetal van het ondernemingsnummer klopt niet (modulo 97).',
    fr: "Le chiffre de contrôle du numéro d'entreprise est incorrect (modulo 97).",
    de: 'Die Prüfziffer der Unternehmensnummer stimmt nicht (Modulo 97).',
    en: 'The check digits of the enterprise number are wrong (modulo 97).',
  },
  'insz.empty': {
    nl: 'Vul een INSZ in.',
    fr: 'Indiquez un NISS.',
    de: 'Geben Sie eine ENSS ein.',
    en: 'Enter a national number (INSZ).',
  },
  'insz.chars': {
    nl: 'Een INSZ bevat alleen cijfers (punten, spaties en streepjes mogen).',
    fr: 'Un NISS ne contient que des chiffres (points, espaces et tirets admis).',
    de: 'Eine ENSS enthält nur Ziffern (Punkte, Leerzeichen und Bindestriche erlaubt).',
    en: 'A national number contains only digits (dots, spaces and dashes are allowed).',
  },
  'insz.length': {
    nl: 'Een INSZ heeft 11 cijfers.',
    fr: 'Un NISS compte 11 chiffres.',
    de: 'Eine ENSS hat 11 Ziffern.',
    en: 'A national number has 11 digits.',
  },
  'insz.checksum': {
    nl: 'Het controlegetal van het INSZ klopt niet (modulo 97).',
    fr: 'Le chiffre de contrôle du NISS est incorrect (modulo 97).',
    de: 'Die Prüfziffer der ENSS stimmt nicht (Modulo 97).',
    en: 'The check digits of the national number are wrong (modulo 97).',
  },
  'insz.date': {
    nl: 'De geboortedatum in het INSZ bestaat niet.',
    fr: "La date de naissance contenue dans le NISS n'existe pas.",
    de: 'Das Geburtsdatum in der ENSS existiert nicht.',
    en: 'The birth date in the national number does not exist.',
  },
  'insz.serial': {
    nl: 'Het volgnummer in het INSZ moet tussen 001 en 998 liggen.',
    fr: "Le numéro d'ordre du NISS doit être compris entre 001 et 998.",
    de: 'Die laufende Nummer der ENSS muss zwischen 001 und 998 liegen.',
    en: 'The serial number in the national number must be between 001 and 998.',
  },
  'insz.in_url': {
    nl: 'Een INSZ hoort niet in een URL: stuur het in de body van POST {path}.',
    fr: "Un NISS n'a pas sa place dans une URL : envoyez-le dans le corps de POST {path}.",
    de: 'Eine ENSS gehört nicht in eine URL: senden Sie sie im Body von POST {path}.',
    en: 'An INSZ does not belong in a URL: send it in the body of POST {path}.',
  },
  // The same refusal at the INSZ field of a page opened before the change: for the person at the screen.
  'insz.in_url_field': {
    nl: 'Deze pagina is verouderd. Herlaad de pagina en zoek opnieuw.',
    fr: 'Cette page est périmée. Rechargez la page et recherchez à nouveau.',
    de: 'Diese Seite ist veraltet. Laden Sie die Seite neu und suchen Sie erneut.',
    en: 'This page is out of date. Reload the page and search again.',
  },
  'nis.empty': {
    nl: 'Vul een NIS-code in.',
    fr: 'Indiquez un code INS.',
    de: 'Geben Sie einen NIS-Code ein.',
    en: 'Enter a NIS code.',
  },
  'nis.chars': {
    nl: 'Een NIS-code bevat alleen cijfers.',
    fr: 'Un code INS ne contient que des chiffres.',
    de: 'Ein NIS-Code enthält nur Ziffern.',
    en: 'A NIS code contains only digits.',
  },
  'nis.length': {
    nl: 'Een NIS-code heeft 5 cijfers.',
    fr: 'Un code INS compte 5 chiffres.',
    de: 'Ein NIS-Code hat 5 Ziffern.',
    en: 'A NIS code has 5 digits.',
  },
  'nis.not_municipality': {
    nl: 'Deze code is geen gemeentecode (provincies en arrondissementen eindigen op 000).',
    fr: "Ce code n'est pas un code de commune (provinces et arrondissements se terminent par 000).",
    de: 'Dieser Code ist kein Gemeindecode (Provinzen und Bezirke enden auf 000).',
    en: 'This is not a municipality code (provinces and arrondissements end in 000).',
  },
  'nis.unknown': {
    nl: 'Deze NIS-code staat niet in de REFNIS-lijst.',
    fr: "Ce code INS ne figure pas dans la liste REFNIS.",
    de: 'Dieser NIS-Code steht nicht in der REFNIS-Liste.',
    en: 'This NIS code is not in the REFNIS list.',
  },
  'auth.locked': {
    nl: 'Te veel mislukte pogingen: uw account is tijdelijk vergrendeld. Probeer het over {minutes} minuten opnieuw.',
    fr: 'Trop de tentatives échouées : votre compte est temporairement verrouillé. Réessayez dans {minutes} minutes.',
    de: 'Zu viele Fehlversuche: Ihr Konto ist vorübergehend gesperrt. Versuchen Sie es in {minutes} Minuten erneut.',
    en: 'Too many failed attempts: your account is locked for now. Try again in {minutes} minutes.',
  },
  'auth.required': {
    nl: 'Meld u eerst aan.',
    fr: "Connectez-vous d'abord.",
    de: 'Melden Sie sich zuerst an.',
    en: 'Please log in first.',
  },
  'auth.context_required': {
    nl: 'Kies eerst de onderneming en de rol waarmee u werkt.',
    fr: "Choisissez d'abord l'entreprise et le rôle avec lesquels vous travaillez.",
    de: 'Wählen Sie zuerst das Unternehmen und die Rolle, mit denen Sie arbeiten.',
    en: 'Choose the organisation and role you work with first.',
  },
  'auth.password_change_required': {
    nl: 'U kreeg een tijdelijk wachtwoord: kies eerst uw eigen wachtwoord.',
    fr: 'Vous avez reçu un mot de passe temporaire : choisissez d’abord votre propre mot de passe.',
    de: 'Sie haben ein vorläufiges Passwort erhalten: Wählen Sie zuerst Ihr eigenes Passwort.',
    en: 'You were given a temporary password: choose your own password first.',
  },
  'auth.csrf': {
    nl: 'Het beveiligingstoken ontbreekt of is ongeldig. Herlaad de pagina.',
    fr: 'Le jeton de sécurité est absent ou invalide. Rechargez la page.',
    de: 'Das Sicherheitstoken fehlt oder ist ungültig. Laden Sie die Seite neu.',
    en: 'The security token is missing or invalid. Reload the page.',
  },
  'auth.forbidden': {
    nl: 'U hebt geen toegang tot deze gegevens met de gekozen rol.',
    fr: "Vous n'avez pas accès à ces données avec le rôle choisi.",
    de: 'Sie haben mit der gewählten Rolle keinen Zugriff auf diese Daten.',
    en: 'You have no access to these data with the chosen role.',
  },
  'http.rate_limited': {
    nl: 'Te veel verzoeken. Wacht even en probeer opnieuw.',
    fr: 'Trop de requêtes. Patientez un instant puis réessayez.',
    de: 'Zu viele Anfragen. Warten Sie kurz und versuchen Sie es erneut.',
    en: 'Too many requests. Wait a moment and try again.',
  },
  'http.not_found': {
    nl: 'Niet gevonden.',
    fr: 'Introuvable.',
    de: 'Nicht gefunden.',
    en: 'Not found.',
  },
  'http.validation': {
    nl: 'Sommige velden zijn niet correct ingevuld.',
    fr: 'Certains champs ne sont pas correctement remplis.',
    de: 'Einige Felder sind nicht korrekt ausgefüllt.',
    en: 'Some fields are not filled in correctly.',
  },
  'http.bad_request': {
    nl: 'Het verzoek is ongeldig.',
    fr: 'La requête est invalide.',
    de: 'Die Anfrage ist ungültig.',
    en: 'The request is invalid.',
  },
  'http.payload_too_large': {
    nl: 'Het verzoek is te groot.',
    fr: 'La requête est trop volumineuse.',
    de: 'Die Anfrage ist zu groß.',
    en: 'The request is too large.',
  },
  'http.unsupported_media_type': {
    nl: 'Dit inhoudstype wordt niet ondersteund.',
    fr: "Ce type de contenu n'est pas pris en charge.",
    de: 'Dieser Inhaltstyp wird nicht unterstützt.',
    en: 'This content type is not supported.',
  },
  'http.internal': {
    nl: 'Er ging iets mis aan onze kant. Probeer later opnieuw; meldt u dit, vermeld dan het referentienummer {requestId}.',
    fr: "Une erreur s'est produite de notre côté. Réessayez plus tard ; si vous le signalez, mentionnez la référence {requestId}.",
    de: 'Auf unserer Seite ist ein Fehler aufgetreten. Versuchen Sie es später erneut; geben Sie bei einer Meldung die Referenz {requestId} an.',
    en: 'Something went wrong on our side. Try again later; if you report it, quote reference {requestId}.',
  },
  'http.busy': {
    nl: 'Er komen nu te veel aanvragen tegelijk binnen. Er is niets bewaard: probeer het over een minuut opnieuw.',
    fr: 'Trop de demandes arrivent en même temps. Rien n’a été enregistré : réessayez dans une minute.',
    de: 'Zu viele Anträge gehen gleichzeitig ein. Nichts wurde gespeichert: Versuchen Sie es in einer Minute erneut.',
    en: 'Too many requests are arriving at once. Nothing was saved: try again in a minute.',
  },
  'http.conflict': {
    nl: 'Dit conflicteert met bestaande gegevens.',
    fr: 'Cela entre en conflit avec des données existantes.',
    de: 'Dies steht im Konflikt mit vorhandenen Daten.',
    en: 'This conflicts with existing data.',
  },
  'field.required': {
    nl: 'Dit veld is verplicht.',
    fr: 'Ce champ est obligatoire.',
    de: 'Dieses Feld ist erforderlich.',
    en: 'This field is required.',
  },
  'field.unknown': {
    nl: 'Dit veld is onbekend.',
    fr: 'Ce champ est inconnu.',
    de: 'Dieses Feld ist unbekannt.',
    en: 'This field is unknown.',
  },
  'field.nul_character': {
    nl: 'Dit veld bevat een ongeldig teken (NUL, \\u0000).',
    fr: 'Ce champ contient un caractère non valide (NUL, \\u0000).',
    de: 'Dieses Feld enthält ein ungültiges Zeichen (NUL, \\u0000).',
    en: 'This field contains an invalid character (NUL, \\u0000).',
  },
  'field.lone_surrogate': {
    nl: 'Dit veld bevat een half teken (een losse UTF-16-surrogaat) dat niet kan worden bewaard: typ de tekst opnieuw of laat het teken weg.',
    fr: 'Ce champ contient un demi-caractère (un substitut UTF-16 isolé) qui ne peut pas être enregistré : retapez le texte ou supprimez ce caractère.',
    de: 'Dieses Feld enthält ein halbes Zeichen (ein einzelnes UTF-16-Surrogat), das nicht gespeichert werden kann: Geben Sie den Text erneut ein oder lassen Sie das Zeichen weg.',
    en: 'This field contains half a character (a lone UTF-16 surrogate) that cannot be stored: type the text again or leave the character out.',
  },
  'field.too_deep': {
    nl: 'De inhoud is te diep genest (hoogstens {max} niveaus).',
    fr: 'Le contenu est trop imbriqué (au plus {max} niveaux).',
    de: 'Der Inhalt ist zu tief verschachtelt (höchstens {max} Ebenen).',
    en: 'The content is nested too deeply (at most {max} levels).',
  },
  'token.institution_only': {
    nl: 'Alleen een instelling (kind "institution") krijgt een machinesleutel.',
    fr: 'Seule une institution (kind "institution") reçoit une clé machine.',
    de: 'Nur eine Einrichtung (kind "institution") erhält einen Maschinenschlüssel.',
    en: 'Only an institution (kind "institution") gets a machine credential.',
  },
  'token.scopes': {
    nl: 'Geef een of meer scopes: {scopes}.',
    fr: 'Indiquez un ou plusieurs scopes : {scopes}.',
    de: 'Geben Sie einen oder mehrere Scopes an: {scopes}.',
    en: 'Give one or more scopes: {scopes}.',
  },
  'token.scope_missing': {
    nl: 'Deze sleutel mag dit niet (scope {scope} ontbreekt).',
    fr: 'Cette clé ne le permet pas (scope {scope} manquant).',
    de: 'Dieser Schlüssel darf das nicht (Scope {scope} fehlt).',
    en: 'This token may not do this (scope {scope} missing).',
  },
  'date.invalid': {
    nl: 'Geef een geldige datum in de vorm JJJJ-MM-DD.',
    fr: 'Indiquez une date valide au format AAAA-MM-JJ.',
    de: 'Geben Sie ein gültiges Datum im Format JJJJ-MM-TT ein.',
    en: 'Enter a valid date as YYYY-MM-DD.',
  },
  "username.length": {
    nl: "Een gebruikersnaam heeft 3 tot 64 tekens.",
    fr: "Un nom d'utilisateur compte de 3 à 64 caractères.",
    de: "Ein Benutzername hat 3 bis 64 Zeichen.",
    en: "A username has 3 to 64 characters.",
  },
  "username.chars": {
    nl: "Een gebruikersnaam bevat alleen letters, cijfers, punt, streepje en liggend streepje.",
    fr: "Un nom d'utilisateur ne contient que des lettres, chiffres, points, tirets et traits de soulignement.",
    de: "Ein Benutzername enthält nur Buchstaben, Ziffern, Punkt, Bindestrich und Unterstrich.",
    en: "A username contains only letters, digits, dot, dash and underscore.",
  },
  "username.taken": {
    nl: "Deze gebruikersnaam is al in gebruik.",
    fr: "Ce nom d'utilisateur est déjà utilisé.",
    de: "Dieser Benutzername ist bereits vergeben.",
    en: "This username is already taken.",
  },
  "password.too_short": {
    nl: "Een wachtwoord heeft minstens 12 tekens.",
    fr: "Un mot de passe compte au moins 12 caractères.",
    de: "Ein Passwort hat mindestens 12 Zeichen.",
    en: "A password has at least 12 characters.",
  },
  "password.too_long": {
    nl: "Een wachtwoord heeft hoogstens 128 tekens.",
    fr: "Un mot de passe compte au plus 128 caractères.",
    de: "Ein Passwort hat höchstens 128 Zeichen.",
    en: "A password has at most 128 characters.",
  },
  "password.equals_username": {
    nl: "Het wachtwoord mag niet gelijk zijn aan de gebruikersnaam.",
    fr: "Le mot de passe ne peut pas être identique au nom d'utilisateur.",
    de: "Das Passwort darf nicht dem Benutzernamen entsprechen.",
    en: "The password may not be the username.",
  },
  "password.like_name": {
    nl: "Het wachtwoord lijkt te veel op de gebruikersnaam of de naam.",
    fr: "Le mot de passe ressemble trop au nom d'utilisateur ou au nom.",
    de: "Das Passwort ähnelt zu sehr dem Benutzernamen oder dem Namen.",
    en: "The password is too close to the username or the name.",
  },
  "password.common": {
    nl: "Dit wachtwoord is te makkelijk te raden of wordt te vaak gebruikt. Kies een ander.",
    fr: "Ce mot de passe est trop courant. Choisissez-en un autre.",
    de: "Dieses Passwort ist zu verbreitet. Wählen Sie ein anderes.",
    en: "This password is too common. Choose another one.",
  },
  "password.mismatch": {
    nl: "De twee wachtwoorden zijn niet gelijk.",
    fr: "Les deux mots de passe ne sont pas identiques.",
    de: "Die beiden Passwörter stimmen nicht überein.",
    en: "The two passwords are not the same.",
  },
  "phone.code": {
    nl: "Een landcode zoals +32.",
    fr: "Un indicatif comme +32.",
    de: "Eine Landesvorwahl wie +32.",
    en: "A country code such as +32.",
  },
  "phone.number": {
    nl: "Een telefoonnummer van 6 tot 18 cijfers.",
    fr: "Un numéro de téléphone de 6 à 18 chiffres.",
    de: "Eine Telefonnummer mit 6 bis 18 Ziffern.",
    en: "A phone number of 6 to 18 digits.",
  },
  "postcode.format": {
    nl: "Een postcode heeft 4 cijfers.",
    fr: "Un code postal compte 4 chiffres.",
    de: "Eine Postleitzahl hat 4 Ziffern.",
    en: "A postcode has 4 digits.",
  },
  "vendor.certificate_required": {
    nl: "Een clientcertificaat is vereist.",
    fr: "Un certificat client est requis.",
    de: "Ein Client-Zertifikat ist erforderlich.",
    en: "A client certificate is required.",
  },
  "vendor.certificate_refused": {
    nl: "Dit certificaat hoort niet bij een actief REST-account, is vervallen of is vervangen.",
    fr: "Ce certificat n'appartient pas à un compte REST actif, a expiré ou a été remplacé.",
    de: "Dieses Zertifikat gehört zu keinem aktiven REST-Konto, ist abgelaufen oder wurde ersetzt.",
    en: "This certificate does not belong to an active REST account, has expired or was replaced.",
  },
  "vendor.permission": {
    nl: "Het REST-account heeft de toelating \"{permission}\" niet.",
    fr: "Le compte REST n'a pas l'autorisation « {permission} ».",
    de: "Das REST-Konto hat die Berechtigung „{permission}“ nicht.",
    en: "The REST account lacks the permission \"{permission}\".",
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof catalogue;


/** The shared messages (identifiers, HTTP, sessions, validation), for `src/messages.ts` and `msg()`. */
export const sharedMessages = defineMessages(catalogue);

export const isMessageKey = sharedMessages.has;

/** A shared message (key checked at compile time), rendered at an edge. */
export const msg = sharedMessages.msg;

/**
 * Legacy: text in a language for code not yet moved to keys (issue 18). New code throws
 * `AppError(code, msg(key, params))` and lets the edge render it.
 */
export const translate = sharedMessages.text;

/** Picks the best portal language from an Accept-Language header; `fallback` (NL) when nothing matches. */
export function pickLanguage(header: string | undefined | null, fallback: Language = 'nl'): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: (tag ?? '').toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) if ((LANGUAGES as readonly string[]).includes(tag)) return tag as Language;
  return fallback;
}
