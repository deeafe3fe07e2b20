import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../../api.js';
import { ErrorSummary } from '../../components/error-summary.js';
import type { FieldLink } from '../../components/error-summary.js';
import { landingPath } from '../../components/guards.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { validationText } from '../../i18n/validation.js';
import { useSession } from '../../session.js';

type Field = 'username' | 'password';
const FIELDS: Field[] = ['username', 'password'];
const inputId = (field: Field) => `login-${field}`;

interface FormErrors {
  /** Counts failed attempts, so the summary is focused again after each one. */
  attempt: number;
  message?: string;
  fields: Partial<Record<Field, string>>;
}

/** Username + password login (SPEC R2); server errors are shown at the field and in a summary. */
export function LoginPage() {
  const { t } = useTranslation();
  const { session, login, refresh } = useSession();
  // The identity providers' names come with the session in the language it was asked in: ask again when the reader switches.
  const language = useUiLanguage();
  const askedIn = useRef(language);
  useEffect(() => {
    if (askedIn.current === language) return;
    askedIn.current = language;
    void refresh();
  }, [language, refresh]);
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isSubmitting, setSubmitting] = useState(false);
  useDocumentTitle(t('login.title'));

  const from: unknown = (location.state as { from?: unknown } | null)?.from;
  if (session?.authenticated) return <Navigate to={landingPath(session.context !== null, from)} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: FormErrors['fields'] = {};
    if (username.trim() === '') missing.username = validationText('valid.required');
    if (password === '') missing.password = validationText('valid.required');
    if (Object.keys(missing).length > 0) {
      setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields: missing }));
      return;
    }
    setSubmitting(true);
    try {
      await login(username.trim(), password);
      // The session now says "authenticated": the redirect above takes over.
    } catch (error) {
      if (error instanceof ApiError) {
        const fields: FormErrors['fields'] = {};
        for (const field of FIELDS) if (error.fields[field]) fields[field] = error.fields[field];
        setErrors((previous) => ({
          attempt: (previous?.attempt ?? 0) + 1,
          message: error.message || t('app.unexpectedError'),
          fields,
        }));
      } else {
        setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, message: t('app.unexpectedError'), fields: {} }));
      }
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  }

  const fieldLinks: FieldLink[] = FIELDS.flatMap((field) => {
    const message = errors?.fields[field];
    return message ? [{ inputId: inputId(field), message: `${t(`login.${field}`)}: ${message}` }] : [];
  });

  // Issue 21: one button per identity provider (a link: the browser goes to the provider and back).
  const providers = session?.providers ?? [];
  const localLogin = session?.localLogin ?? true;
  const form = (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {FIELDS.map((field) => {
        const id = inputId(field);
        const message = errors?.fields[field];
        return (
          <div key={field} className={message ? 'form__group form__group--error' : 'form__group'}>
            <label htmlFor={id} className="form__label">
              {t(`login.${field}`)}
            </label>
            {message ? (
              <p id={`${id}-error`} className="form__error">
                {message}
              </p>
            ) : null}
            <input
              id={id}
              name={field}
              className="form__input"
              type={field === 'password' ? 'password' : 'text'}
              autoComplete={field === 'password' ? 'current-password' : 'username'}
              autoCapitalize={field === 'username' ? 'none' : undefined}
              spellCheck={false}
              required
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? `${id}-error` : undefined}
              value={field === 'username' ? username : password}
              onChange={(event) => (field === 'username' ? setUsername : setPassword)(event.target.value)}
            />
          </div>
        );
      })}
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {isSubmitting ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );

  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      {providers.length > 0 ? (
        <section aria-labelledby="login-providers">
          <h2 id="login-providers">{t('login.providers')}</h2>
          <ul className="login-providers">
            {providers.map((provider) => (
              <li key={provider.id}>
                <a className="button button--primary" href={provider.loginUrl}>
                  {t('login.withProvider', { name: provider.name })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {localLogin ? <p>{providers.length > 0 ? t('login.withPassword') : t('login.intro')}</p> : null}
      {errors ? <ErrorSummary key={errors.attempt} title={t('login.errorSummary')} message={errors.message} fields={fieldLinks} /> : null}
      {localLogin ? (
        form
      ) : (
        // OCMW_LOCAL_LOGIN=off: the password is the platform administrators' break-glass only.
        <details className="login-break-glass" open={errors !== undefined}>
          <summary>{t('login.breakGlass')}</summary>
          {form}
        </details>
      )}
    </div>
  );
}
