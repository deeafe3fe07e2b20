import { loadReferenceData } from '../modules/registry/index.js';

let codes: Set<string> | undefined;

/** Every municipality NIS code in the shipped REFNIS data (current and merged away). */
export function knownNisCodes(): Set<string> {
  codes ??= new Set(loadReferenceData().municipalities.map((m) => m.nis));
  return codes;
}
