import { describe, expect, it } from 'vitest';
import { summaryLinks } from './form-errors.js';

describe('summaryLinks: "label: message" once (issue 19)', () => {
  it.each([
    ['Naam', 'Naam: Vul dit veld in.'],
    ['Andere:', 'Andere: Vul dit veld in.'],
    ['Autre :', 'Autre: Vul dit veld in.'],
  ])('%s', (label, expected) => {
    const links = summaryLinks({ attempt: 1, fields: { other: 'Vul dit veld in.' } }, { other: { id: 'f-other', label } });
    expect(links).toEqual([{ inputId: 'f-other', message: expected }]);
  });
});
