import { describe, expect, it } from 'vitest';
import { formatInsz, inszFromParts, kboFromBody, mentionedInsz, validateInsz, validateKbo, validateNis } from './identifiers.js';

describe('KBO (R0.1)', () => {
  it.each([
    ['0212.235.604', '0212235604'],
    ['0212235604', '0212235604'],
    ['0212 235 604', '0212235604'],
    ['BE0212235604', '0212235604'],
    ['BE 0212.235.604', '0212235604'],
    ['be0212-235-604', '0212235604'],
    ['212235604', '0212235604'], // the old 9-digit form
    ['212.235.604', '0212235604'],
    ['0406.798.006', '0406798006'],
    [' 0212235604 ', '0212235604'],
  ])('accepts %s as %s', (input, normalized) => {
    const r = validateKbo(input);
    expect(r).toMatchObject({ valid: true, normalized });
  });

  it.each([
    ['', 'kbo.empty'],
    ['   ', 'kbo.empty'],
    ['0212.235.605', 'kbo.checksum'],
    ['0212235614', 'kbo.checksum'],
    ['02122356', 'kbo.length'],
    ['02122356041', 'kbo.length'],
    ['0212A35604', 'kbo.chars'],
    ['2212235604', 'kbo.first_digit'],
    ['NL0212235604', 'kbo.chars'],
  ])('refuses %j with %s', (input, error) => {
    const r = validateKbo(input);
    expect(r.valid).toBe(false);
    expect(r.errors).toContain(error);
  });

  it('formats as 0212.235.604', () => {
    expect(validateKbo('212235604')).toMatchObject({ formatted: '0212.235.604' });
  });

  it('builds valid numbers from a body', () => {
    for (const body of ['09990001', '12345678', '00000097']) expect(validateKbo(kboFromBody(body)).valid).toBe(true);
  });
});

describe('INSZ (R0.2)', () => {
  it.each([
    ['85.07.30-033.28', '85073003328', 'born before 2000'],
    ['85073003328', '85073003328', 'without separators'],
    ['85 07 30 033 28', '85073003328', 'with spaces'],
    [inszFromParts('050101', 123, true), inszFromParts('050101', 123, true), 'born in 2005 (2-prefixed check)'],
    [inszFromParts('000229', 7, true), inszFromParts('000229', 7, true), 'born 29 Feb 2000'],
    [inszFromParts('852730', 33), inszFromParts('852730', 33), 'bis number, month + 20'],
    [inszFromParts('854730', 33), inszFromParts('854730', 33), 'bis number, month + 40'],
    [inszFromParts('850000', 1), inszFromParts('850000', 1), 'birth date unknown (00-00)'],
    [inszFromParts('852000', 2), inszFromParts('852000', 2), 'bis number with unknown date'],
  ])('accepts %s (%s)', (input, normalized) => {
    expect(validateInsz(input)).toMatchObject({ valid: true, normalized });
  });

  it.each([
    ['', 'insz.empty'],
    ['85.07.30-033.29', 'insz.checksum'],
    ['8507300332', 'insz.length'],
    ['850730033281', 'insz.length'],
    ['85O73003328', 'insz.chars'],
    [inszFromParts('851330', 33), 'insz.date'], // month 13
    [inszFromParts('850231', 33), 'insz.date'], // 31 February
    [inszFromParts('010229', 5, true), 'insz.date'], // 2001 is no leap year
    [inszFromParts('850730', 0), 'insz.serial'],
    [inszFromParts('850730', 999), 'insz.serial'],
  ])('refuses %j with %s', (input, error) => {
    const r = validateInsz(input);
    expect(r.valid).toBe(false);
    expect(r.errors).toContain(error);
  });

  it('uses the 2000+ check only when the pre-2000 check fails', () => {
    const before = inszFromParts('050101', 123, false); // someone born 1905
    const after = inszFromParts('050101', 123, true); // someone born 2005
    expect(before).not.toBe(after);
    expect(validateInsz(before).valid).toBe(true);
    expect(validateInsz(after).valid).toBe(true);
  });

  it('formats as 85.07.30-033.28', () => {
    expect(formatInsz('85073003328')).toBe('85.07.30-033.28');
  });
});

describe('NIS (R0.3)', () => {
  it.each([['11002'], ['46030'], ['93090'], ['21004']])('accepts %s', (input) => {
    expect(validateNis(input)).toMatchObject({ valid: true, normalized: input });
  });
  it.each([
    ['', 'nis.empty'],
    ['1100', 'nis.length'],
    ['110021', 'nis.length'],
    ['11OO2', 'nis.chars'],
    ['11000', 'nis.not_municipality'],
    ['01001', 'nis.not_municipality'],
  ])('refuses %j with %s', (input, error) => {
    expect(validateNis(input).errors).toContain(error);
  });
});

describe('an INSZ named in a text (issue 24: whose e-Box document it is)', () => {
  it.each([
    [['Beslissing 85073003328'], ['85073003328']],
    [['Beslissing 85.07.30-033.28 leefloon'], ['85073003328']],
    [['85073003328', 'bijlage-85.07.30-033.28.pdf'], ['85073003328']],
    [['Dossier 85073003328 en 00010100105'], ['85073003328', '00010100105']],
    [['ref 850730033281'], []],
    [['ref 185073003328'], []],
    [['rekening 85073003329'], []],
    [['geen nummer', null, undefined], []],
  ] as const)('%j names %j', (texts, expected) => {
    expect(mentionedInsz(...texts)).toEqual(expected);
  });
});
