/**
 * The server's message keys in the browser (issue 18): the shared messages, the validation
 * messages and the module messages a form shows, composed like src/messages.ts, so a form says
 * what the server would say — in the same words, before sending.
 */
import { composeCatalogue, type Language, type Message } from '../../shared/i18n.js';
import { sharedMessages } from '../../shared/messages.js';
import { auditMessages } from '../../modules/audit/audit-messages.js';
import { configurationMessages } from '../../modules/configuration/configuration-messages.js';
import { dossierMessages } from '../../modules/dossiers/dossiers-messages.js';
import { helpRequestMessages } from '../../modules/help-requests/help-requests-messages.js';
import { mergerMessages } from '../../modules/merger/merger-messages.js';
import { accessLogMessages } from '../../modules/privacy/access-log-messages.js';
import { issueToMessage, validationMessages, type IssueLike } from '../../shared/validation-messages.js';

// The contracts' refinements are shown before sending: the dossier form's (dossier.subtype_kind,
// dossier.end_before_start), the citizen form's (online.kind_required, …) and the configuration's;
// the merger's refusals (cutover-rules.ts) beside a button that cannot work.
export const webCatalogue = composeCatalogue(
  sharedMessages.catalogue,
  validationMessages.catalogue,
  dossierMessages.catalogue,
  auditMessages.catalogue,
  helpRequestMessages.catalogue,
  configurationMessages.catalogue,
  mergerMessages.catalogue,
  // The access log's channels and actions: the page shows the labels its export writes.
  accessLogMessages.catalogue,
);

/** A message (key + parameters) in the UI language. */
export function renderMessage(message: Message, language: Language): string {
  return webCatalogue.render(message, language);
}

/** A zod issue of a shared contract as the text a person reads, in the UI language. */
export function issueText(issue: IssueLike, language: Language): string {
  return webCatalogue.render(issueToMessage(issue, (key) => webCatalogue.has(key)), language);
}

/** Field → text for every issue at once (the first issue of each field), keyed by the issue's top-level field. */
export function fieldTexts(issues: readonly (IssueLike & { path: readonly PropertyKey[] })[], language: Language): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '_';
    fields[field] ??= issueText(issue, language);
  }
  return fields;
}
