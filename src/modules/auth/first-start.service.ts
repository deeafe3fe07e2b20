import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { AppError, type FieldMessages } from '../../shared/errors.js';
import { msg as sharedMsg } from '../../shared/messages.js';
import { validationMessages } from '../../shared/validation-messages.js';
import { checkPassword } from '../../shared/password-policy.js';
import { accessRepo, hashPassword } from '../access/index.js';
import { hashToken } from './auth.service.js';
import * as sessionsRepo from './sessions.repo.js';
import * as repo from './setup-tokens.repo.js';
import { authMessages } from './auth-messages.js';

/** How long the setup link of `ocmw admin create` works. */
export const SETUP_LINK_HOURS = 24;
/** Where the web UI sets the password; the token travels in the fragment (#), never to a server log. */
export const SETUP_PATH = '/wachtwoord/instellen';

const Username = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/);

const msg = authMessages.msg;
const invalid = (fields: FieldMessages) => new AppError('validation', sharedMsg('http.validation'), fields);

/**
 * The first platform administrator of a real installation (SPEC §13 `ocmw admin create`): an
 * account without a usable password and a one-time setup link (token stored SHA-256 hashed,
 * expiring after SETUP_LINK_HOURS, single use). No password is ever shown or logged. Refusals are
 * messages: the CLI (`renderFields`) and the HTTP error handler write them in the reader's language.
 */
export function createFirstStartService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async createAdmin(input: { username: string; email: string }) {
      const fields: FieldMessages = {};
      if (!Username.safeParse(input.username).success) fields.username = msg('auth.admin_username');
      if (!z.email().safeParse(input.email).success) fields.email = validationMessages.msg('valid.email');
      if (!fields.username && (await accessRepo.isUsernameTaken(db, input.username))) fields.username = sharedMsg('username.taken');
      if (Object.keys(fields).length) throw invalid(fields);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(clock.now().getTime() + SETUP_LINK_HOURS * 3_600_000);
      const userId = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const id = await accessRepo.insertUser(tx, {
          username: input.username,
          // Nobody knows this password: the account is usable only after the setup link.
          passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
          surname: input.username,
          firstName: '',
          language: 'nl',
          email: input.email,
          isPlatformAdmin: true,
        });
        await repo.insertSetupToken(tx, { tokenHash: hashToken(token), userId: id, expiresAt });
        return id;
      });
      return { userId, username: input.username, token, path: `${SETUP_PATH}#${token}`, expiresAt };
    },

    /** Sets the password through a setup link: the token is checked first, burnt with the change. */
    async setPassword(body: { token: string; newPassword: string; newPasswordConfirm: string }): Promise<void> {
      const tokenHash = hashToken(body.token);
      const live = await repo.findLiveSetupToken(db, tokenHash, clock.now());
      const user = live && (await accessRepo.findUser(db, live.userId));
      if (!user) throw invalid({ token: msg('auth.setup_link_invalid') });
      const fields: FieldMessages = {};
      const problems = checkPassword(body.newPassword, user.username);
      if (problems.length) fields.newPassword = problems.map((p) => sharedMsg(p));
      if (body.newPassword !== body.newPasswordConfirm) fields.newPasswordConfirm = sharedMsg('password.mismatch');
      if (Object.keys(fields).length) throw invalid(fields);
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        if ((await repo.consumeSetupToken(tx, tokenHash, clock.now())) !== user.id) throw invalid({ token: msg('auth.setup_link_invalid') });
        await accessRepo.updateUser(tx, user.id, { passwordHash, mustChangePassword: false, updatedAt: clock.now() });
        await sessionsRepo.deleteSessionsOfUser(tx, user.id);
      });
    },
  };
}

export type FirstStartService = ReturnType<typeof createFirstStartService>;
