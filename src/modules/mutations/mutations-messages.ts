/**
 * Texts of the mutation subscriptions (SPEC §5.2) in the four portal languages: the rules of a
 * subscription's subtype. Isomorphic: the configuration form shows the same words before sending.
 */
import { defineMessages, type Entry } from '../../shared/i18n.js';

const catalogue = {
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
} satisfies Record<string, Entry>;

/** The module's messages: `mutationMessages.msg(key, params)` in the domain, `.text` at the edges. */
export const mutationMessages = defineMessages(catalogue);
