import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { authMessages } from '../../../modules/auth/auth-messages.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';

/**
 * Issue 21: where a sign-in through an identity provider that did not succeed ends (the server
 * redirects here with the message key and the provider): the auth module's message in the UI
 * language — for an unknown person, whom to ask for access; for a provider that is down, to try
 * later (and the password form, where allowed, on the login page).
 */
export function SignInProblemPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { session } = useSession();
  const [params] = useSearchParams();
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('login.problemTitle'));
  useEffect(() => heading.current?.focus(), []);

  const key = params.get('melding') ?? '';
  const providerId = params.get('aanbieder');
  const provider = session?.providers.find((p) => p.id === providerId)?.name ?? t('login.unknownProvider');
  // The date a message names (auth.not_yet_active): only an ISO date passes.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('datum') ?? '') ? params.get('datum')! : undefined;
  // Only the auth module's own keys: the URL can be changed by anyone, the text cannot.
  const text = key.startsWith('auth.') && authMessages.has(key) ? authMessages.text(key as Parameters<typeof authMessages.text>[0], language, { provider, ...(date ? { date } : {}) }) : t('login.problemUnknown');

  return (
    <div className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('login.problemTitle')}
      </h1>
      <p role="alert" className="sign-in-problem">
        {text}
      </p>
      <p>
        <Link to="/login" className="button button--primary">
          {t('login.backToLogin')}
        </Link>{' '}
        <Link to="/help">{t('login.help')}</Link>
      </p>
    </div>
  );
}
