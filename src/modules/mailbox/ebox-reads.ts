import { mentionedInsz } from '../../shared/identifiers.js';

/**
 * Issue 24: what showing one e-Box document reads, for the access log: one read per person it
 * names (the e-Box has no person field; its texts carry the INSZ), or one without an INSZ when it
 * names none. `texts` are what was shown (title, body, attachment name). The portal's routes and
 * the SFTP /ebox/ folder record the same.
 */
export function eboxDocumentReads(action: string, id: string, texts: readonly (string | null | undefined)[]): { action: string; objectKind: 'ebox-document'; objectId: string; insz: string | null }[] {
  const persons = mentionedInsz(...texts);
  return persons.length ? persons.map((insz) => ({ action, objectKind: 'ebox-document' as const, objectId: id, insz })) : [{ action, objectKind: 'ebox-document' as const, objectId: id, insz: null }];
}
