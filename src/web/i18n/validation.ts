import type { Params } from '../../shared/i18n.js';
import { validationMessages, type ValidationKey } from '../../shared/validation-messages.js';
import { currentLanguage, type UiLanguage } from './index.js';
import { renderMessage } from './messages.js';

/**
 * A validation message of the shared catalogue (src/shared/validation-messages.ts) in the UI
 * language: a form's own check says "Dit veld is verplicht." in the words the server's answer
 * uses, not in a copy of its own (issue 18).
 */
export function validationText(key: ValidationKey, params?: Params, language: UiLanguage = currentLanguage()): string {
  return renderMessage(validationMessages.msg(key, params), language);
}
