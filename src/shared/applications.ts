/**
 * Secured applications (Beveiligde toepassingen) of the domain Maatschappelijk Welzijn (R2.8),
 * with a short description each. Isomorphic: the server checks permissions by these codes,
 * the UI shows the names and descriptions.
 */
import type { Language } from './messages.js';

type Text = Record<Language, string>;

export interface Application {
  code: string;
  name: Text;
  description: Text;
}

export const APPLICATIONS = [
  {
    code: 'afzender-administratie',
    name: { nl: 'Afzender - administratie', fr: 'Expéditeur - administration', de: 'Absender - Verwaltung', en: 'Sender - administration' },
    description: {
      nl: 'Beheer van de administratieve gegevens van de organisatie als afzender van aangiften.',
      fr: "Gestion des données administratives de l'organisation en tant qu'expéditeur de déclarations.",
      de: 'Verwaltung der Verwaltungsdaten der Organisation als Absender von Erklärungen.',
      en: 'Manages the organisation’s administrative data as a sender of declarations.',
    },
  },
  {
    code: 'chaman',
    name: { nl: 'ChaMan - Technisch kanaalbeheer', fr: 'ChaMan - Gestion des canaux techniques', de: 'ChaMan - Technische Kanalverwaltung', en: 'ChaMan - Technical channel management' },
    description: {
      nl: 'FTP-, SFTP-, SOAP- en REST-kanalen en hun certificaten beheren.',
      fr: 'Gérer les canaux FTP, SFTP, SOAP et REST et leurs certificats.',
      de: 'FTP-, SFTP-, SOAP- und REST-Kanäle und ihre Zertifikate verwalten.',
      en: 'Manage the FTP, SFTP, SOAP and REST channels and their certificates.',
    },
  },
  {
    code: 'ebox-rsz',
    name: { nl: 'Documenten RSZ in e-Box', fr: 'Documents ONSS dans l’e-Box', de: 'LSS-Dokumente in der e-Box', en: 'RSZ documents in the e-Box' },
    description: {
      nl: 'De documenten van de RSZ in de e-Box van de instelling lezen.',
      fr: "Lire les documents de l'ONSS dans l'e-Box de l'institution.",
      de: 'Die Dokumente des LSS in der e-Box der Einrichtung lesen.',
      en: 'Read the RSZ documents in the organisation’s e-Box.',
    },
  },
  {
    code: 'ebox-privileged',
    name: { nl: 'e-Box Bevoorrechte gebruiker', fr: 'e-Box Utilisateur privilégié', de: 'e-Box Privilegierter Benutzer', en: 'e-Box privileged user' },
    description: {
      nl: 'Documenten in de e-Box verwijderen en terugzetten.',
      fr: "Supprimer des documents de l'e-Box et les restaurer.",
      de: 'Dokumente in der e-Box löschen und wiederherstellen.',
      en: 'Delete documents in the e-Box and put them back.',
    },
  },
  {
    code: 'ebox',
    name: { nl: 'e-Box van de instelling', fr: "e-Box de l'institution", de: 'e-Box der Einrichtung', en: 'The organisation’s e-Box' },
    description: {
      nl: 'De beveiligde elektronische brievenbus van de organisatie raadplegen.',
      fr: "Consulter la boîte aux lettres électronique sécurisée de l'organisation.",
      de: 'Den gesicherten elektronischen Briefkasten der Organisation einsehen.',
      en: 'Read the organisation’s secure electronic mailbox.',
    },
  },
  {
    code: 'handiweb',
    name: { nl: 'Handiweb', fr: 'Handiweb', de: 'Handiweb', en: 'Handiweb' },
    description: {
      nl: 'Gegevens over tegemoetkomingen aan personen met een handicap raadplegen.',
      fr: 'Consulter les données relatives aux allocations aux personnes handicapées.',
      de: 'Daten über Beihilfen für Personen mit Behinderung einsehen.',
      en: 'Consult data on allowances for persons with disabilities.',
    },
  },
  {
    code: 'matchit-read',
    name: { nl: 'Match-It Alleen Lezen', fr: 'Match-It Lecture seule', de: 'Match-It Nur Lesen', en: 'Match-It read only' },
    description: {
      nl: 'Match-It raadplegen zonder te wijzigen.',
      fr: 'Consulter Match-It sans modifier.',
      de: 'Match-It einsehen, ohne zu ändern.',
      en: 'Consult Match-It without changing anything.',
    },
  },
  {
    code: 'matchit-loi',
    name: { nl: 'Match-It Bewonersbeheer LOI', fr: 'Match-It Gestion des résidents ILA', de: 'Match-It Bewohnerverwaltung LAI', en: 'Match-It LOI resident management' },
    description: {
      nl: 'De bewoners van het lokaal opvanginitiatief (LOI) beheren in Match-It.',
      fr: "Gérer les résidents de l'initiative locale d'accueil (ILA) dans Match-It.",
      de: 'Die Bewohner der lokalen Aufnahmeinitiative (LAI) in Match-It verwalten.',
      en: 'Manage the residents of the local reception initiative (LOI) in Match-It.',
    },
  },
  {
    code: 'meldpunt',
    name: { nl: 'Meldpunt voor partners', fr: 'Point de contact pour les partenaires', de: 'Meldestelle für Partner', en: 'Reporting point for partners' },
    description: {
      nl: 'Meldingen doen aan en opvolgen met de partners van de sociale zekerheid.',
      fr: 'Faire et suivre des signalements auprès des partenaires de la sécurité sociale.',
      de: 'Meldungen an die Partner der sozialen Sicherheit machen und verfolgen.',
      en: 'Report to and follow up with the social-security partners.',
    },
  },
  {
    code: 'privacy-officer',
    name: {
      nl: 'Functionaris voor gegevensbescherming en informatieveiligheid',
      fr: "Délégué à la protection des données et conseiller en sécurité de l'information",
      de: 'Datenschutzbeauftragter und Berater für Informationssicherheit',
      en: 'Data protection officer and information security adviser',
    },
    description: {
      nl: 'Het toegangslogboek van het OCMW doorzoeken en exporteren, de bewaartermijnen opvolgen en de verzoeken van burgers over hun gegevens behandelen.',
      fr: "Rechercher et exporter le journal des accès du CPAS, suivre les délais de conservation et traiter les demandes des citoyens relatives à leurs données.",
      de: 'Das Zugriffsprotokoll des ÖSHZ durchsuchen und exportieren, die Aufbewahrungsfristen verfolgen und die Anfragen der Bürger zu ihren Daten bearbeiten.',
      en: 'Search and export the OCMW’s access log, follow the retention periods and handle citizens’ requests about their data.',
    },
  },
  {
    code: 'sociale-agent',
    name: { nl: 'Sociale Agent (Sociale Agent van het OCMW)', fr: 'Agent social (agent social du CPAS)', de: 'Sozialagent (Sozialagent des ÖSHZ)', en: 'Social agent (the OCMW’s social agent)' },
    description: {
      nl: 'Dossiers, integraties en attesten van begunstigden beheren en hulpaanvragen behandelen.',
      fr: 'Gérer les dossiers, intégrations et attestations des bénéficiaires et traiter les demandes d’aide.',
      de: 'Akten, Integrationen und Bescheinigungen von Begünstigten verwalten und Hilfeanträge bearbeiten.',
      en: 'Manage beneficiaries’ dossiers, integrations and certificates, and handle help requests.',
    },
  },
  {
    code: 'ocmw-configuratie',
    name: { nl: 'OCMW-configuratie', fr: 'Configuration CPAS', de: 'ÖSHZ-Konfiguration', en: 'OCMW configuration' },
    description: {
      nl: 'Mutaties, technische dienstverleners, contactgegevens en OCMW Online-instellingen van het OCMW beheren.',
      fr: 'Gérer les mutations, prestataires techniques, coordonnées et paramètres CPAS en ligne du CPAS.',
      de: 'Mutationen, technische Dienstleister, Kontaktdaten und ÖSHZ-Online-Einstellungen verwalten.',
      en: 'Manage the OCMW’s mutations, technical providers, contact data and OCMW Online settings.',
    },
  },
  {
    code: 'ocmw-online',
    name: { nl: 'OCMW Online', fr: 'CPAS en ligne', de: 'ÖSHZ Online', en: 'OCMW Online' },
    description: {
      nl: 'De hulpaanvragen van burgers raadplegen en behandelen.',
      fr: "Consulter et traiter les demandes d'aide des citoyens.",
      de: 'Die Hilfeanträge der Bürger einsehen und bearbeiten.',
      en: 'Read and handle citizens’ help requests.',
    },
  },
  {
    code: 'uniek-verslag',
    name: { nl: 'Uniek verslag', fr: 'Rapport unique', de: 'Einheitlicher Bericht', en: 'Single report (Uniek verslag)' },
    description: {
      nl: 'Het jaarlijkse verslag over de subsidies invullen en indienen.',
      fr: 'Remplir et introduire le rapport annuel sur les subventions.',
      de: 'Den jährlichen Bericht über die Zuschüsse ausfüllen und einreichen.',
      en: 'Fill in and submit the annual subsidy report.',
    },
  },
] as const satisfies readonly Application[];

export type ApplicationCode = (typeof APPLICATIONS)[number]['code'];
export const APPLICATION_CODES = APPLICATIONS.map((a) => a.code) as [ApplicationCode, ...ApplicationCode[]];

export function isApplicationCode(code: string): code is ApplicationCode {
  return (APPLICATION_CODES as string[]).includes(code);
}

/**
 * R6.8: who reads an OCMW's help requests: a member with one of these applications. One list for
 * the server's check (help-requests.service), the "nobody reads this OCMW" query (issue 19) and
 * the web's navigation.
 */
export const HELP_REQUEST_READER_APPLICATIONS = ['ocmw-online', 'sociale-agent'] as const satisfies readonly ApplicationCode[];
