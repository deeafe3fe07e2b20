import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../session.js';

/** A temporary password (issue 16): every guarded page sends the person here first. */
export const PASSWORD_REQUIRED_PATH = '/wachtwoord/wijzigen';
export const PASSWORD_SETUP_PATH = '/wachtwoord/instellen';

/** Pages that need a logged-in user: anonymous visitors go to /login. */
export function RequireAuthentication({ children }: { children: ReactNode }) {
  const { session, loggedOut } = useSession();
  const location = useLocation();
  // After a logout the next person starts at home, not on the page where that session ended.
  if (!session?.authenticated) return <Navigate to="/login" replace state={loggedOut ? undefined : { from: location.pathname }} />;
  if (session.mustChangePassword) return <Navigate to={PASSWORD_REQUIRED_PATH} replace />;
  return <>{children}</>;
}

/** Pages that need a chosen organisation and role: without one, the user chooses first (/kiezen). */
export function RequireContext({ children }: { children: ReactNode }) {
  const { session, loggedOut } = useSession();
  const location = useLocation();
  // After a logout the next person starts at home, not on the page where that session ended.
  if (!session?.authenticated) return <Navigate to="/login" replace state={loggedOut ? undefined : { from: location.pathname }} />;
  if (session.mustChangePassword) return <Navigate to={PASSWORD_REQUIRED_PATH} replace />;
  if (!session.context) return <Navigate to="/kiezen" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

/** Where a user lands after login: the page asked for, the choice screen, or home. */
export function landingPath(hasContext: boolean, from: unknown): string {
  if (!hasContext) return '/kiezen';
  return typeof from === 'string' && from.startsWith('/') && from !== '/login' && from !== '/kiezen' ? from : '/';
}
