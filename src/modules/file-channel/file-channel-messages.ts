/**
 * Texts of the file channel (issue 23) in the four portal languages: the SFTP status messages a
 * file-transfer client shows, and the refusals of the institutions' API.
 */
import { defineMessages, type Entry } from '../../shared/i18n.js';

const catalogue = {
  'file_channel.read_only': {
    nl: 'Deze map is alleen-lezen: opladen kan alleen in /in/.',
    fr: 'Ce dossier est en lecture seule : le dépôt se fait uniquement dans /in/.',
    de: 'Dieser Ordner ist schreibgeschützt: Hochladen nur in /in/.',
    en: 'This folder is read-only: uploads go to /in/ only.',
  },
  'file_channel.write_only': {
    nl: '/in/ neemt alleen bestanden aan; de ontvangstbevestiging staat in /ack/.',
    fr: '/in/ accepte uniquement des dépôts ; l’accusé de réception se trouve dans /ack/.',
    de: '/in/ nimmt nur Dateien an; die Empfangsbestätigung liegt in /ack/.',
    en: '/in/ only takes files; the acknowledgement is in /ack/.',
  },
  'file_channel.bad_name': {
    nl: 'De bestandsnaam begint met het KBO-nummer van de instelling (10 cijfers), dan _ en een naam van letters, cijfers, punt, _ of -.',
    fr: 'Le nom du fichier commence par le numéro BCE de l’institution (10 chiffres), puis _ et un nom fait de lettres, chiffres, point, _ ou -.',
    de: 'Der Dateiname beginnt mit der ZUD-Nummer der Einrichtung (10 Ziffern), dann _ und einem Namen aus Buchstaben, Ziffern, Punkt, _ oder -.',
    en: 'The file name starts with the institution’s KBO number (10 digits), then _ and a name of letters, digits, dot, _ or -.',
  },
  'file_channel.unknown_institution': {
    nl: 'Er is geen instelling met KBO-nummer {kbo}.',
    fr: 'Il n’y a pas d’institution avec le numéro BCE {kbo}.',
    de: 'Es gibt keine Einrichtung mit der ZUD-Nummer {kbo}.',
    en: 'There is no institution with KBO number {kbo}.',
  },
  'file_channel.too_large': {
    nl: 'Het bestand is groter dan {max} MiB.',
    fr: 'Le fichier dépasse {max} Mio.',
    de: 'Die Datei ist größer als {max} MiB.',
    en: 'The file is larger than {max} MiB.',
  },
  'file_channel.too_many_open': {
    nl: 'Te veel open bestanden op deze verbinding: sluit er eerst enkele.',
    fr: 'Trop de fichiers ouverts sur cette connexion : fermez-en d’abord quelques-uns.',
    de: 'Zu viele offene Dateien auf dieser Verbindung: Schließen Sie zuerst einige.',
    en: 'Too many open files on this connection: close some first.',
  },
  'file_channel.not_sequential': {
    nl: 'Een bestand wordt van voor naar achter geschreven, zonder gaten: dit stuk begint na het einde van wat al kwam.',
    fr: 'Un fichier s’écrit du début à la fin, sans trous : ce morceau commence après la fin de ce qui est déjà arrivé.',
    de: 'Eine Datei wird von vorne nach hinten geschrieben, ohne Lücken: Dieses Stück beginnt nach dem Ende des bereits Empfangenen.',
    en: 'A file is written from start to end, without holes: this part starts after the end of what has arrived.',
  },
  'file_channel.empty': {
    nl: 'Het bestand is leeg.',
    fr: 'Le fichier est vide.',
    de: 'Die Datei ist leer.',
    en: 'The file is empty.',
  },
  'file_channel.closed': {
    nl: 'Dit kanaal is niet meer actief.',
    fr: 'Ce canal n’est plus actif.',
    de: 'Dieser Kanal ist nicht mehr aktiv.',
    en: 'This channel is no longer active.',
  },
  'file_channel.no_mutations': {
    nl: 'Dit kanaal heeft de toelating "Mutaties RijksRegister" niet.',
    fr: 'Ce canal n’a pas l’autorisation « Mutations Registre national ».',
    de: 'Dieser Kanal hat die Berechtigung „Mutationen Nationalregister“ nicht.',
    en: 'This channel does not have the permission "Mutaties RijksRegister".',
  },
  'file_channel.no_ebox': {
    nl: 'Dit kanaal heeft geen toelating voor de bestanden in /ebox/ (NovaPRIMA of MediPrima): uw ChaMan-beheerder kan ze toevoegen.',
    fr: 'Ce canal n’a pas d’autorisation pour les fichiers de /ebox/ (NovaPRIMA ou MediPrima) : votre gestionnaire ChaMan peut l’ajouter.',
    de: 'Dieser Kanal hat keine Berechtigung für die Dateien in /ebox/ (NovaPRIMA oder MediPrima): Ihr ChaMan-Verwalter kann sie hinzufügen.',
    en: 'This channel has no permission for the files in /ebox/ (NovaPRIMA or MediPrima): your ChaMan manager can add one.',
  },
  'file_channel.not_supported': {
    nl: 'Deze bewerking is niet mogelijk op het bestandskanaal.',
    fr: 'Cette opération n’est pas possible sur le canal de fichiers.',
    de: 'Dieser Vorgang ist auf dem Dateikanal nicht möglich.',
    en: 'This operation is not possible on the file channel.',
  },
} satisfies Record<string, Entry>;

export const fileChannelMessages = defineMessages(catalogue);
