import { z } from 'zod';
import { isIsoDate } from './domain/clock.js';
import { DEFAULT_FILING_WINDOW, parseFilingWindow, type FilingWindow } from './modules/subsidy-report/index.js';
import { readTrustedCaFile } from './modules/channels/certificate-trust.js';
import { GUIDE_HELPDESK, type Helpdesk } from './modules/help/index.js';

/**
 * Configuration from the environment, parsed once at boot with zod. A wrong value stops the
 * process with a readable list of what is wrong, instead of failing later.
 */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  OCMW_DATA_DIR: z.string().default('./data/db'),
  OCMW_TODAY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || isIsoDate(v), 'must be a date written YYYY-MM-DD'),
  OCMW_TEST_MODE: z.enum(['0', '1', 'true', 'false']).optional(),
  OCMW_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  OCMW_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 7).default(8),
  OCMW_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  OCMW_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('false'),
  OCMW_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  OCMW_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  OCMW_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  OCMW_LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('OCMW Portaal <no-reply@ocmw-portaal.invalid>'),
  OCMW_JOBS: z.enum(['on', 'off']).default('on'),
  // Test mode only: every job's schedule becomes "every minute" (the multi-instance test, N6).
  OCMW_JOBS_EVERY_MINUTE: z.enum(['0', '1', 'true', 'false']).optional(),
  OCMW_VENDOR_API: z.enum(['on', 'off']).default('on'),
  OCMW_VENDOR_PORT: z.coerce.number().int().min(0).max(65535).default(3443),
  VENDOR_TLS_CERT: z.string().optional(),
  VENDOR_TLS_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // R10.2: when the Uniek verslag of a year can be submitted, in the following year.
  OCMW_SUBSIDY_WINDOW: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return DEFAULT_FILING_WINDOW;
      const parsed = parseFilingWindow(v);
      if (parsed.ok) return parsed.window;
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }),
  // R12.1: the helpdesk on the help page and in the scenario guidance (default: the guide's).
  OCMW_HELPDESK_NAME: z.string().trim().min(1).max(200).default(GUIDE_HELPDESK.name),
  OCMW_HELPDESK_EMAIL: z.email().default(GUIDE_HELPDESK.email),
  OCMW_HELPDESK_PHONE_NL: z.string().trim().min(1).max(50).default(GUIDE_HELPDESK.phoneNl),
  OCMW_HELPDESK_PHONE_FR: z.string().trim().min(1).max(50).default(GUIDE_HELPDESK.phoneFr),
  OCMW_HELPDESK_HOURS: z.string().trim().min(1).max(100).default(GUIDE_HELPDESK.hours),
  // R3.9′: the operator's PEM bundle of trusted root and intermediate CAs (besides the runtime's roots).
  OCMW_TRUSTED_CA_FILE: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const read = readTrustedCaFile(v);
      if (read.ok) return read.pem;
      ctx.addIssue({ code: 'custom', message: read.problem });
      return z.NEVER;
    }),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  fixedToday?: string;
  /** Test mode lets a request set the business date with the x-ocmw-today header. */
  testMode: boolean;
  seedDemo: 'auto' | 'never';
  sessionHours: number;
  secureCookies: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  logLevel: string;
  mail: { smtpUrl?: string; from: string };
  /** Run the scheduled jobs (pg-boss) in this process. */
  jobs: boolean;
  /**
   * Test mode only: the schedules fire every minute instead of once a day, so a test can watch
   * several real instances share one day's jobs. Schedules live in the database: this rewrites
   * them for every instance on it until one starts without it.
   */
  jobsEveryMinute: boolean;
  /** The vendor API (R6.9): its own HTTPS port with mutual TLS; PEM files of the server certificate. */
  vendor: { enabled: boolean; port: number; certFile?: string; keyFile?: string };
  /** R10.2: the filing window of the Uniek verslag (default 1 February to the end of February of the next year). */
  subsidyWindow: FilingWindow;
  /** R12.1: the helpdesk contacts (OCMW_HELPDESK_*; default the guide's). */
  helpdesk: Helpdesk;
  /** R3.9′: the PEM text of OCMW_TRUSTED_CA_FILE, trusted for FTP certificates besides the runtime's roots. */
  trustedCaPem?: string;
}

const truthy = (v: string | undefined) => v === '1' || v === 'true';

/** Parses the environment; throws an Error listing every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const testMode = e.NODE_ENV === 'test' || truthy(e.OCMW_TEST_MODE);
  if (truthy(e.OCMW_JOBS_EVERY_MINUTE) && !testMode) {
    throw new Error(
      'Invalid configuration:\n  OCMW_JOBS_EVERY_MINUTE: only in test mode (NODE_ENV=test or OCMW_TEST_MODE=1): it rewrites the daily schedules shared by every instance on the database',
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.OCMW_DATA_DIR,
    fixedToday: e.OCMW_TODAY || undefined,
    testMode,
    seedDemo: e.OCMW_SEED_DEMO,
    sessionHours: e.OCMW_SESSION_HOURS,
    secureCookies: e.OCMW_SECURE_COOKIES,
    trustProxy: truthy(e.OCMW_TRUST_PROXY),
    loginMaxFailures: e.OCMW_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.OCMW_LOGIN_LOCK_MINUTES,
    rateLimitPerMinute: e.OCMW_RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: e.OCMW_LOGIN_RATE_LIMIT_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    mail: { smtpUrl: e.SMTP_URL || undefined, from: e.MAIL_FROM },
    jobs: e.OCMW_JOBS === 'on',
    jobsEveryMinute: truthy(e.OCMW_JOBS_EVERY_MINUTE),
    vendor: { enabled: e.OCMW_VENDOR_API === 'on', port: e.OCMW_VENDOR_PORT, certFile: e.VENDOR_TLS_CERT || undefined, keyFile: e.VENDOR_TLS_KEY || undefined },
    subsidyWindow: e.OCMW_SUBSIDY_WINDOW,
    trustedCaPem: e.OCMW_TRUSTED_CA_FILE,
    helpdesk: { name: e.OCMW_HELPDESK_NAME, email: e.OCMW_HELPDESK_EMAIL, phoneNl: e.OCMW_HELPDESK_PHONE_NL, phoneFr: e.OCMW_HELPDESK_PHONE_FR, hours: e.OCMW_HELPDESK_HOURS },
  };
}
