/**
 * The one catalogue the edges render with (issue 18: keys inside, text at the edges): the shared
 * messages and each module's `<module>-messages.ts`, composed here like `services.ts` composes the
 * services. A key defined twice fails at start. The HTTP error handler, the vendor API, the CLI's
 * `renderError` and the mail renderer turn a `Message` into text with `catalogue.render(m, lang)`.
 */
import { composeCatalogue } from './shared/i18n.js';
import { sharedMessages } from './shared/messages.js';
import { validationMessages } from './shared/validation-messages.js';
import { channelMessages } from './modules/channels/channel-messages.js';
import { mailboxMessages } from './modules/mailbox/mailbox-messages.js';
import { mergerMessages } from './modules/merger/merger-messages.js';
import { subsidyMessages } from './modules/subsidy-report/subsidy-report-messages.js';

export const catalogue = composeCatalogue(
  sharedMessages.catalogue,
  validationMessages.catalogue,
  channelMessages.catalogue,
  mailboxMessages.catalogue,
  mergerMessages.catalogue,
  subsidyMessages.catalogue,
);
