import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('OCMW_SUBSIDY_WINDOW (the filing window of the Uniek verslag, R10.2)', () => {
  it.each([
    [undefined, { startMonthDay: '02-01', endMonthDay: '02-end' }],
    ['', { startMonthDay: '02-01', endMonthDay: '02-end' }],
    ['02-01..02-end', { startMonthDay: '02-01', endMonthDay: '02-end' }],
    ['01-15..03-31', { startMonthDay: '01-15', endMonthDay: '03-31' }],
  ])('reads %j as %j', (value, window) => {
    const config = loadConfig(value === undefined ? {} : { OCMW_SUBSIDY_WINDOW: value });
    expect(config.subsidyWindow).toEqual(window);
  });

  it.each([
    ['february', 'OCMW_SUBSIDY_WINDOW: "february" is not a window: write MM-DD..MM-DD (the end may be MM-end, the last day of that month), e.g. 02-01..02-end'],
    ['03-01..02-end', 'OCMW_SUBSIDY_WINDOW: the start 03-01 is after the end 02-end: the window lies within one calendar year'],
    ['02-01..02-30', 'OCMW_SUBSIDY_WINDOW: the end "02-30" is not a day of that month'],
  ])('stops the start on %j, saying what is wrong', (value, line) => {
    expect(() => loadConfig({ OCMW_SUBSIDY_WINDOW: value })).toThrow(`Invalid configuration:\n  ${line}`);
  });
});

describe('OCMW_JOBS_EVERY_MINUTE (the schedules of the multi-instance test, N6)', () => {
  it('is off by default', () => {
    expect(loadConfig({}).jobsEveryMinute).toBe(false);
  });

  it.each([{ NODE_ENV: 'test' }, { OCMW_TEST_MODE: '1' }])('is accepted in test mode (%j)', (mode) => {
    expect(loadConfig({ ...mode, OCMW_JOBS_EVERY_MINUTE: '1' }).jobsEveryMinute).toBe(true);
  });

  it('stops the start outside test mode: it would rewrite the schedules of every instance', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', OCMW_JOBS_EVERY_MINUTE: 'true' })).toThrow(
      'Invalid configuration:\n  OCMW_JOBS_EVERY_MINUTE: only in test mode (NODE_ENV=test or OCMW_TEST_MODE=1)',
    );
    expect(loadConfig({ NODE_ENV: 'production', OCMW_JOBS_EVERY_MINUTE: '0' }).jobsEveryMinute).toBe(false);
  });
});

describe('OCMW_SEED_DEMO (demo data only when asked, never in production)', () => {
  it.each([
    [{}, true],
    [{ OCMW_SEED_DEMO: 'auto' }, true],
    [{ OCMW_SEED_DEMO: 'on' }, true],
    [{ OCMW_SEED_DEMO: 'off' }, false],
    [{ OCMW_SEED_DEMO: 'never' }, false],
    [{ NODE_ENV: 'test' }, true],
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'production', OCMW_SEED_DEMO: 'auto' }, false],
    [{ NODE_ENV: 'production', OCMW_SEED_DEMO: 'off' }, false],
  ])('%j → %s', (env, seed) => {
    expect(loadConfig(env).seedDemo).toBe(seed);
  });

  it('refuses "on" in production, saying why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', OCMW_SEED_DEMO: 'on' })).toThrow('OCMW_SEED_DEMO: "on" is refused with NODE_ENV=production');
  });

  it.each(['yes', '1'])('refuses %j', (value) => {
    expect(() => loadConfig({ OCMW_SEED_DEMO: value })).toThrow('OCMW_SEED_DEMO');
  });
});

describe('OCMW_HELPDESK_* (the helpdesk contacts, R12.1)', () => {
  it.each([
    [{}, 'ocmw-cpas@smals.be', '08:30–16:30'],
    [{ OCMW_HELPDESK_EMAIL: 'help@regio.example', OCMW_HELPDESK_HOURS: '09:00–17:00' }, 'help@regio.example', '09:00–17:00'],
  ])('%j → %s, %s', (env, email, hours) => {
    expect(loadConfig(env).helpdesk).toMatchObject({ email, hours });
  });

  it.each([[{ OCMW_HELPDESK_EMAIL: 'no address' }, 'OCMW_HELPDESK_EMAIL'], [{ OCMW_HELPDESK_PHONE_NL: '   ' }, 'OCMW_HELPDESK_PHONE_NL']])('refuses %j at start, naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
  });
});

describe('OCMW_TRUSTED_CA_FILE (R3.9′)', () => {
  it.each([
    ['/does/not/exist.pem', 'cannot read'],
    ['package.json', 'holds no PEM certificate'],
  ])('refuses %s at start: %s', (file, problem) => {
    expect(() => loadConfig({ OCMW_TRUSTED_CA_FILE: file })).toThrow(problem);
  });

  it('keeps the PEM text of a readable bundle', async () => {
    const { trustedTestCaFile } = await import('../test/certificates.js');
    const file = await trustedTestCaFile();
    expect(loadConfig({ OCMW_TRUSTED_CA_FILE: file }).trustedCaPem).toContain('-----BEGIN CERTIFICATE-----');
  });
});
