import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { api } from '../../api.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useSession } from '../../session.js';
import { PasswordForm } from './my-data-page.js';
import { Notice } from '../../components/notice.js';

/**
 * The one-time link of `ocmw admin create` (/wachtwoord/instellen#TOKEN): the token stays in the
 * fragment, which the browser never sends, so no server or proxy log holds it.
 */
export function SetupPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(() => window.location.hash.slice(1));
  const [done, setDone] = useState(false);
  useDocumentTitle(t('password.setupTitle'));
  return (
    <>
      <h1>{t('password.setupTitle')}</h1>
      {!token ? <Notice tone="error">{t('password.setupNoToken')}</Notice> : done ? <Notice tone="success">{t('password.setupDone')} <Link to="/login">{t('password.toLogin')}</Link></Notice> : (
        <>
          <p>{t('password.setupIntro')}</p>
          <PasswordForm
            withCurrent={false}
            title={t('password.setupTitle')}
            submitLabel={t('password.save')}
            submit={(v) => api.setupPassword({ token, newPassword: v.newPassword, newPasswordConfirm: v.newPasswordConfirm })}
            onDone={() => setDone(true)}
          />
        </>
      )}
    </>
  );
}

/** A temporary password (HTB import, reset): the person chooses their own before anything else. */
export function PasswordRequiredPage() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  useDocumentTitle(t('password.requiredTitle'));
  if (!session?.authenticated) return <Navigate to="/login" replace />;
  return (
    <>
      <h1>{t('password.requiredTitle')}</h1>
      <p>{t('password.requiredIntro')}</p>
      <PasswordForm
        onDone={async () => {
          await refresh();
          void navigate('/', { replace: true });
        }}
      />
    </>
  );
}
