import { z } from 'zod';
import { isIsoDate } from './domain/clock.js';
import { DEFAULT_FILING_WINDOW, parseFilingWindow, type FilingWindow } from './modules/subsidy-report/index.js';
import { readTrustedCaFile } from './modules/channels/certificate-trust.js';
import { GUIDE_HELPDESK, type Helpdesk } from './modules/help/index.js';
import { DEFAULT_POW_MAX_NUMBER, PROOF_TTL_MS } from './modules/help-requests/citizen-proof.js';
import { parseOidcSettings, type OidcSettings } from './modules/auth/oidc-config.js';

/**
 * Configuration from the environment, parsed once at boot with zod. A wrong value stops the
 * process with a readable list of what is wrong, instead of failing later.
 */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  // The portal's address as its users reach it (links in what the CLI prints), e.g. https://ocmw.example.be
  OCMW_PUBLIC_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  DATABASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  OCMW_DATA_DIR: z.string().default('./data/db'),
  OCMW_TODAY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || isIsoDate(v), 'must be a date written YYYY-MM-DD'),
  OCMW_TEST_MODE: z.enum(['0', '1', 'true', 'false']).optional(),
  // Demo data: auto = outside production only; never is the old spelling of off.
  OCMW_SEED_DEMO: z.enum(['auto', 'on', 'off', 'never']).default('auto'),
  // Issue 19: the demo carries out the mergers dated up to this date (default: the business date).
  OCMW_DEMO_UNTIL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || isIsoDate(v), 'must be a date written YYYY-MM-DD'),
  OCMW_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 7).default(8),
  OCMW_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  OCMW_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('false'),
  OCMW_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  OCMW_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  OCMW_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  OCMW_LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  // Issue 17: the limits of the hardening, per source address (behind OCMW_TRUST_PROXY) or per user.
  OCMW_SESSION_MAX_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  OCMW_JSON_MAX_DEPTH: z.coerce.number().int().min(4).max(1000).default(32),
  OCMW_PUBLIC_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(1024).default(48),
  OCMW_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  OCMW_HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  OCMW_KEEP_ALIVE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(5),
  OCMW_INSZ_LOOKUPS_PER_HOUR: z.coerce.number().int().min(1).default(60),
  OCMW_LOGIN_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  OCMW_CITIZEN_SUBMISSIONS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  OCMW_CITIZEN_MAILS_PER_ADDRESS_PER_DAY: z.coerce.number().int().min(1).default(3),
  // The public form's proof of work: the HMAC key (default: made once in the database) and difficulty.
  OCMW_POW_SECRET: z.string().min(32, 'must be at least 32 characters').optional().or(z.literal('').transform(() => undefined)),
  OCMW_POW_MAX_NUMBER: z.coerce.number().int().min(1).max(100_000_000).default(DEFAULT_POW_MAX_NUMBER),
  OCMW_POW_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(PROOF_TTL_MS / 60_000),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('OCMW Portaal <no-reply@ocmw-portaal.invalid>'),
  OCMW_JOBS: z.enum(['on', 'off']).default('on'),
  // Test mode only: every job's schedule becomes "every minute" (the multi-instance test, N6).
  OCMW_JOBS_EVERY_MINUTE: z.enum(['0', '1', 'true', 'false']).optional(),
  OCMW_VENDOR_API: z.enum(['on', 'off']).default('on'),
  OCMW_VENDOR_PORT: z.coerce.number().int().min(0).max(65535).default(3443),
  VENDOR_TLS_CERT: z.string().optional(),
  VENDOR_TLS_KEY: z.string().optional(),
  // Issue 23: the SFTP file channel in the portal process; `off` disables it, 0 takes a free port (tests).
  OCMW_SFTP_PORT: z
    .union([z.literal('off'), z.coerce.number().int().min(0).max(65535)], { error: 'must be a port number (0–65535) or off' })
    .default(2222),
  OCMW_SFTP_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(100),
  OCMW_SFTP_EBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // GET /metrics (Prometheus) exists only with this token, sent as `Authorization: Bearer …`.
  OCMW_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional().or(z.literal('').transform(() => undefined)),
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
  /** The portal's address as users reach it (default http://localhost:PORT). */
  publicUrl: string;
  databaseUrl?: string;
  dataDir: string;
  fixedToday?: string;
  /** Test mode lets a request set the business date with the x-ocmw-today header. */
  testMode: boolean;
  /** Load the demo data into an empty database at start (OCMW_SEED_DEMO resolved; never in production). */
  seedDemo: boolean;
  /** Issue 19: the demo seed carries out the mergers dated up to this date (OCMW_DEMO_UNTIL; default the business date). */
  demoUntil?: string;
  sessionHours: number;
  secureCookies: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  logLevel: string;
  /** Bearer token of GET /metrics; without it the route does not exist. */
  metricsToken?: string;
  /** Issue 17: an absolute session lifetime (hours after login, however active the session). */
  sessionMaxHours: number;
  /** Issue 17: what one request may cost before anything refuses it. */
  http: { jsonMaxDepth: number; publicBodyLimit: number; requestTimeoutMs: number; headersTimeoutMs: number; keepAliveTimeoutMs: number };
  /** Issue 17: INSZ look-ups in the person directory per user per hour. */
  inszLookupsPerHour: number;
  /** Issue 17: after loginMaxFailures wrong passwords from one source, each further one doubles a delay from this, up to loginLockMinutes. */
  loginDelaySeconds: number;
  /** Issue 17: the citizen form: submissions per source per hour, acknowledgements per address per day, its proof of work. */
  citizen: { submissionsPerHour: number; mailsPerAddressPerDay: number; proof: { secret?: string; maxNumber: number; ttlMs: number } };
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
  /** Issue 23: the SFTP file channel (port null: off), the largest batch file, how long e-Box files stay in /ebox/. */
  sftp: { port: number | null; maxUploadBytes: number; eboxRetentionDays: number };
  /** R10.2: the filing window of the Uniek verslag (default 1 February to the end of February of the next year). */
  subsidyWindow: FilingWindow;
  /** R12.1: the helpdesk contacts (OCMW_HELPDESK_*; default the guide's). */
  helpdesk: Helpdesk;
  /** R3.9′: the PEM text of OCMW_TRUSTED_CA_FILE, trusted for FTP certificates besides the runtime's roots. */
  trustedCaPem?: string;
  /** Issue 21: identity providers (OIDC_*), the local login (OCMW_LOCAL_LOGIN) and the development provider (OCMW_DEV_IDP). */
  oidc: OidcSettings;
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
  const oidc = parseOidcSettings(env, e.NODE_ENV === 'production');
  if (!oidc.ok) throw new Error(`Invalid configuration:\n${oidc.problems.map((p) => `  ${p}`).join('\n')}`);
  if (e.NODE_ENV === 'production' && e.OCMW_SEED_DEMO === 'on') {
    throw new Error('Invalid configuration:\n  OCMW_SEED_DEMO: "on" is refused with NODE_ENV=production: demo accounts have published passwords');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.OCMW_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.OCMW_DATA_DIR,
    fixedToday: e.OCMW_TODAY || undefined,
    testMode,
    seedDemo: e.OCMW_SEED_DEMO === 'on' || (e.OCMW_SEED_DEMO === 'auto' && e.NODE_ENV !== 'production'),
    demoUntil: e.OCMW_DEMO_UNTIL || undefined,
    sessionHours: e.OCMW_SESSION_HOURS,
    secureCookies: e.OCMW_SECURE_COOKIES,
    trustProxy: truthy(e.OCMW_TRUST_PROXY),
    loginMaxFailures: e.OCMW_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.OCMW_LOGIN_LOCK_MINUTES,
    rateLimitPerMinute: e.OCMW_RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: e.OCMW_LOGIN_RATE_LIMIT_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.OCMW_METRICS_TOKEN,
    sessionMaxHours: e.OCMW_SESSION_MAX_HOURS,
    http: {
      jsonMaxDepth: e.OCMW_JSON_MAX_DEPTH,
      publicBodyLimit: e.OCMW_PUBLIC_BODY_LIMIT_KB * 1024,
      requestTimeoutMs: e.OCMW_REQUEST_TIMEOUT_SECONDS * 1000,
      headersTimeoutMs: e.OCMW_HEADERS_TIMEOUT_SECONDS * 1000,
      keepAliveTimeoutMs: e.OCMW_KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
    },
    inszLookupsPerHour: e.OCMW_INSZ_LOOKUPS_PER_HOUR,
    loginDelaySeconds: e.OCMW_LOGIN_DELAY_SECONDS,
    citizen: {
      submissionsPerHour: e.OCMW_CITIZEN_SUBMISSIONS_PER_HOUR,
      mailsPerAddressPerDay: e.OCMW_CITIZEN_MAILS_PER_ADDRESS_PER_DAY,
      proof: { secret: e.OCMW_POW_SECRET, maxNumber: e.OCMW_POW_MAX_NUMBER, ttlMs: e.OCMW_POW_TTL_MINUTES * 60_000 },
    },
    mail: { smtpUrl: e.SMTP_URL || undefined, from: e.MAIL_FROM },
    jobs: e.OCMW_JOBS === 'on',
    jobsEveryMinute: truthy(e.OCMW_JOBS_EVERY_MINUTE),
    vendor: { enabled: e.OCMW_VENDOR_API === 'on', port: e.OCMW_VENDOR_PORT, certFile: e.VENDOR_TLS_CERT || undefined, keyFile: e.VENDOR_TLS_KEY || undefined },
    sftp: { port: e.OCMW_SFTP_PORT === 'off' ? null : e.OCMW_SFTP_PORT, maxUploadBytes: e.OCMW_SFTP_MAX_UPLOAD_MB * 1_048_576, eboxRetentionDays: e.OCMW_SFTP_EBOX_RETENTION_DAYS },
    subsidyWindow: e.OCMW_SUBSIDY_WINDOW,
    trustedCaPem: e.OCMW_TRUSTED_CA_FILE,
    oidc: oidc.settings,
    helpdesk: { name: e.OCMW_HELPDESK_NAME, email: e.OCMW_HELPDESK_EMAIL, phoneNl: e.OCMW_HELPDESK_PHONE_NL, phoneFr: e.OCMW_HELPDESK_PHONE_FR, hours: e.OCMW_HELPDESK_HOURS },
  };
}
