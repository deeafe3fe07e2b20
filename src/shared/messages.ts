/**
 * Server-side message catalogue (isomorphic): the texts of errors and rule violations that the
 * API returns, in the four portal languages. The web UI has its own catalogue for screen texts
 * (src/web/i18n); messages that come from the server arrive already translated.
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
  "bulk.applications_required": {
    nl: "Kies minstens één beveiligde toepassing.",
    fr: "Choisissez au moins une application sécurisée.",
    de: "Wählen Sie mindestens eine gesicherte Anwendung.",
    en: "Choose at least one secured application.",
  },
  "import.not_xlsx": {
    nl: "Dit is geen Excel-bestand (.xlsx).",
    fr: "Ce n'est pas un fichier Excel (.xlsx).",
    de: "Dies ist keine Excel-Datei (.xlsx).",
    en: "This is not an Excel file (.xlsx).",
  },
  "import.columns": {
    nl: "De kolommen van het bestand kloppen niet: verwacht {columns}.",
    fr: "Les colonnes du fichier ne sont pas correctes : attendu {columns}.",
    de: "Die Spalten der Datei stimmen nicht: erwartet {columns}.",
    en: "The file's columns are wrong: expected {columns}.",
  },
  "import.empty": {
    nl: "Het bestand bevat geen rijen.",
    fr: "Le fichier ne contient aucune ligne.",
    de: "Die Datei enthält keine Zeilen.",
    en: "The file contains no rows.",
  },
  "import.unknown_organisation": {
    nl: "Onbekende organisatie {kbo}.",
    fr: "Organisation inconnue {kbo}.",
    de: "Unbekannte Organisation {kbo}.",
    en: "Unknown organisation {kbo}.",
  },
  "import.not_merging": {
    nl: "{kbo} is geen fuserend OCMW van een fusie naar {target}.",
    fr: "{kbo} n'est pas un CPAS qui fusionne vers {target}.",
    de: "{kbo} ist kein ÖSHZ, das zu {target} fusioniert.",
    en: "{kbo} is not an OCMW merging into {target}.",
  },
  "import.conflicting_htb": {
    nl: "Voor {target} worden verschillende HTB's opgegeven.",
    fr: "Plusieurs gestionnaires principaux différents sont indiqués pour {target}.",
    de: "Für {target} werden verschiedene Hauptzugangsverwalter angegeben.",
    en: "Different HTBs are given for {target}.",
  },
  "import.email": {
    nl: "Ongeldig e-mailadres.",
    fr: "Adresse e-mail invalide.",
    de: "Ungültige E-Mail-Adresse.",
    en: "Invalid e-mail address.",
  },
  "import.name_required": {
    nl: "Naam en voornaam zijn verplicht.",
    fr: "Le nom et le prénom sont obligatoires.",
    de: "Name und Vorname sind erforderlich.",
    en: "Surname and first name are required.",
  },
  "import.name_mismatch": {
    nl: "Dit INSZ hoort bij een gekende persoon met een andere naam ({name}).",
    fr: "Ce NISS appartient à une personne connue sous un autre nom ({name}).",
    de: "Diese ENSS gehört zu einer bekannten Person mit anderem Namen ({name}).",
    en: "This national number belongs to a known person with another name ({name}).",
  },
  "import.too_large": {
    nl: "Het bestand is te groot (maximaal {max}).",
    fr: "Le fichier est trop volumineux (maximum {max}).",
    de: "Die Datei ist zu groß (maximal {max}).",
    en: "The file is too large (at most {max}).",
  },
  "import.unpacked_too_large": {
    nl: "Het Excel-bestand pakt uit tot meer dan {unpacked} of bevat te veel onderdelen: dit is geen gewoon HTB-bestand.",
    fr: "Le fichier Excel se décompresse en plus de {unpacked} ou contient trop d'éléments : ce n'est pas un fichier HTB normal.",
    de: "Die Excel-Datei entpackt sich auf mehr als {unpacked} oder enthält zu viele Teile: Dies ist keine gewöhnliche HTB-Datei.",
    en: "The Excel file unpacks to more than {unpacked} or has too many parts: this is not an ordinary HTB file.",
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
  "config.other_required": {
    nl: "Vul in wat \"Andere\" is.",
    fr: "Précisez ce que recouvre « Autre ».",
    de: "Geben Sie an, was „Andere“ ist.",
    en: "Say what \"Other\" is.",
  },
  "config.postcode_unknown": {
    nl: "Deze postcode staat niet in de lijst van Belgische postcodes.",
    fr: "Ce code postal ne figure pas dans la liste des codes postaux belges.",
    de: "Diese Postleitzahl steht nicht in der Liste der belgischen Postleitzahlen.",
    en: "This postcode is not in the list of Belgian postcodes.",
  },
  "postcode.format": {
    nl: "Een postcode heeft 4 cijfers.",
    fr: "Un code postal compte 4 chiffres.",
    de: "Eine Postleitzahl hat 4 Ziffern.",
    en: "A postcode has 4 digits.",
  },
  "mutation.subtype_required": {
    nl: "MURA en MUPS hebben een subtype (bv. H205, T1195).",
    fr: "MURA et MUPS ont un sous-type (p. ex. H205, T1195).",
    de: "MURA und MUPS haben einen Untertyp (z. B. H205, T1195).",
    en: "MURA and MUPS have a sub-type (e.g. H205, T1195).",
  },
  "mutation.subtype_forbidden": {
    nl: "Alleen MURA en MUPS hebben een subtype.",
    fr: "Seuls MURA et MUPS ont un sous-type.",
    de: "Nur MURA und MUPS haben einen Untertyp.",
    en: "Only MURA and MUPS have a sub-type.",
  },
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
  // ── issue 19: help requests reach an OCMW that nobody can read ──
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
  "merger.end_access_not_disappearing": {
    nl: "Alleen de toegang van een verdwijnend OCMW kan beëindigd worden.",
    fr: "Seul l'accès d'un CPAS qui disparaît peut être clôturé.",
    de: "Nur der Zugang eines wegfallenden ÖSHZ kann beendet werden.",
    en: "Only a disappearing OCMW's access can be ended.",
  },
  "merger.end_access_too_early": {
    nl: "De fusie gaat pas in op {date}; tot dan werkt dit OCMW gewoon verder.",
    fr: "La fusion ne prend effet que le {date} ; jusque-là ce CPAS fonctionne normalement.",
    de: "Die Fusion wird erst am {date} wirksam; bis dahin arbeitet dieses ÖSHZ normal weiter.",
    en: "The merger takes effect on {date}; until then this OCMW works as before.",
  },
  "merger.end_access_already": {
    nl: "De toegang van deze organisatie is al beëindigd op {date}.",
    fr: "L'accès de cette organisation a déjà été clôturé le {date}.",
    de: "Der Zugang dieser Organisation wurde bereits am {date} beendet.",
    en: "This organisation's access was already ended on {date}.",
  },
  "merger.end_access_open_items": {
    nl: "Dit OCMW heeft nog openstaand werk: {items} Beëindig de toegang alleen met een reden (override).",
    fr: "Ce CPAS a encore du travail en cours : {items} Ne clôturez l'accès qu'avec une raison (dérogation).",
    de: "Dieses ÖSHZ hat noch offene Arbeit: {items} Beenden Sie den Zugang nur mit einer Begründung (Übersteuerung).",
    en: "This OCMW still has open work: {items} End its access only with a reason (override).",
  },
  "merger.end_access_unfiled_report": {
    nl: "Het Uniek verslag {year} is niet ingediend.",
    fr: "Le rapport unique {year} n'a pas été introduit.",
    de: "Der Einheitliche Bericht {year} wurde nicht eingereicht.",
    en: "The Uniek verslag {year} has not been submitted.",
  },
  "merger.end_access_unread_ebox": {
    nl: "Er zijn {count} ongelezen documenten in de e-Box.",
    fr: "L'e-Box contient {count} documents non lus.",
    de: "In der e-Box sind {count} ungelesene Dokumente.",
    en: "The e-Box has {count} unread documents.",
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
