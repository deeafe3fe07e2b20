/**
 * The texts of the channels module in the four portal languages (issue 18: keys inside, text at the
 * edges): the rule ids (certificates R3.9, FTP credentials R3.5/R3.6), ChaMan's refusals, the
 * certificate expiry warning and the administrators' conflict alert. Isomorphic: the ChaMan forms
 * show the contract's keys (`cert.base64`, `chaman.permission_required`) before sending.
 */
import { defineMessages, type Entry, type LocalizedText } from '../../shared/i18n.js';


const SPECIALS = ", ; : = ? . / + * \\ $ % < > & @ # ' ( ! ) } - _";

const catalogue = {
  'cert.extension': {
    nl: 'Het certificaatbestand moet de extensie .cer hebben (dit bestand: {extension}).',
    fr: "Le fichier du certificat doit avoir l'extension .cer (ce fichier : {extension}).",
    de: 'Die Zertifikatsdatei muss die Endung .cer haben (diese Datei: {extension}).',
    en: 'The certificate file must have the .cer extension (this file: {extension}).',
  },
  'cert.pfx': {
    nl: 'Een .pfx/.p12-bestand bevat ook de private sleutel: laad alleen het certificaat (.cer) op.',
    fr: "Un fichier .pfx/.p12 contient aussi la clé privée : chargez uniquement le certificat (.cer).",
    de: 'Eine .pfx/.p12-Datei enthält auch den privaten Schlüssel: Laden Sie nur das Zertifikat (.cer) hoch.',
    en: 'A .pfx/.p12 file also contains the private key: upload only the certificate (.cer).',
  },
  'cert.unreadable': {
    nl: 'Het bestand is geen leesbaar X.509-certificaat (DER, of PEM met precies één CERTIFICATE-blok).',
    fr: "Le fichier n'est pas un certificat X.509 lisible (DER, ou PEM avec exactement un bloc CERTIFICATE).",
    de: 'Die Datei ist kein lesbares X.509-Zertifikat (DER oder PEM mit genau einem CERTIFICATE-Block).',
    en: 'The file is not a readable X.509 certificate (DER, or PEM with exactly one CERTIFICATE block).',
  },
  'cert.key': {
    nl: 'De sleutel moet RSA-2048, RSA-3072, RSA-4096, EC P-384 of EC P-521 zijn (dit certificaat: {key}).',
    fr: 'La clé doit être RSA-2048, RSA-3072, RSA-4096, EC P-384 ou EC P-521 (ce certificat : {key}).',
    de: 'Der Schlüssel muss RSA-2048, RSA-3072, RSA-4096, EC P-384 oder EC P-521 sein (dieses Zertifikat: {key}).',
    en: 'The key must be RSA-2048, RSA-3072, RSA-4096, EC P-384 or EC P-521 (this certificate: {key}).',
  },
  'cert.signature': {
    nl: 'De handtekening moet SHA-256, SHA-384 of SHA-512 met RSA of ECDSA gebruiken (dit certificaat: {signature}).',
    fr: 'La signature doit utiliser SHA-256, SHA-384 ou SHA-512 avec RSA ou ECDSA (ce certificat : {signature}).',
    de: 'Die Signatur muss SHA-256, SHA-384 oder SHA-512 mit RSA oder ECDSA verwenden (dieses Zertifikat: {signature}).',
    en: 'The signature must use SHA-256, SHA-384 or SHA-512 with RSA or ECDSA (this certificate: {signature}).',
  },
  'cert.untrusted_ca': {
    nl: 'De keten van dit certificaat kan niet worden opgebouwd tot een vertrouwde certificeringsautoriteit (uitgever: {issuer}). Een {kind}-certificaat moet ondertekend zijn door een vertrouwde CA.',
    fr: "La chaîne de ce certificat ne peut pas être construite jusqu'à une autorité de certification de confiance (émetteur : {issuer}). Un certificat {kind} doit être signé par une AC de confiance.",
    de: 'Die Kette dieses Zertifikats lässt sich nicht bis zu einer vertrauenswürdigen Zertifizierungsstelle aufbauen (Aussteller: {issuer}). Ein {kind}-Zertifikat muss von einer vertrauenswürdigen CA signiert sein.',
    en: 'The chain of this certificate cannot be built to a trusted certificate authority (issuer: {issuer}). A {kind} certificate must be signed by a trusted CA.',
  },
  'cert.self_signed_ftp': {
    nl: 'Een zelfondertekend certificaat mag alleen voor een REST-account; een {kind}-account heeft een certificaat van een certificaatautoriteit nodig.',
    fr: "Un certificat auto-signé n'est admis que pour un compte REST ; un compte {kind} requiert un certificat émis par une autorité de certification.",
    de: 'Ein selbstsigniertes Zertifikat ist nur für ein REST-Konto erlaubt; ein {kind}-Konto braucht ein Zertifikat einer Zertifizierungsstelle.',
    en: 'A self-signed certificate is only allowed for a REST account; a {kind} account needs a certificate issued by a certificate authority.',
  },
  'cert.self_signed_key_usage': {
    nl: 'Een zelfondertekend certificaat moet het sleutelgebruik "digitale handtekening" (digitalSignature) hebben.',
    fr: "Un certificat auto-signé doit avoir l'usage de clé « signature numérique » (digitalSignature).",
    de: 'Ein selbstsigniertes Zertifikat muss die Schlüsselverwendung „digitale Signatur“ (digitalSignature) haben.',
    en: 'A self-signed certificate must have the key usage "digital signature" (digitalSignature).',
  },
  'cert.expired': {
    nl: 'Het certificaat is verlopen (geldig tot {notAfter}).',
    fr: 'Le certificat a expiré (valable jusqu’au {notAfter}).',
    de: 'Das Zertifikat ist abgelaufen (gültig bis {notAfter}).',
    en: 'The certificate has expired (valid until {notAfter}).',
  },
  'cert.not_yet_valid': {
    nl: 'Het certificaat is nog niet geldig (geldig vanaf {notBefore}).',
    fr: 'Le certificat n’est pas encore valable (valable à partir du {notBefore}).',
    de: 'Das Zertifikat ist noch nicht gültig (gültig ab {notBefore}).',
    en: 'The certificate is not valid yet (valid from {notBefore}).',
  },
  'cert.ftp_lifetime': {
    nl: 'Een FTP-certificaat mag in totaal hoogstens {max} dagen geldig zijn (dit certificaat: {days} dagen).',
    fr: 'Un certificat FTP peut être valable au maximum {max} jours au total (ce certificat : {days} jours).',
    de: 'Ein FTP-Zertifikat darf insgesamt höchstens {max} Tage gültig sein (dieses Zertifikat: {days} Tage).',
    en: 'An FTP certificate may be valid for at most {max} days in total (this certificate: {days} days).',
  },
  'ftp.username.empty': {
    nl: 'Vul een FTP-gebruikersnaam in.',
    fr: "Indiquez un nom d'utilisateur FTP.",
    de: 'Geben Sie einen FTP-Benutzernamen ein.',
    en: 'Enter an FTP username.',
  },
  'ftp.username.chars': {
    nl: 'Een FTP-gebruikersnaam bevat alleen letters a-z, A-Z en cijfers 0-9 (geen spaties of andere tekens).',
    fr: "Un nom d'utilisateur FTP ne contient que des lettres a-z, A-Z et des chiffres 0-9 (pas d'espaces ni d'autres caractères).",
    de: 'Ein FTP-Benutzername enthält nur Buchstaben a-z, A-Z und Ziffern 0-9 (keine Leerzeichen oder anderen Zeichen).',
    en: 'An FTP username contains only letters a-z, A-Z and digits 0-9 (no spaces or other characters).',
  },
  'ftp.username.length': {
    nl: 'Een FTP-gebruikersnaam heeft hoogstens 10 tekens.',
    fr: "Un nom d'utilisateur FTP compte au maximum 10 caractères.",
    de: 'Ein FTP-Benutzername hat höchstens 10 Zeichen.',
    en: 'An FTP username has at most 10 characters.',
  },
  'ftp.password.empty': {
    nl: 'Vul een FTP-wachtwoord in.',
    fr: 'Indiquez un mot de passe FTP.',
    de: 'Geben Sie ein FTP-Passwort ein.',
    en: 'Enter an FTP password.',
  },
  'ftp.password.length': {
    nl: 'Een FTP-wachtwoord heeft hoogstens 15 tekens.',
    fr: 'Un mot de passe FTP compte au maximum 15 caractères.',
    de: 'Ein FTP-Passwort hat höchstens 15 Zeichen.',
    en: 'An FTP password has at most 15 characters.',
  },
  'ftp.password.spaces': {
    nl: 'Een FTP-wachtwoord mag geen spaties bevatten.',
    fr: "Un mot de passe FTP ne peut pas contenir d'espaces.",
    de: 'Ein FTP-Passwort darf keine Leerzeichen enthalten.',
    en: 'An FTP password may not contain spaces.',
  },
  'ftp.password.special_count': {
    nl: 'Een FTP-wachtwoord bevat minstens 2 speciale tekens (geen letter of cijfer).',
    fr: 'Un mot de passe FTP contient au moins 2 caractères spéciaux (ni lettre ni chiffre).',
    de: 'Ein FTP-Passwort enthält mindestens 2 Sonderzeichen (weder Buchstabe noch Ziffer).',
    en: 'An FTP password contains at least 2 special characters (not a letter or digit).',
  },
  'ftp.password.special_chars': {
    nl: `Een FTP-wachtwoord mag alleen deze speciale tekens bevatten: ${SPECIALS}`,
    fr: `Un mot de passe FTP ne peut contenir que ces caractères spéciaux : ${SPECIALS}`,
    de: `Ein FTP-Passwort darf nur diese Sonderzeichen enthalten: ${SPECIALS}`,
    en: `An FTP password may only contain these special characters: ${SPECIALS}`,
  },
  // ── ChaMan's refusals (channels.service.ts) ──
  "chaman.sender_required": {
    nl: "Vul eerst de contactgegevens in (eerste aanmelding als verzender).",
    fr: "Complétez d'abord les coordonnées (première connexion en tant qu'expéditeur).",
    de: "Füllen Sie zuerst die Kontaktdaten aus (erste Anmeldung als Absender).",
    en: "Fill in the contact data first (first use as a sender).",
  },
  "chaman.one_per_kind": {
    nl: "Dit domein heeft al een {kind}-account: per domein kan er maar één zijn.",
    fr: "Ce domaine a déjà un compte {kind} : il ne peut y en avoir qu'un par domaine.",
    de: "Diese Domäne hat bereits ein {kind}-Konto: pro Domäne ist nur eines möglich.",
    en: "This domain already has a {kind} account: there can be only one per domain.",
  },
  "chaman.permission_required": {
    nl: "Selecteer ten minste één beveiligde machtiging.",
    fr: "Sélectionnez au moins une autorisation sécurisée.",
    de: "Wählen Sie mindestens eine gesicherte Berechtigung.",
    en: "Select at least one secured permission.",
  },
  "chaman.username_taken": {
    nl: "Deze FTP-gebruikersnaam is al in gebruik: kies een andere.",
    fr: "Ce nom d'utilisateur FTP est déjà utilisé : choisissez-en un autre.",
    de: "Dieser FTP-Benutzername ist bereits vergeben: Wählen Sie einen anderen.",
    en: "This FTP username is already taken: choose another one.",
  },
  "chaman.fingerprint_in_use": {
    nl: "Dit certificaat kan niet gebruikt worden: laad een ander certificaat op.",
    fr: "Ce certificat ne peut pas être utilisé : chargez un autre certificat.",
    de: "Dieses Zertifikat kann nicht verwendet werden: Laden Sie ein anderes Zertifikat hoch.",
    en: "This certificate cannot be used: upload another certificate.",
  },
  "chaman.not_intermediary": {
    nl: "Kies een technische tussenpersoon (softwareleverancier).",
    fr: "Choisissez un intermédiaire technique (fournisseur de logiciels).",
    de: "Wählen Sie einen technischen Vermittler (Softwareanbieter).",
    en: "Choose a technical intermediary (software vendor).",
  },
  "chaman.smals_not_for_online": {
    nl: "Voor OCMW Online kiest u uw softwareleverancier, niet Smals.",
    fr: "Pour CPAS en ligne, choisissez votre fournisseur de logiciels, pas Smals.",
    de: "Für ÖSHZ Online wählen Sie Ihren Softwareanbieter, nicht Smals.",
    en: "For OCMW Online choose your software vendor, not Smals.",
  },
  "chaman.account_not_found": {
    nl: "Dit account bestaat niet (meer).",
    fr: "Ce compte n'existe pas (plus).",
    de: "Dieses Konto existiert nicht (mehr).",
    en: "This account does not exist (any more).",
  },
  "chaman.certificate_of_vendor": {
    nl: "Het certificaat van dit REST-account beheert uw softwareleverancier, {intermediary}: vraag hem het certificaat te vernieuwen. Hij ziet het account onder ChaMan, bij de accounts die hij beheert.",
    fr: "Le certificat de ce compte REST est géré par votre fournisseur de logiciels, {intermediary} : demandez-lui de le renouveler. Il voit le compte dans ChaMan, parmi les comptes qu'il gère.",
    de: "Das Zertifikat dieses REST-Kontos verwaltet Ihr Softwareanbieter, {intermediary}: Bitten Sie ihn, das Zertifikat zu erneuern. Er sieht das Konto in ChaMan unter den Konten, die er verwaltet.",
    en: "The certificate of this REST account is managed by your software vendor, {intermediary}: ask them to renew it. They see the account in ChaMan, among the accounts they manage.",
  },
  "chaman.password_ftp_only": {
    nl: "Alleen een FTP- of SFTP-account heeft een wachtwoord; dit is een {kind}-account.",
    fr: "Seul un compte FTP ou SFTP a un mot de passe ; ceci est un compte {kind}.",
    de: "Nur ein FTP- oder SFTP-Konto hat ein Passwort; dies ist ein {kind}-Konto.",
    en: "Only an FTP or SFTP account has a password; this is a {kind} account.",
  },
  "chaman.delegation_not_found": {
    nl: "Dit delegatieverzoek bestaat niet.",
    fr: "Cette demande de délégation n'existe pas.",
    de: "Diese Delegationsanfrage existiert nicht.",
    en: "This delegation request does not exist.",
  },
  "chaman.delegation_not_pending": {
    nl: "Dit delegatieverzoek is niet meer in afwachting: het is {status}. Vernieuw de pagina om de huidige stand te zien.",
    fr: "Cette demande de délégation n'est plus en attente : elle est {status}. Actualisez la page pour voir son état actuel.",
    de: "Diese Delegationsanfrage ist nicht mehr ausstehend: Sie wurde {status}. Laden Sie die Seite neu, um den aktuellen Stand zu sehen.",
    en: "This delegation request is no longer pending: it was {status}. Reload the page to see its current state.",
  },
  "chaman.permissions_kind": {
    nl: "Deze machtiging past niet bij een {kind}-account.",
    fr: "Cette autorisation ne convient pas à un compte {kind}.",
    de: "Diese Berechtigung passt nicht zu einem {kind}-Konto.",
    en: "This permission does not fit a {kind} account.",
  },
  "cert.base64": {
    nl: "Het certificaatbestand is niet goed doorgegeven (base64): kies het bestand opnieuw.",
    fr: "Le fichier du certificat n'a pas été transmis correctement (base64) : sélectionnez à nouveau le fichier.",
    de: "Die Zertifikatsdatei wurde nicht korrekt übermittelt (Base64): Wählen Sie die Datei erneut aus.",
    en: "The certificate file was not passed correctly (base64): choose the file again.",
  },
  "cert.too_large": {
    nl: "Het certificaatbestand is te groot (maximaal 64 kB).",
    fr: "Le fichier du certificat est trop volumineux (maximum 64 ko).",
    de: "Die Zertifikatsdatei ist zu groß (maximal 64 kB).",
    en: "The certificate file is too large (at most 64 kB).",
  },
  "cert.refused": {
    nl: "Het certificaat voldoet niet aan de regels hieronder: laad een certificaat op dat eraan voldoet.",
    fr: "Le certificat ne respecte pas les règles ci-dessous : chargez un certificat qui les respecte.",
    de: "Das Zertifikat erfüllt die folgenden Regeln nicht: Laden Sie ein Zertifikat hoch, das sie erfüllt.",
    en: "The certificate does not meet the rules below: upload a certificate that does.",
  },
  "mail.cert_expiry.subject": {
    nl: "ChaMan: het certificaat \"{certificate}\" van account {account} vervalt op {date, date}",
    fr: "ChaMan : le certificat « {certificate} » du compte {account} expire le {date, date}",
    de: "ChaMan: Das Zertifikat „{certificate}“ des Kontos {account} läuft am {date, date} ab",
    en: "ChaMan: certificate \"{certificate}\" of account {account} expires on {date, date}",
  },
  "mail.cert_expiry.body": {
    nl: "Het certificaat \"{certificate}\" van het {kind}-account \"{account}\" vervalt binnen {days} dagen, op {date, date}.\nVingerafdruk (SHA-256): {fingerprint}\n\nLaad tijdig een nieuw certificaat op in ChaMan (Beheer van technische kanalen), anders werkt het kanaal niet meer. Beheert een softwareleverancier het certificaat, verwittig hem dan.\n\nDeze e-mail is automatisch verstuurd door het OCMW Portaal.",
    fr: "Le certificat « {certificate} » du compte {kind} « {account} » expire dans {days} jours, le {date, date}.\nEmpreinte (SHA-256) : {fingerprint}\n\nChargez à temps un nouveau certificat dans ChaMan (gestion des canaux techniques), sinon le canal ne fonctionnera plus. Si un fournisseur de logiciels gère le certificat, prévenez-le.\n\nCe courriel a été envoyé automatiquement par le portail CPAS.",
    de: "Das Zertifikat „{certificate}“ des {kind}-Kontos „{account}“ läuft in {days} Tagen ab, am {date, date}.\nFingerabdruck (SHA-256): {fingerprint}\n\nLaden Sie rechtzeitig ein neues Zertifikat in ChaMan hoch, sonst funktioniert der Kanal nicht mehr. Verwaltet ein Softwareanbieter das Zertifikat, benachrichtigen Sie ihn.\n\nDiese E-Mail wurde automatisch vom ÖSHZ-Portal gesendet.",
    en: "Certificate \"{certificate}\" of {kind} account \"{account}\" expires in {days} days, on {date, date}.\nFingerprint (SHA-256): {fingerprint}\n\nUpload a new certificate in ChaMan (technical channel management) in time, or the channel will stop working. If a software vendor manages the certificate, let them know.\n\nThis e-mail was sent automatically by the OCMW Portal.",
  },
  // ── the sender contact's notice of a new FTP/SFTP password ──
  'mail.ftp_password_reset.subject': {
    nl: 'ChaMan: nieuw wachtwoord voor het {kind}-account {account}',
    fr: 'ChaMan : nouveau mot de passe pour le compte {kind} {account}',
    de: 'ChaMan: neues Passwort für das {kind}-Konto {account}',
    en: 'ChaMan: new password for {kind} account {account}',
  },
  'mail.ftp_password_reset.body': {
    nl: 'Het {kind}-account "{account}" (gebruikersnaam {username}) heeft op {date, date} in ChaMan een nieuw wachtwoord gekregen. Het oude wachtwoord werkt niet meer; wie het kanaal gebruikt, heeft het nieuwe nodig.\n\nWist u hier niets van? Kijk in het auditlogboek van Toegangsbeheer wie het wachtwoord wijzigde, en geef het account in ChaMan opnieuw een nieuw wachtwoord.\n\nDeze e-mail is automatisch verstuurd door het OCMW Portaal. Het wachtwoord zelf staat er nooit in.',
    fr: "Le compte {kind} « {account} » (nom d'utilisateur {username}) a reçu un nouveau mot de passe dans ChaMan le {date, date}. L'ancien mot de passe ne fonctionne plus ; qui utilise le canal a besoin du nouveau.\n\nVous n'étiez pas au courant ? Consultez le journal d'audit de la gestion des accès pour savoir qui l'a modifié, et donnez à nouveau un nouveau mot de passe au compte dans ChaMan.\n\nCe courriel a été envoyé automatiquement par le portail CPAS. Il ne contient jamais le mot de passe.",
    de: 'Das {kind}-Konto „{account}“ (Benutzername {username}) hat am {date, date} in ChaMan ein neues Passwort erhalten. Das alte Passwort funktioniert nicht mehr; wer den Kanal nutzt, braucht das neue.\n\nWussten Sie nichts davon? Sehen Sie im Prüfprotokoll der Zugriffsverwaltung nach, wer das Passwort geändert hat, und geben Sie dem Konto in ChaMan erneut ein neues Passwort.\n\nDiese E-Mail wurde automatisch vom ÖSHZ-Portal gesendet. Das Passwort selbst steht nie darin.',
    en: '{kind} account "{account}" (username {username}) was given a new password in ChaMan on {date, date}. The old password no longer works; whoever uses the channel needs the new one.\n\nDid you not know about this? Look in the access management audit log to see who changed the password, and give the account a new password again in ChaMan.\n\nThis e-mail was sent automatically by the OCMW Portal. It never contains the password itself.',
  },
  // ── the platform administrators' alert on a certificate conflict (R3.10, issue 17) ──
  'mail.admin.cert_conflict.subject': {
    nl: 'ChaMan-conflict: een certificaat dat al in gebruik is, werd opnieuw opgeladen',
    fr: 'Conflit ChaMan : un certificat déjà utilisé a été chargé à nouveau',
    de: 'ChaMan-Konflikt: Ein bereits verwendetes Zertifikat wurde erneut hochgeladen',
    en: 'ChaMan conflict: a certificate already in use was uploaded again',
  },
  'mail.admin.cert_conflict.body': {
    nl: 'Een organisatie probeerde in ChaMan een certificaat te registreren dat al actief is op een ander account.\nOrganisatie: {organisation} ({kbo}); gebruiker-id {userId}.\nVingerafdruk (SHA-256): {fingerprint}; onderwerp: {subject}.\n\nHet certificaat werd geweigerd. Ga na of de eigenaar het moet vervangen of dat iemand zich voor hem uitgeeft.\n\nDeze e-mail is automatisch verstuurd door het OCMW Portaal.',
    fr: "Une organisation a tenté d'enregistrer dans ChaMan un certificat déjà actif sur un autre compte.\nOrganisation : {organisation} ({kbo}) ; identifiant de l'utilisateur {userId}.\nEmpreinte (SHA-256) : {fingerprint} ; sujet : {subject}.\n\nLe certificat a été refusé. Vérifiez si son propriétaire doit le remplacer ou si quelqu'un se fait passer pour lui.\n\nCe courriel a été envoyé automatiquement par le portail CPAS.",
    de: 'Eine Organisation hat versucht, in ChaMan ein Zertifikat zu registrieren, das bereits auf einem anderen Konto aktiv ist.\nOrganisation: {organisation} ({kbo}); Benutzer-ID {userId}.\nFingerabdruck (SHA-256): {fingerprint}; Inhaber: {subject}.\n\nDas Zertifikat wurde abgelehnt. Prüfen Sie, ob der Eigentümer es ersetzen muss oder ob sich jemand als er ausgibt.\n\nDiese E-Mail wurde automatisch vom ÖSHZ-Portal gesendet.',
    en: 'An organisation tried to register a certificate in ChaMan that is already active on another account.\nOrganisation: {organisation} ({kbo}); user id {userId}.\nFingerprint (SHA-256): {fingerprint}; subject: {subject}.\n\nThe certificate was refused. Check whether its owner must replace it or whether someone is impersonating them.\n\nThis e-mail was sent automatically by the OCMW Portal.',
  },
} satisfies Record<string, Entry>;

export type ChannelMessageKey = keyof typeof catalogue;

export const CHANNEL_MESSAGE_KEYS = Object.keys(catalogue) as ChannelMessageKey[];


export const channelMessages = defineMessages(catalogue);

export const isChannelMessageKey = channelMessages.has;

/** A delegation request's state as the sentence of `chaman.delegation_not_pending` says it, per language. */
export const DELEGATION_STATUS_WORDS: Record<string, LocalizedText> = {
  pending: { nl: 'nog in afwachting', fr: 'encore en attente', de: 'noch ausstehend', en: 'still pending' },
  accepted: { nl: 'aanvaard', fr: 'acceptée', de: 'angenommen', en: 'accepted' },
  refused: { nl: 'geweigerd', fr: 'refusée', de: 'abgelehnt', en: 'refused' },
  cancelled: { nl: 'ingetrokken', fr: 'retirée', de: 'zurückgezogen', en: 'withdrawn' },
};

/** Legacy text in a language (issue 18: new code passes `channelMessages.msg(key, params)` to the edge). */
export const channelMessage = channelMessages.text;
