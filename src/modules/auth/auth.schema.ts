import { z } from 'zod';
import { Language } from '../../shared/schema.js';
import { DomainSummary, OrganisationSummary } from '../registry/registry.schema.js';

export const ROLES = ['HTB', 'CO_HTB', 'TB', 'CO_TB', 'USER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** One line of "De onderneming selecteren…" (R2.13): organisation, domain and role. */
export const RoleChoice = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  organisation: OrganisationSummary.nullable(),
  domain: DomainSummary.nullable(),
  /** Secured applications of the membership (R2.8); empty for HTB and ADMIN. */
  applications: z.array(z.string()),
  /** What this role may do (the UI offers only these; the server checks them again). */
  permissions: z.array(z.string()),
});
export type RoleChoice = z.infer<typeof RoleChoice>;

export const ChooseBody = z.strictObject({ choiceId: z.string().min(1).max(200) });

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  surname: z.string(),
  firstName: z.string(),
  language: Language,
});

export const SessionResponse = z.object({
  authenticated: z.boolean(),
  /** Business date (the clock of every module) and the real date; the UI warns when they differ. */
  today: z.string(),
  realToday: z.string(),
  csrfToken: z.string(),
  user: SessionUser.nullable(),
  context: RoleChoice.nullable(),
  choices: z.array(RoleChoice),
  /** A temporary password: the UI sends the person to the password change first (issue 16). */
  mustChangePassword: z.boolean(),
  /** Issue 21: the identity providers, one sign-in button each (the name in the reader's language). */
  providers: z.array(z.object({ id: z.string(), name: z.string(), loginUrl: z.string() })),
  /** Issue 21: false with OCMW_LOCAL_LOGIN=off: the password form is the platform administrators' break-glass only. */
  localLogin: z.boolean(),
});

/** POST /session/logout after a sign-in through an identity provider: where the browser ends that session too. */
export const LogoutResponse = z.object({ endSessionUrl: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;

/** POST /session/setup-password: the one-time link of `ocmw admin create` (its token) and the new password. */
export const SetupPasswordBody = z.strictObject({
  token: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
  newPasswordConfirm: z.string().max(200),
});
