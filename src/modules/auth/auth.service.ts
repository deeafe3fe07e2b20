import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { AppError } from '../../shared/errors.js';
import type { Language } from '../../shared/i18n.js';
import { accessRepo, burnVerification, verifyPassword, type AccessService, type ManagementService } from '../access/index.js';
import type { Role, RoleChoice } from './auth.schema.js';
import { authMessages } from './auth-messages.js';
import * as repo from './sessions.repo.js';
import * as oidcRepo from './oidc.repo.js';
import { clearAttempts, purgeQuietThrottles, reserveAttempt, throttleKey } from '../../db/lockout.js';

export interface AuthConfig {
  sessionHours: number;
  loginMaxFailures: number;
  /** Issue 17: hours after login when a session ends, however active (default 12). */
  sessionMaxHours?: number;
  /** The longest delay between tries once a name is throttled from a source. */
  loginLockMinutes: number;
  /** The first delay after loginMaxFailures wrong passwords from one source; it doubles each time. */
  loginDelaySeconds?: number;
  /** Issue 21: false (OCMW_LOCAL_LOGIN=off): passwords only for platform administrators (break-glass). */
  localLogin?: boolean;
}

/** A session opened through an identity provider (issue 21): the provider and the ID token (logout hint). */
export interface OidcOrigin {
  providerId: string;
  idToken: string;
}

export interface AuthDeps {
  db: Db;
  clock: Clock;
  access: AccessService;
  management: ManagementService;
  config: AuthConfig;
}

