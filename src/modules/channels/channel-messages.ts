/**
 * Texts of the channel rule ids (certificates R3.9, FTP credentials R3.5/R3.6) in the four
 * portal languages, shaped like the catalogue of src/shared/messages.ts so they can move there.
 */
import { defineMessages, fill, type Entry, type Language, type Params } from '../../shared/i18n.js';


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
    nl: 'De keten van dit certificaat kan niet worden opgebouwd tot een vertrouwde certificeringsautoriteit (uitgever: {issuer}). Een FTP-certificaat moet ondertekend zijn door een vertrouwde CA.',
    fr: "La chaîne de ce certificat ne peut pas être construite jusqu'à une autorité de certification de confiance (émetteur : {issuer}). Un certificat FTP doit être signé par une AC de confiance.",
    de: 'Die Kette dieses Zertifikats lässt sich nicht bis zu einer vertrauenswürdigen Zertifizierungsstelle aufbauen (Aussteller: {issuer}). Ein FTP-Zertifikat muss von einer vertrauenswürdigen CA signiert sein.',
    en: 'The chain of this certificate cannot be built to a trusted certificate authority (issuer: {issuer}). An FTP certificate must be signed by a trusted CA.',
  },
  'cert.self_signed_ftp': {
    nl: 'Een zelfondertekend certificaat mag alleen voor een REST-account; voor FTP is een certificaat van een certificaatautoriteit nodig.',
    fr: "Un certificat auto-signé n'est admis que pour un compte REST ; pour FTP, il faut un certificat émis par une autorité de certification.",
    de: 'Ein selbstsigniertes Zertifikat ist nur für ein REST-Konto erlaubt; für FTP ist ein Zertifikat einer Zertifizierungsstelle nötig.',
    en: 'A self-signed certificate is only allowed for a REST account; FTP needs a certificate issued by a certificate authority.',
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
} satisfies Record<string, Entry>;

export type ChannelMessageKey = keyof typeof catalogue;

export const CHANNEL_MESSAGE_KEYS = Object.keys(catalogue) as ChannelMessageKey[];

export function isChannelMessageKey(key: string): key is ChannelMessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

export const channelMessages = defineMessages(catalogue);

/** Legacy text in a language (issue 18: new code passes `channelMessages.msg(key, params)` to the edge). */
export function channelMessage(key: ChannelMessageKey, lang: Language, params: Params = {}): string {
  return fill(catalogue[key][lang] ?? catalogue[key].nl, lang, params);
}
