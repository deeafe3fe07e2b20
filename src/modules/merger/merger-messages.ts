/**
 * Texts of the merger engine (R7) in the four portal languages: refusals, the checklist's items
 * and details (worded as the guide words them, "geen acties nodig" included), and the plan's
 * action names. Shaped like the catalogue of src/shared/messages.ts. Isomorphic.
 */
import { defineMessages, type Entry } from '../../shared/i18n.js';


const catalogue = {
  'merger.rehearsal': {
    nl: 'Oefenfusie: probeer hier checklist, proefrun, omschakeling en ongedaan maken. Geen echte fusie.',
    fr: "Fusion d'exercice : essayez ici la liste de contrôle, la simulation, le basculement et son annulation. Ce n'est pas une vraie fusion.",
    de: 'Übungsfusion: Checkliste, Probelauf, Umstellung und Rückgängigmachen hier ausprobieren. Keine echte Fusion.',
    en: 'Rehearsal merger: try the checklist, dry run, cut-over and undo here. Not a real merger.',
  },
  'merger.not_found': { nl: 'Deze fusie bestaat niet.', fr: "Cette fusion n'existe pas.", de: 'Diese Fusion gibt es nicht.', en: 'This merger does not exist.' },
  'merger.blocker.no_htb': {
    nl: 'Het fusie-OCMW heeft nog geen hoofdtoegangsbeheerder (HTB). Importeer eerst het HTB-bestand van Vlaanderen.',
    fr: "Le CPAS fusionné n'a pas encore de gestionnaire d'accès principal. Importez d'abord le fichier des gestionnaires de la Flandre.",
    de: 'Das fusionierte ÖSHZ hat noch keinen Hauptzugangsverwalter. Importieren Sie zuerst die Datei aus Flandern.',
    en: 'The merged OCMW has no main access manager (HTB) yet. Import the HTB file from the region first.',
  },
  'merger.undo_too_late': {
    nl: 'Ongedaan maken kan alleen vóór de ingangsdatum ({date}): vanaf dan werken gebruikers en software met het fusie-OCMW.',
    fr: "L'annulation n'est possible qu'avant la date d'effet ({date}) : à partir de là, utilisateurs et logiciels travaillent avec le CPAS fusionné.",
    de: 'Rückgängig machen ist nur vor dem Inkrafttreten ({date}) möglich: ab dann arbeiten Benutzer und Software mit dem fusionierten ÖSHZ.',
    en: 'Undo is only possible before the effective date ({date}): from then on users and software work with the merged OCMW.',
  },
  'merger.undo_not_applied': {
    nl: 'Deze fusie is niet doorgevoerd: er is niets ongedaan te maken.',
    fr: "Cette fusion n'a pas été exécutée : il n'y a rien à annuler.",
    de: 'Diese Fusion wurde nicht durchgeführt: Es gibt nichts rückgängig zu machen.',
    en: 'This merger has not been applied: there is nothing to undo.',
  },
  'merger.already_applied': {
    nl: 'Deze fusie is al doorgevoerd.',
    fr: 'Cette fusion a déjà été exécutée.',
    de: 'Diese Fusion wurde bereits durchgeführt.',
    en: 'This merger has already been applied.',
  },
  'merger.locked_after_date': {
    nl: 'Een fusie kan alleen vóór haar ingangsdatum ({date}) gewijzigd of verwijderd worden.',
    fr: "Une fusion ne peut être modifiée ou supprimée qu'avant sa date d'effet ({date}).",
    de: 'Eine Fusion kann nur vor ihrem Inkrafttreten ({date}) geändert oder gelöscht werden.',
    en: 'A merger can only be changed or removed before its effective date ({date}).',
  },
  'merger.locked_applied': {
    nl: 'Deze fusie is doorgevoerd. Maak ze eerst ongedaan om ze te wijzigen of te verwijderen.',
    fr: "Cette fusion a été exécutée. Annulez-la d'abord pour la modifier ou la supprimer.",
    de: 'Diese Fusion wurde durchgeführt. Machen Sie sie zuerst rückgängig, um sie zu ändern oder zu löschen.',
    en: 'This merger has been applied. Undo it first to change or remove it.',
  },
  'merger.date_in_past': {
    nl: 'De ingangsdatum moet na vandaag ({today}) liggen.',
    fr: "La date d'effet doit être postérieure à aujourd'hui ({today}).",
    de: 'Das Inkrafttreten muss nach heute ({today}) liegen.',
    en: 'The effective date must be after today ({today}).',
  },
  'merger.htb_deadline_after': {
    nl: 'De deadline voor de hoofdtoegangsbeheerder moet vóór de ingangsdatum ({date}) liggen.',
    fr: "L'échéance pour le gestionnaire d'accès principal doit précéder la date d'effet ({date}).",
    de: 'Die Frist für den Hauptzugangsverwalter muss vor dem Inkrafttreten ({date}) liegen.',
    en: 'The deadline for the main access manager must be before the effective date ({date}).',
  },
  'merger.source_not_serving': {
    nl: '{name} bedient NIS {nis} niet op {date} (de dag vóór de ingangsdatum).',
    fr: '{name} ne dessert pas le code INS {nis} le {date} (la veille de la date d\'effet).',
    de: '{name} bedient NIS {nis} am {date} (dem Tag vor dem Inkrafttreten) nicht.',
    en: '{name} does not serve NIS {nis} on {date} (the day before the effective date).',
  },
  'merger.new_target_kbo_taken': {
    nl: 'Dit ondernemingsnummer hoort al bij {name}. Kies die organisatie als doel als ze een van de fuserende OCMW\'s is.',
    fr: "Ce numéro d'entreprise appartient déjà à {name}. Choisissez cette organisation comme cible si elle est l'un des CPAS qui fusionnent.",
    de: 'Diese Unternehmensnummer gehört bereits zu {name}. Wählen Sie diese Organisation als Ziel, wenn sie eines der fusionierenden ÖSHZ ist.',
    en: 'This enterprise number already belongs to {name}. Choose that organisation as the target if it is one of the merging OCMWs.',
  },
  'merger.code_taken': {
    nl: 'Er bestaat al een fusie met de code {code}.',
    fr: 'Une fusion avec le code {code} existe déjà.',
    de: 'Es gibt bereits eine Fusion mit dem Code {code}.',
    en: 'A merger with the code {code} already exists.',
  },
  'merger.unknown_organisation': {
    nl: 'Onbekende organisatie.',
    fr: 'Organisation inconnue.',
    de: 'Unbekannte Organisation.',
    en: 'Unknown organisation.',
  },
  'merger.not_an_ocmw': {
    nl: '{name} is geen OCMW.',
    fr: "{name} n'est pas un CPAS.",
    de: '{name} ist kein ÖSHZ.',
    en: '{name} is not an OCMW.',
  },
  'merger.unknown_nis': {
    nl: 'NIS-code {nis} is onbekend.',
    fr: 'Code INS {nis} inconnu.',
    de: 'NIS-Code {nis} ist unbekannt.',
    en: 'NIS code {nis} is unknown.',
  },
  'merger.unknown_action': {
    nl: 'Kies een van: {kinds}.',
    fr: "Choisissez l'une des valeurs : {kinds}.",
    de: 'Wählen Sie einen von: {kinds}.',
    en: 'Choose one of: {kinds}.',
  },
  'merger.csv.header': {
    nl: 'De kolommen moeten zijn: {columns}.',
    fr: 'Les colonnes doivent être : {columns}.',
    de: 'Die Spalten müssen sein: {columns}.',
    en: 'The columns must be: {columns}.',
  },
  'merger.csv.no_source': {
    nl: 'Rij {row}: geen OCMW bedient NIS {nis} op {date}.',
    fr: 'Ligne {row} : aucun CPAS ne dessert le code INS {nis} le {date}.',
    de: 'Zeile {row}: Kein ÖSHZ bedient NIS {nis} am {date}.',
    en: 'Row {row}: no OCMW serves NIS {nis} on {date}.',
  },
  'merger.csv.new_target_needs_kbo': {
    nl: 'Rij {row}: voor het nieuwe OCMW {name} is een ondernemingsnummer nodig (kolom target_kbo).',
    fr: "Ligne {row} : le nouveau CPAS {name} a besoin d'un numéro d'entreprise (colonne target_kbo).",
    de: 'Zeile {row}: Für das neue ÖSHZ {name} wird eine Unternehmensnummer benötigt (Spalte target_kbo).',
    en: 'Row {row}: the new OCMW {name} needs an enterprise number (column target_kbo).',
  },
  'merger.csv.inconsistent': {
    nl: 'Rij {row}: {field} verschilt van de vorige rijen van fusie {merger}.',
    fr: 'Ligne {row} : {field} diffère des lignes précédentes de la fusion {merger}.',
    de: 'Zeile {row}: {field} weicht von den vorherigen Zeilen der Fusion {merger} ab.',
    en: 'Row {row}: {field} differs from the earlier rows of merger {merger}.',
  },
  'merger.csv.row_field': {
    nl: 'Rij {row}, {field}: {problem}',
    fr: 'Ligne {row}, {field} : {problem}',
    de: 'Zeile {row}, {field}: {problem}',
    en: 'Row {row}, {field}: {problem}',
  },
  'merger.csv.unreadable': {
    nl: 'Het bestand is geen leesbare CSV ({reason}). Bewaar het als CSV (UTF-8, komma als scheidingsteken) en probeer opnieuw.',
    fr: "Le fichier n'est pas un CSV lisible ({reason}). Enregistrez-le en CSV (UTF-8, virgule comme séparateur) et réessayez.",
    de: 'Die Datei ist keine lesbare CSV-Datei ({reason}). Speichern Sie sie als CSV (UTF-8, Komma als Trennzeichen) und versuchen Sie es erneut.',
    en: 'The file is not a readable CSV ({reason}). Save it as CSV (UTF-8, comma-separated) and try again.',
  },
  'merger.clash': {
    nl: 'Een van deze OCMW\'s zit al in een fusie op {date}: {mergers}.',
    fr: 'Un de ces CPAS fait déjà partie d\'une fusion au {date} : {mergers}.',
    de: 'Eines dieser ÖSHZ ist bereits an einer Fusion zum {date} beteiligt: {mergers}.',
    en: 'One of these OCMWs is already in a merger on {date}: {mergers}.',
  },
  'merger.csv.row': {
    nl: 'Rij {row}: {problem}',
    fr: 'Ligne {row} : {problem}',
    de: 'Zeile {row}: {problem}',
    en: 'Row {row}: {problem}',
  },
  'merger.checklist.not_manual': {
    nl: 'Alleen deze punten worden met de hand afgevinkt: {items}. De andere volgen uit de gegevens.',
    fr: 'Seuls ces points sont cochés à la main : {items}. Les autres découlent des données.',
    de: 'Nur diese Punkte werden von Hand abgehakt: {items}. Die anderen ergeben sich aus den Daten.',
    en: 'Only these items are ticked by hand: {items}. The others follow from the data.',
  },
  'merger.checklist.no_such_item': {
    nl: 'Dit punt staat niet op de checklist van deze organisatie.',
    fr: "Ce point ne figure pas sur la liste de contrôle de cette organisation.",
    de: 'Dieser Punkt steht nicht auf der Checkliste dieser Organisation.',
    en: "This item is not on this organisation's checklist.",
  },
  // ── checklist items ──
  'merger.checklist.item.htb_known': {
    nl: 'Hoofdtoegangsbeheerder van het fusie-OCMW doorgegeven',
    fr: "Gestionnaire d'accès principal du CPAS fusionné communiqué",
    de: 'Hauptzugangsverwalter des fusionierten ÖSHZ gemeldet',
    en: 'Main access manager of the merged OCMW passed on',
  },
  'merger.checklist.item.access_reviewed': {
    nl: 'Huidig toegangsbeheer nagekeken',
    fr: 'Gestion des accès actuelle vérifiée',
    de: 'Aktuelle Zugangsverwaltung überprüft',
    en: 'Current access management reviewed',
  },
  'merger.checklist.item.ftp_account': { nl: 'ChaMan: FTP-account', fr: 'ChaMan : compte FTP', de: 'ChaMan: FTP-Konto', en: 'ChaMan: FTP account' },
  'merger.checklist.item.rest_account': { nl: 'ChaMan: REST-account', fr: 'ChaMan : compte REST', de: 'ChaMan: REST-Konto', en: 'ChaMan: REST account' },
  'merger.checklist.item.password_to_vendor': {
    nl: 'ChaMan: wachtwoord doorgegeven aan de softwareleverancier',
    fr: 'ChaMan : mot de passe transmis au fournisseur de logiciel',
    de: 'ChaMan: Passwort an den Softwareanbieter übermittelt',
    en: 'ChaMan: password passed to the software vendor',
  },
  'merger.checklist.item.config_mutations': {
    nl: 'OCMW-configuratie: mutaties',
    fr: 'Configuration CPAS : mutations',
    de: 'ÖSHZ-Konfiguration: Mutationen',
    en: 'OCMW configuration: mutations',
  },
  'merger.checklist.item.config_technical': {
    nl: 'OCMW-configuratie: technische dienstverleners',
    fr: 'Configuration CPAS : prestataires techniques',
    de: 'ÖSHZ-Konfiguration: technische Dienstleister',
    en: 'OCMW configuration: technical providers',
  },
  'merger.checklist.item.config_contact': {
    nl: 'OCMW-configuratie: contactgegevens',
    fr: 'Configuration CPAS : coordonnées',
    de: 'ÖSHZ-Konfiguration: Kontaktdaten',
    en: 'OCMW configuration: contact data',
  },
  'merger.checklist.item.config_online': {
    nl: 'OCMW-configuratie: OCMW Online',
    fr: 'Configuration CPAS : CPAS Online',
    de: 'ÖSHZ-Konfiguration: ÖSHZ Online',
    en: 'OCMW configuration: OCMW Online',
  },
  'merger.checklist.item.dossiers': {
    nl: 'Integraties / dossiers sociaal onderzoek / A036',
    fr: 'Intégrations / dossiers enquête sociale / A036',
    de: 'Integrationen / Sozialuntersuchungsakten / A036',
    en: 'Integrations / social investigation files / A036',
  },
  'merger.checklist.item.dossiers_vendor': {
    nl: 'Integraties / A036: door de softwareleverancier opnieuw ingevoerd',
    fr: 'Intégrations / A036 : réintroduites par le fournisseur de logiciel',
    de: 'Integrationen / A036: vom Softwareanbieter neu erfasst',
    en: 'Integrations / A036: re-entered by the software vendor',
  },
  'merger.checklist.item.form_clashes_reviewed': {
    nl: 'Botsende formulieren nagekeken',
    fr: 'Formulaires en conflit vérifiés',
    de: 'Kollidierende Formulare geprüft',
    en: 'Clashing forms reviewed',
  },
  'merger.checklist.item.tb_appointed': { nl: 'TB aanstellen', fr: 'Désigner un GA', de: 'ZV ernennen', en: 'Appoint a TB (access manager)' },
  'merger.checklist.item.uniek_verslag': { nl: 'Uniek verslag', fr: 'Rapport unique', de: 'Einheitlicher Bericht', en: 'Uniek verslag (annual report)' },
  // ── checklist details ──
  'merger.checklist.detail.no_action': { nl: 'Geen acties nodig.', fr: 'Aucune action nécessaire.', de: 'Keine Maßnahmen nötig.', en: 'No action needed.' },
  'merger.checklist.detail.htb_known': {
    nl: 'Het fusie-OCMW heeft een hoofdtoegangsbeheerder.',
    fr: "Le CPAS fusionné a un gestionnaire d'accès principal.",
    de: 'Das fusionierte ÖSHZ hat einen Hauptzugangsverwalter.',
    en: 'The merged OCMW has a main access manager.',
  },
  'merger.checklist.detail.htb_missing': {
    nl: 'Nog geen hoofdtoegangsbeheerder: geef die via het Excel-bestand aan Vlaanderen door.',
    fr: "Pas encore de gestionnaire d'accès principal : communiquez-le à la Flandre via le fichier Excel.",
    de: 'Noch kein Hauptzugangsverwalter: Melden Sie ihn über die Excel-Datei an Flandern.',
    en: 'No main access manager yet: pass one to the region in the Excel file.',
  },
  'merger.checklist.detail.access_update': {
    nl: 'Huidig toegangsbeheer "updaten": verwijder wie geen toegang meer nodig heeft (wordt naar het fusie-OCMW gekopieerd).',
    fr: "Mettre à jour la gestion des accès : retirez qui n'a plus besoin d'accès (copiée vers le CPAS fusionné).",
    de: 'Aktuelle Zugangsverwaltung aktualisieren: Entfernen Sie, wer keinen Zugang mehr braucht (wird ins fusionierte ÖSHZ kopiert).',
    en: 'Update the current access management: remove who no longer needs access (it is copied to the merged OCMW).',
  },
  'merger.checklist.detail.access_clean': {
    nl: 'Huidig toegangsbeheer "opkuisen" (beide OCMW\'s).',
    fr: 'Nettoyer la gestion des accès actuelle (les deux CPAS).',
    de: 'Aktuelle Zugangsverwaltung bereinigen (beide ÖSHZ).',
    en: 'Clean up the current access management (both OCMWs).',
  },
  'merger.checklist.detail.ftp_ok': {
    nl: 'Er is een FTP-account met een geldig certificaat.',
    fr: 'Un compte FTP avec un certificat valide existe.',
    de: 'Es gibt ein FTP-Konto mit einem gültigen Zertifikat.',
    en: 'An FTP account with a valid certificate exists.',
  },
  'merger.checklist.detail.ftp_missing': {
    nl: 'Maak vanaf de ingangsdatum een FTP-account met een geldig certificaat aan.',
    fr: "Créez à partir de la date d'effet un compte FTP avec un certificat valide.",
    de: 'Legen Sie ab dem Inkrafttreten ein FTP-Konto mit gültigem Zertifikat an.',
    en: 'From the effective date, create an FTP account with a valid certificate.',
  },
  'merger.checklist.detail.rest_ok': {
    nl: 'Er is een REST-account met een geldig certificaat.',
    fr: 'Un compte REST avec un certificat valide existe.',
    de: 'Es gibt ein REST-Konto mit einem gültigen Zertifikat.',
    en: 'A REST account with a valid certificate exists.',
  },
  'merger.checklist.detail.rest_missing': {
    nl: 'Maak een REST-account aan (of delegeer het aan uw softwareleverancier) met een geldig certificaat.',
    fr: 'Créez un compte REST (ou déléguez-le à votre fournisseur) avec un certificat valide.',
    de: 'Legen Sie ein REST-Konto an (oder delegieren Sie es an Ihren Anbieter) mit gültigem Zertifikat.',
    en: 'Create a REST account (or delegate it to your vendor) with a valid certificate.',
  },
  'merger.checklist.detail.password_to_vendor': {
    nl: 'Geef het FTP-wachtwoord door aan uw softwareleverancier en vink dit af.',
    fr: 'Transmettez le mot de passe FTP à votre fournisseur et cochez ce point.',
    de: 'Übermitteln Sie das FTP-Passwort an Ihren Anbieter und haken Sie dies ab.',
    en: 'Pass the FTP password to your software vendor and tick this.',
  },
  'merger.checklist.detail.section_ok': { nl: 'Ingevuld.', fr: 'Complété.', de: 'Ausgefüllt.', en: 'Filled in.' },
  'merger.checklist.detail.section_missing': { nl: 'Nog in te vullen.', fr: 'À compléter.', de: 'Noch auszufüllen.', en: 'Still to fill in.' },
  'merger.checklist.detail.forms_to_move': {
    nl: '{count} lopende formulieren worden bij de overgang stopgezet en onder het fusie-OCMW opnieuw ingevoerd.',
    fr: '{count} formulaires en cours seront arrêtés lors du passage et réintroduits sous le CPAS fusionné.',
    de: '{count} laufende Formulare werden beim Übergang beendet und unter dem fusionierten ÖSHZ neu erfasst.',
    en: '{count} running forms will be stopped at the cut-over and re-entered under the merged OCMW.',
  },
  'merger.checklist.detail.forms_moved': {
    nl: 'Doorgevoerd: de lopende formulieren zijn stopgezet en opnieuw ingevoerd.',
    fr: 'Exécuté : les formulaires en cours ont été arrêtés et réintroduits.',
    de: 'Durchgeführt: Die laufenden Formulare wurden beendet und neu erfasst.',
    en: 'Applied: the running forms were stopped and re-entered.',
  },
  'merger.checklist.detail.forms_clashes': {
    nl: '{count} lopende formulieren worden stopgezet; {clashes} ervan botsen met een lopend formulier van het fusie-OCMW en worden niet opnieuw ingevoerd. Kijk de lijst na en vink "Botsende formulieren nagekeken" af.',
    fr: '{count} formulaires en cours seront arrêtés ; {clashes} d\'entre eux sont en conflit avec un formulaire en cours du CPAS fusionné et ne seront pas réintroduits. Vérifiez la liste et cochez « Formulaires en conflit vérifiés ».',
    de: '{count} laufende Formulare werden beendet; {clashes} davon kollidieren mit einem laufenden Formular des fusionierten ÖSHZ und werden nicht neu erfasst. Prüfen Sie die Liste und haken Sie „Kollidierende Formulare geprüft“ ab.',
    en: '{count} running forms are stopped; {clashes} of them clash with a running form of the merged OCMW and are not re-entered. Review the list and tick "Clashing forms reviewed".',
  },
  'merger.checklist.detail.clashes_to_review': {
    nl: '{clashes} formulieren botsen met een lopend formulier van hetzelfde soort voor dezelfde persoon in het fusie-OCMW: ze worden stopgezet en niet opnieuw ingevoerd. Kijk na of het lopende formulier de periode dekt.',
    fr: '{clashes} formulaires sont en conflit avec un formulaire en cours du même type pour la même personne dans le CPAS fusionné : ils sont arrêtés et non réintroduits. Vérifiez que le formulaire en cours couvre la période.',
    de: '{clashes} Formulare kollidieren mit einem laufenden Formular derselben Art für dieselbe Person im fusionierten ÖSHZ: Sie werden beendet und nicht neu erfasst. Prüfen Sie, ob das laufende Formular den Zeitraum abdeckt.',
    en: '{clashes} forms clash with a running form of the same kind for the same person in the merged OCMW: they are stopped and not re-entered. Check that the running form covers the period.',
  },
  'merger.checklist.detail.tb_appointed': {
    nl: 'Het domein van het fusie-OCMW heeft een toegangsbeheerder (TB).',
    fr: "Le domaine du CPAS fusionné a un gestionnaire d'accès (GA).",
    de: 'Die Domäne des fusionierten ÖSHZ hat einen Zugangsverwalter (ZV).',
    en: "The merged OCMW's domain has an access manager (TB).",
  },
  'merger.checklist.detail.tb_missing': {
    nl: 'Het nieuwe OCMW start met co-TB\'s alleen, die geen gebruikers kunnen verwijderen. De HTB stelt na de overgang in Toegangsbeheer een TB aan.',
    fr: "Le nouveau CPAS démarre avec des co-GA uniquement, qui ne peuvent pas retirer d'utilisateurs. Après le passage, le GAP désigne un GA dans la gestion des accès.",
    de: 'Das neue ÖSHZ beginnt nur mit Co-ZV, die keine Benutzer entfernen können. Der HZV ernennt nach dem Übergang in der Zugangsverwaltung einen ZV.',
    en: 'The new OCMW starts with co-TBs only, who cannot remove users. After the cut-over the HTB appoints a TB in Toegangsbeheer.',
  },
  'merger.checklist.detail.forms_none': { nl: 'Geen lopende formulieren.', fr: 'Aucun formulaire en cours.', de: 'Keine laufenden Formulare.', en: 'No running forms.' },
  'merger.checklist.detail.forms_vendor': {
    nl: 'Uw softwareleverancier voert {count} lopende formulieren zelf opnieuw in; de overgang geeft u de lijst.',
    fr: 'Votre fournisseur réintroduit lui-même {count} formulaires en cours ; le passage vous en donne la liste.',
    de: 'Ihr Anbieter erfasst {count} laufende Formulare selbst neu; der Übergang liefert Ihnen die Liste.',
    en: 'Your software vendor re-enters {count} running forms itself; the cut-over gives you the list.',
  },
  'merger.checklist.detail.report_submitted': {
    nl: 'Uniek verslag {year} ingediend.',
    fr: 'Rapport unique {year} introduit.',
    de: 'Einheitlicher Bericht {year} eingereicht.',
    en: 'Uniek verslag {year} submitted.',
  },
  'merger.checklist.detail.report_draft': {
    nl: 'Uniek verslag {year} in ontwerp: nog indienen, aangemeld als dit OCMW.',
    fr: 'Rapport unique {year} en brouillon : à introduire, connecté en tant que ce CPAS.',
    de: 'Einheitlicher Bericht {year} im Entwurf: noch einreichen, angemeldet als dieses ÖSHZ.',
    en: 'Uniek verslag {year} in draft: still to submit, logged in as this OCMW.',
  },
  'merger.checklist.detail.report_missing': {
    nl: 'Uniek verslag {year} nog in te dienen door dit OCMW zelf.',
    fr: 'Rapport unique {year} encore à introduire par ce CPAS lui-même.',
    de: 'Einheitlicher Bericht {year} noch von diesem ÖSHZ selbst einzureichen.',
    en: 'Uniek verslag {year} still to be filed by this OCMW itself.',
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
} satisfies Record<string, Entry>;

export type MergerMessageKey = keyof typeof catalogue;


export const mergerMessages = defineMessages(catalogue);

export const isMergerMessageKey = mergerMessages.has;

/** Legacy text in a language (issue 18: new code passes `mergerMessages.msg(key, params)` to the edge). */
export const mergerMessage = mergerMessages.text;
