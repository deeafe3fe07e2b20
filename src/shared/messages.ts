/**
 * Server-side message catalogue (isomorphic): the texts of errors and rule violations that the
 * API returns, in the four portal languages. The web UI has its own catalogue for screen texts
 * (src/web/i18n); messages that come from the server arrive already translated.
 */
export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Entry = Record<Language, string>;

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
  'auth.invalid_credentials': {
    nl: 'Gebruikersnaam of wachtwoord is onjuist.',
    fr: "Nom d'utilisateur ou mot de passe incorrect.",
    de: 'Benutzername oder Passwort ist falsch.',
    en: 'Username or password is incorrect.',
  },
  'auth.locked': {
    nl: 'Te veel mislukte pogingen: uw account is tijdelijk vergrendeld. Probeer het over {minutes} minuten opnieuw.',
    fr: 'Trop de tentatives échouées : votre compte est temporairement verrouillé. Réessayez dans {minutes} minutes.',
    de: 'Zu viele Fehlversuche: Ihr Konto ist vorübergehend gesperrt. Versuchen Sie es in {minutes} Minuten erneut.',
    en: 'Too many failed attempts: your account is locked for now. Try again in {minutes} minutes.',
  },
  'auth.no_active_role': {
    nl: 'U hebt geen actieve toegang: al uw rollen zijn geblokkeerd of beëindigd. Neem contact op met uw toegangsbeheerder.',
    fr: "Vous n'avez aucun accès actif : tous vos rôles sont bloqués ou terminés. Contactez votre gestionnaire d'accès.",
    de: 'Sie haben keinen aktiven Zugang: alle Ihre Rollen sind gesperrt oder beendet. Wenden Sie sich an Ihren Zugangsverwalter.',
    en: 'You have no active access: all your roles are blocked or ended. Contact your access manager.',
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
  'auth.choice_unknown': {
    nl: 'Deze keuze is niet (meer) beschikbaar.',
    fr: "Ce choix n'est pas (plus) disponible.",
    de: 'Diese Auswahl ist nicht (mehr) verfügbar.',
    en: 'This choice is not (or no longer) available.',
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
  'date.invalid': {
    nl: 'Geef een geldige datum in de vorm JJJJ-MM-DD.',
    fr: 'Indiquez une date valide au format AAAA-MM-JJ.',
    de: 'Geben Sie ein gültiges Datum im Format JJJJ-MM-TT ein.',
    en: 'Enter a valid date as YYYY-MM-DD.',
  },
  'merger.too_few_sources': {
    nl: 'Een fusie heeft minstens twee fuserende OCMW\'s.',
    fr: 'Une fusion compte au moins deux CPAS qui fusionnent.',
    de: 'Eine Fusion hat mindestens zwei fusionierende ÖSHZ.',
    en: 'A merger has at least two merging OCMWs.',
  },
  'merger.duplicate_source': {
    nl: 'Een OCMW staat twee keer bij de fuserende OCMW\'s.',
    fr: 'Un CPAS figure deux fois parmi les CPAS qui fusionnent.',
    de: 'Ein ÖSHZ steht zweimal unter den fusionierenden ÖSHZ.',
    en: 'An OCMW is listed twice among the merging OCMWs.',
  },
  'merger.duplicate_source_nis': {
    nl: 'Twee fuserende OCMW\'s hebben dezelfde NIS-code.',
    fr: 'Deux CPAS qui fusionnent ont le même code INS.',
    de: 'Zwei fusionierende ÖSHZ haben denselben NIS-Code.',
    en: 'Two merging OCMWs have the same NIS code.',
  },
  'merger.new_kbo_kept_nis': {
    nl: 'Een nieuw KBO-nummer met een behouden NIS-code past in geen enkel scenario van de richtlijnen.',
    fr: 'Un nouveau numéro BCE avec un code INS conservé ne correspond à aucun scénario des directives.',
    de: 'Eine neue ZDU-Nummer mit beibehaltenem NIS-Code passt zu keinem Szenario der Richtlinien.',
    en: 'A new KBO number with a kept NIS code fits none of the guide\'s scenarios.',
  },
  'merger.kept_nis_not_target': {
    nl: 'De behouden NIS-code hoort bij een ander OCMW dan het OCMW dat zijn KBO-nummer behoudt.',
    fr: 'Le code INS conservé appartient à un autre CPAS que celui qui conserve son numéro BCE.',
    de: 'Der beibehaltene NIS-Code gehört zu einem anderen ÖSHZ als dem, das seine ZDU-Nummer behält.',
    en: 'The kept NIS code belongs to another OCMW than the one that keeps its KBO number.',
  },
  'merger.declared_mismatch': {
    nl: 'Opgegeven scenario {declared} klopt niet met de gegevens: die geven scenario {derived}.',
    fr: 'Le scénario indiqué {declared} ne correspond pas aux données, qui donnent le scénario {derived}.',
    de: 'Das angegebene Szenario {declared} passt nicht zu den Daten; diese ergeben Szenario {derived}.',
    en: 'Declared scenario {declared} contradicts the data, which give scenario {derived}.',
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof catalogue;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

/** Translates a message key into the language, filling `{name}` placeholders from params. */
export function translate(key: MessageKey, lang: Language, params: Record<string, string | number> = {}): string {
  const text = catalogue[key][lang] ?? catalogue[key].nl;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks the best portal language from an Accept-Language header; NL when nothing matches. */
export function pickLanguage(header: string | undefined | null): Language {
  if (!header) return 'nl';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: (tag ?? '').toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) if ((LANGUAGES as readonly string[]).includes(tag)) return tag as Language;
  return 'nl';
}