/** Who is making a request: the person and the organisation/domain/role chosen for the session. */
export interface Actor {
  userId: string;
  username: string;
  /** The person's own language (their account's setting): the edges' fallback after Accept-Language. */
  language: Language;
  sessionIdHash: string;
  csrfToken: string;
  /** Null until the person has chosen (R2.13). */
  context: RoleChoice | null;
  /** A temporary password: the session may only change it (issue 16). */
  mustChangePassword: boolean;
  /** When the person logged in: the session ends sessionMaxHours later, whatever its use. */
  loggedInAt: Date;
  /** Issue 21: the identity provider the person signed in through; null after a password login. */
  signedInWith: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Login, sessions and the organisation choice (R2.13); sessions live in the database (N6). */
export function createAuthService({ db, clock, access, management, config }: AuthDeps) {
  const msg = authMessages.msg;
  const ttlMs = config.sessionHours * 3_600_000;
  const maxMs = (config.sessionMaxHours ?? 12) * 3_600_000;
  /** Sliding expiry, never beyond the absolute lifetime counted from the login. */
  const expiryOf = (now: Date, loggedInAt: Date) => new Date(Math.min(now.getTime() + ttlMs, loggedInAt.getTime() + maxMs));
  const throttle = { maxFailures: config.loginMaxFailures, delaySeconds: config.loginDelaySeconds ?? 30, maxDelayMinutes: config.loginLockMinutes };

  async function createSession(userId: string, context: RoleChoice | null, loggedInAt?: Date, oidc?: OidcOrigin | null): Promise<{ token: string; csrfToken: string }> {
    const token = newToken();
    const csrfToken = newToken();
    const now = clock.now();
    const startedAt = loggedInAt ?? now;
    await repo.insertSession(db, {
      idHash: hashToken(token),
      userId,
      csrfToken,
      organisationId: context?.organisation?.id ?? null,
      domainId: context?.domain?.id ?? null,
      role: context?.role ?? null,
      // createdAt is the login time, carried over to the new id of an organisation choice.
      createdAt: startedAt,
      lastSeenAt: now,
      expiresAt: expiryOf(now, startedAt),
      oidcProvider: oidc?.providerId ?? null,
      oidcIdToken: oidc?.idToken ?? null,
    });
    return { token, csrfToken };
  }

  /** After the person is known (password or identity provider): no active role → refused; one role → chosen. */
  async function open(userId: string, oidc?: OidcOrigin) {
    const choices = await access.listRoleChoices(userId);
    if (choices.length === 0) {
      // Issue 19: the HTB of a merger's new OCMW is imported before the OCMW exists.
      const startsOn = await access.firstUpcomingStart(userId);
      throw new AppError('account_blocked', startsOn ? msg('auth.not_yet_active', { date: startsOn }) : msg('auth.no_active_role'));
    }
    const context = choices.length === 1 ? choices[0]! : null;
    const session = await createSession(userId, context, undefined, oidc);
    return { ...session, userId };
  }

  return {
    /**
     * Checks the password and opens a session; with exactly one role the role is chosen too.
     * Throws unauthenticated (wrong name or password), rate_limited (too many failures for this
     * name from this source, whether the name exists or not; reserved atomically before the
     * password is checked, so parallel guesses get no extra tries) or account_blocked (no active
     * role left). The refusals are messages: the edge writes them in the reader's language.
     */
    async login(username: string, password: string, source = 'unknown') {
      const key = throttleKey('person', username, source);
      const wait = await reserveAttempt(db, key, clock.now(), throttle);
      if (wait > 0) throw new AppError('rate_limited', msg('auth.throttled', { seconds: wait }));
      const attempt = await accessRepo.findLoginUser(db, username);
      // Issue 21: with OCMW_LOCAL_LOGIN=off only platform administrators have a password (break-glass).
      // Every refusal is the same answer after the same work — an unknown name, a wrong password, a
      // person who is no administrator — so the answer tells no one which names are administrators.
      if (config.localLogin === false) {
        const verified = attempt ? await verifyPassword(attempt.passwordHash, password) : (await burnVerification(password), false);
        if (!verified || !attempt?.isPlatformAdmin) throw new AppError('forbidden', msg('auth.local_login_off'));
      }
      if (!attempt) {
        await burnVerification(password);
        throw new AppError('unauthenticated', msg('auth.invalid_credentials'));
      }
      if (!(await verifyPassword(attempt.passwordHash, password))) {
        throw new AppError('unauthenticated', msg('auth.invalid_credentials'));
      }
      await clearAttempts(db, key);
      return open(attempt.id);
    },

    /**
     * Issue 21: opens a session for a person an identity provider signed in (the OIDC service
     * found them); refused like a password login when no role is active (blocked, ended organisation).
     */
    async signIn(userId: string, oidc: OidcOrigin) {
      return open(userId, oidc);
    },

    /** The actor behind a session token, or undefined when the session is unknown or expired. */
    async resolve(token: string): Promise<Actor | undefined> {
      const idHash = hashToken(token);
      const now = clock.now();
      const session = await repo.findLiveSession(db, idHash, now);
      if (!session) return undefined;
      const user = await access.findUser(session.userId);
      if (!user) return undefined;
      let context: RoleChoice | null = null;
      if (session.role) {
        // The chosen role is re-checked on every request: a blocked membership or an ended
        // access ends the session's use of that domain at once (R2.7).
        const id = [session.role, session.organisationId ?? '-', session.domainId ?? '-'].join(':');
        context = (await access.listRoleChoices(user.id)).find((c) => c.id === id) ?? null;
        if (!context) await repo.clearContext(db, idHash);
      }
      // Sliding expiry, written at most once a minute.
      if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
        await repo.touchSession(db, idHash, now, expiryOf(now, session.createdAt));
      }
      return {
        userId: user.id,
        username: user.username,
        language: user.language as Language,
        sessionIdHash: idHash,
        csrfToken: session.csrfToken,
        context,
        // A temporary password binds only a password sign-in: through an identity provider there is no
        // local password to change (the HTB import's temporary one was never meant for it).
        mustChangePassword: user.mustChangePassword && !session.oidcProvider,
        loggedInAt: session.createdAt,
        signedInWith: session.oidcProvider,
      };
    },

    /** Switches to a role choice; the session gets a new id (no fixation). Throws forbidden. */
    async choose(actor: Actor, choiceIdValue: string) {
      const choice = (await access.listRoleChoices(actor.userId)).find((c) => c.id === choiceIdValue);
      if (!choice) throw new AppError('forbidden', msg('auth.choice_unknown'));
      const old = await repo.deleteSession(db, actor.sessionIdHash);
      return createSession(actor.userId, choice, actor.loggedInAt, old);
    },

    /**
     * "Mijn wachtwoord wijzigen": checks and sets the new password (access rules), then ends
     * every other session of the person, so a stolen session dies with the old password.
     */
    async changePassword(actor: Actor, body: { currentPassword: string; newPassword: string; newPasswordConfirm: string }) {
      await management.changePassword({ userId: actor.userId, language: actor.language, context: actor.context }, body);
      await repo.deleteSessionsOfUser(db, actor.userId, actor.sessionIdHash);
    },

    /** Ends the session; says which identity provider (and ID token) it came from, for the RP-initiated logout. */
    async logout(actor: Actor): Promise<OidcOrigin | null> {
      return repo.deleteSession(db, actor.sessionIdHash);
    },

    async listChoices(userId: string): Promise<RoleChoice[]> {
      return access.listRoleChoices(userId);
    },

    /** Housekeeping: deletes expired sessions and login throttles quiet for a day; returns the sessions deleted. */
    async purgeExpired(): Promise<number> {
      await purgeQuietThrottles(db, clock.now());
      await oidcRepo.deleteExpiredTransactions(db, clock.now());
      return repo.deleteExpiredSessions(db, clock.now());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
export type { Role };
