/**
 * Issue 19: when a cut-over action cannot work, and why — pure and isomorphic, so the merger page
 * disables the button with the reason the server gives when it refuses (cutover.service.ts:
 * `undo` refuses from the effective date on and when nothing was applied).
 */
import type { Message } from '../../shared/i18n.js';
import { mergerMessages } from './merger-messages.js';

/** Why undo is refused on `today`, or undefined when it can run. */
export function undoRefusal(merger: { effectiveDate: string; status: string }, today: string): Message | undefined {
  if (today >= merger.effectiveDate) return mergerMessages.msg('merger.undo_too_late', { date: merger.effectiveDate });
  if (merger.status !== 'applied') return mergerMessages.msg('merger.undo_not_applied');
  return undefined;
}
