import { z } from 'zod';

/** R12.1: the helpdesk contacts shown on the help page and in the scenario guidance (isomorphic). */
export const Helpdesk = z.object({
  name: z.string(),
  email: z.string(),
  phoneNl: z.string(),
  phoneFr: z.string(),
  /** Opening hours as the operator writes them, e.g. "08:30–16:30". */
  hours: z.string(),
});
export type Helpdesk = z.infer<typeof Helpdesk>;

/** The guide's helpdesk ("Vragen": Helpdesk OCMW's-CPAS); the operator changes it with OCMW_HELPDESK_*. */
export const GUIDE_HELPDESK: Helpdesk = {
  name: "Helpdesk OCMW's-CPAS",
  email: 'ocmw-cpas@smals.be',
  phoneNl: '02 787 58 27',
  phoneFr: '02 787 58 28',
  hours: '08:30–16:30',
};
