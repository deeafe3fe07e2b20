import { describe, expect, it } from 'vitest';
import { eboxDocumentReads } from './ebox-reads.js';

describe('eboxDocumentReads: one read per person a document names (issue 24)', () => {
  it.each([
    { texts: ['Attest'], insz: [null] },
    { texts: ['Beslissing 85.07.30-033.28', null], insz: ['85073003328'] },
    { texts: ['85073003328 en 85073003427', 'zie 85073003328'], insz: ['85073003328', '85073003427'] },
    { texts: [], insz: [null] },
  ])('$texts → $insz', ({ texts, insz }) => {
    const reads = eboxDocumentReads('ebox-document.read', 'd1', texts);
    expect(reads.map((r) => r.insz).sort()).toEqual([...insz].sort());
    expect(reads.every((r) => r.objectId === 'd1' && r.objectKind === 'ebox-document' && r.action === 'ebox-document.read')).toBe(true);
  });
});
