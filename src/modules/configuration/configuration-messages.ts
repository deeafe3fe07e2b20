/**
 * Texts of the OCMW configuration (SPEC §5) in the four portal
 * languages: the refusals of the configuration service and schema. Isomorphic.
 */
import { defineMessages, type Entry } from '../../shared/i18n.js';

const catalogue = {
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
} satisfies Record<string, Entry>;

export type ConfigurationMessageKey = keyof typeof catalogue;

/** The module's messages: `configurationMessages.msg(key, params)` in the domain, `.text` at the edges. */
export const configurationMessages = defineMessages(catalogue);
