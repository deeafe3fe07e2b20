import { describe, expect, it } from 'vitest';
import { parseEuros } from './amounts.js';

describe('parseEuros: amounts as people type them → exact cents', () => {
  const ok: [string, 'nl' | 'fr' | 'de' | 'en', number][] = [
    ['1000', 'nl', 100000],
    ['0', 'nl', 0],
    ['0,07', 'nl', 7],
    ['12,5', 'nl', 1250],
    ['12.5', 'nl', 1250],
    ['1234,56', 'nl', 123456],
    ['1234.56', 'nl', 123456],
    ['1.234', 'nl', 123400],
    ['1.234,56', 'nl', 123456],
    ['1.234.567,89', 'de', 123456789],
    ['1 234,56', 'fr', 123456],
    ['1\u00a0234,56', 'fr', 123456],
    ['1,234', 'en', 123400],
    ['1,234.56', 'en', 123456],
    ['1.234,56', 'en', 123456],
    ['€ 12,34', 'nl', 1234],
    ['125000,5', 'nl', 12500050],
    ['1000000000', 'nl', 100000000000],
    ['999.999.999,99', 'nl', 99999999999],
  ];
  it.each(ok)('%s (%s)', (input, language, cents) => {
    expect(parseEuros(input, language)).toEqual({ cents });
  });

  const refused: [string, 'nl' | 'en', string][] = [
    ['', 'nl', 'required'],
    ['   ', 'nl', 'required'],
    ['-5', 'nl', 'negative'],
    ['1,234', 'nl', 'decimals'],
    ['1.234', 'en', 'decimals'],
    ['1,005', 'nl', 'decimals'],
    ['1.234,567', 'nl', 'decimals'],
    ['12,50,1', 'nl', 'format'],
    ['1.2.3', 'nl', 'format'],
    ['abc', 'nl', 'format'],
    ['12,', 'nl', 'format'],
    ['1e5', 'nl', 'format'],
    ['1000000000,01', 'nl', 'max'],
    ['99999999999999999999', 'nl', 'max'],
  ];
  it.each(refused)('refuses %j (%s): %s', (input, language, problem) => {
    expect(parseEuros(input, language)).toEqual({ problem });
  });
});
