import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv.js';

describe('neutraliseCell (issue 17, finding 4: CSV formula injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klik")', `'=HYPERLINK("http://evil.example","klik")`],
    ['+32 3 123 45 67', `'+32 3 123 45 67`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['Peeters', 'Peeters'],
    ['', ''],
    ['a=b', 'a=b'],
    ['2026-03-01', '2026-03-01'],
  ])('%j → %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it('writes every cell neutralised, with a BOM and ";"', () => {
    expect(toCsv([['naam', 'x'], ['=1+1', 'ok']]).toString('utf8')).toBe('\uFEFFnaam;x\n\'=1+1;ok\n');
  });
});
