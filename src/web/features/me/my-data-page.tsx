import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../../components/load-status.js';
import { LANGUAGES } from '../../../shared/messages.js';
import type { Language } from '../../../shared/messages.js';
import { PASSWORD_MIN_LENGTH } from '../../../shared/password-policy.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session.js';
import { accessApi } from '../access/access-api.js';
import type { MeData, Title } from '../access/access-api.js';
import { displayInsz } from '../access/access-common.js';
import { Notice } from '../../components/notice.js';

/** "Mijn persoonlijke gegevens wijzigen" and "Mijn wachtwoord wijzigen", for every logged-in person. */
export function MyDataPage() {
  const { t } = useTranslation();
  const { state, setData } = useLoad((signal) => accessApi.getMe(signal), 'me');
  useDocumentTitle(t('me.title'));
  return (
    <>
      <h1>{t('me.title')}</h1>
      <LoadStatus state={state}>
        {(data) =>
          (
            <PersonalDataForm me={data} onSaved={setData} />
          )
        }
      </LoadStatus>
      <PasswordForm />
    </>
  );
}

type MeFields = Pick<MeData, 'surname' | 'firstName' | 'title' | 'language' | 'email'>;

function PersonalDataForm({ me, onSaved }: { me: MeData; onSaved: (me: MeData) => void }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [value, setValue] = useState<MeFields>({ surname: me.surname, firstName: me.firstName, title: me.title, language: me.language, email: me.email });
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [saved, setSaved] = useState(false);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    setValue({ surname: me.surname, firstName: me.firstName, title: me.title, language: me.language, email: me.email });
  }, [me]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      onSaved(await accessApi.updateMe({ ...value, surname: value.surname.trim(), firstName: value.firstName.trim(), email: value.email.trim() }));
      setErrors(undefined);
      setSaved(true);
      // The header shows the name from the session.
      void refresh();
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  const text = (field: 'surname' | 'firstName' | 'email', type = 'text', autoComplete = 'off') => (
    <TextField
      id={`me-${field}`}
      label={t(`person.${field}`)}
      required
      type={type}
      autoComplete={autoComplete}
      error={fieldError(errors, field)}
      value={value[field]}
      onChange={(event) => setValue({ ...value, [field]: event.target.value })}
    />
  );

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="me-data-title">
      <h2 id="me-data-title">{t('me.dataTitle')}</h2>
      {errors ? (
        <ErrorSummary
          key={errors.attempt}
          title={t('form.errorSummary')}
          message={errors.message}
          fields={summaryLinks(
            errors,
            Object.fromEntries(
              (['surname', 'firstName', 'title', 'language', 'email'] as const).map((f) => [f, { id: `me-${f}`, label: t(`person.${f}`) }]),
            ),
          )}
        />
      ) : null}
      {saved ? <Notice tone="success">{t('me.saved')}</Notice> : null}
      <dl className="details">
        <dt>{t('person.username')}</dt>
        <dd>{me.username}</dd>
        <dt>{t('person.insz')}</dt>
        <dd>{displayInsz(me.insz) || '—'}</dd>
      </dl>
      {text('surname', 'text', 'family-name')}
      {text('firstName', 'text', 'given-name')}
      <SelectField
        id="me-title"
        label={t('person.title')}
        error={fieldError(errors, 'title')}
        value={value.title ?? ''}
        onChange={(event) => setValue({ ...value, title: (event.target.value || null) as Title | null })}
      >
        <option value="">{t('person.titleNone')}</option>
        <option value="DE_HEER">{t('person.titles.DE_HEER')}</option>
        <option value="MEVROUW">{t('person.titles.MEVROUW')}</option>
      </SelectField>
      <SelectField
        id="me-language"
        label={t('person.language')}
        error={fieldError(errors, 'language')}
        value={value.language}
        onChange={(event) => setValue({ ...value, language: event.target.value as Language })}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </SelectField>
      {text('email', 'email', 'email')}
      <button type="submit" className="button button--primary" disabled={isBusy}>
        {t('form.keep')}
      </button>
    </form>
  );
}

type PasswordValue = { currentPassword: string; newPassword: string; newPasswordConfirm: string };

/**
 * The password form: "Mijn wachtwoord wijzigen" by default; the setup link of `ocmw admin
 * create` has no current password (withCurrent false) and its own submit.
 */
export function PasswordForm({
  submit = accessApi.changePassword,
  withCurrent = true,
  title,
  submitLabel,
  onDone,
}: {
  submit?: (value: PasswordValue) => Promise<void>;
  withCurrent?: boolean;
  title?: string;
  submitLabel?: string;
  onDone?: () => void | Promise<void>;
} = {}) {
  const { t } = useTranslation();
  const empty = { currentPassword: '', newPassword: '', newPasswordConfirm: '' };
  const [value, setValue] = useState(empty);
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [saved, setSaved] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const fields = withCurrent ? (['currentPassword', 'newPassword', 'newPasswordConfirm'] as const) : (['newPassword', 'newPasswordConfirm'] as const);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await submit(value);
      setValue(empty);
      setErrors(undefined);
      setSaved(true);
      await onDone?.();
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="me-password-title">
      <h2 id="me-password-title">{title ?? t('me.passwordTitle')}</h2>
      <p>{t('me.passwordIntro', { min: PASSWORD_MIN_LENGTH })}</p>
      {errors ? (
        <ErrorSummary
          key={errors.attempt}
          title={t('form.errorSummary')}
          message={errors.message}
          fields={summaryLinks(errors, Object.fromEntries(fields.map((f) => [f, { id: `me-${f}`, label: t(`me.${f}`) }])))}
        />
      ) : null}
      {saved ? <Notice tone="success">{t('me.passwordChanged')}</Notice> : null}
      {fields.map((f) => (
        <TextField
          key={f}
          id={`me-${f}`}
          label={t(`me.${f}`)}
          required
          type="password"
          autoComplete={f === 'currentPassword' ? 'current-password' : 'new-password'}
          error={fieldError(errors, f)}
          value={value[f]}
          onChange={(event) => setValue({ ...value, [f]: event.target.value })}
        />
      ))}
      <button type="submit" className="button button--primary" disabled={isBusy}>
        {submitLabel ?? t('me.changePassword')}
      </button>
    </form>
  );
}
