import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateInsz } from '../../../shared/identifiers.js';
import { LANGUAGES, translate } from '../../../shared/messages.js';
import type { Language } from '../../../shared/messages.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { formatDate } from '../../components/format.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { NewPersonInput, PersonReviewData, Title } from './access-api.js';

export const emptyPerson = (language: Language): NewPersonInput => ({
  username: '',
  usernameConfirm: '',
  password: '',
  passwordConfirm: '',
  surname: '',
  firstName: '',
  title: null,
  language,
  email: '',
});

const PERSON_FIELDS = ['username', 'usernameConfirm', 'password', 'passwordConfirm', 'surname', 'firstName', 'title', 'language', 'email'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];

/** Summary entries (id + label) for the new-person fields, keyed as the API reports them. */
export function personFieldLabels(prefix: string, t: (key: string) => string): Record<string, { id: string; label: string }> {
  return Object.fromEntries(PERSON_FIELDS.map((f) => [`person.${f}`, { id: `${prefix}-${f}`, label: t(`person.${f}`) }]));
}

/** "Identificatiegegevens" of a new person (R2.5): username and password twice, name, title, language, e-mail. */
export function NewPersonFields({
  prefix,
  value,
  onChange,
  errors,
}: {
  prefix: string;
  value: NewPersonInput;
  onChange: (value: NewPersonInput) => void;
  errors: FormErrors | undefined;
}) {
  const { t } = useTranslation();
  const set = (field: PersonField, v: string) => onChange({ ...value, [field]: v });
  const text = (field: Exclude<PersonField, 'title' | 'language'>, options: { type?: string; autoComplete?: string } = {}) => (
    <TextField
      id={`${prefix}-${field}`}
      label={t(`person.${field}`)}
      required
      error={fieldError(errors, `person.${field}`)}
      type={options.type ?? 'text'}
      autoComplete={options.autoComplete ?? 'off'}
      spellCheck={false}
      value={value[field]}
      onChange={(event) => set(field, event.target.value)}
    />
  );
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('person.usernameTwice')}</legend>
        {text('username')}
        {text('usernameConfirm')}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('person.passwordTwice')}</legend>
        <p className="form__hint">{t('person.passwordRule')}</p>
        {text('password', { type: 'password', autoComplete: 'new-password' })}
        {text('passwordConfirm', { type: 'password', autoComplete: 'new-password' })}
      </fieldset>
      {text('surname')}
      {text('firstName')}
      <SelectField
        id={`${prefix}-title`}
        label={t('person.title')}
        error={fieldError(errors, 'person.title')}
        value={value.title ?? ''}
        onChange={(event) => onChange({ ...value, title: (event.target.value || null) as Title | null })}
      >
        <option value="">{t('person.titleNone')}</option>
        <option value="DE_HEER">{t('person.titles.DE_HEER')}</option>
        <option value="MEVROUW">{t('person.titles.MEVROUW')}</option>
      </SelectField>
      <SelectField
        id={`${prefix}-language`}
        label={t('person.language')}
        error={fieldError(errors, 'person.language')}
        value={value.language}
        onChange={(event) => onChange({ ...value, language: event.target.value as Language })}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </SelectField>
      {text('email', { type: 'email', autoComplete: 'off' })}
    </>
  );
}

/** Step 1 of every "add a person" flow: the INSZ, checked here before it is sent (R0.2). */
export function InszStep({
  prefix,
  intro,
  initial,
  onNext,
  onCancel,
}: {
  prefix: string;
  intro: string;
  initial: string;
  /** Gets the normalised INSZ; throws to show the API's errors. */
  onNext: (insz: string) => Promise<FormErrors | undefined>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [insz, setInsz] = useState(initial);
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isBusy, setBusy] = useState(false);
  const id = `${prefix}-insz`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateInsz(insz);
    if (!result.valid) {
      const message = result.errors.map((e) => translate(e, language)).join(' ');
      setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields: { insz: message } }));
      return;
    }
    setBusy(true);
    try {
      const failed = await onNext(result.normalized);
      if (failed) setErrors((previous) => ({ ...failed, attempt: (previous?.attempt ?? 0) + 1 }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>{intro}</p>
      {errors ? (
        <ErrorSummary
          key={errors.attempt}
          title={t('form.errorSummary')}
          message={errors.message}
          fields={summaryLinks(errors, { insz: { id, label: t('person.insz') } })}
        />
      ) : null}
      <TextField
        id={id}
        label={t('person.insz')}
        hint={t('person.inszHint')}
        required
        inputMode="numeric"
        autoComplete="off"
        error={fieldError(errors, 'insz')}
        value={insz}
        onChange={(event) => setInsz(event.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {t('form.next')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The review screen's "Identificatiegegevens" of a person (before "Bevestigen"). */
export function PersonReviewList({ person, today }: { person: PersonReviewData; today?: string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <dl className="details">
      {person.username !== null ? (
        <>
          <dt>{t('person.username')}</dt>
          <dd>{person.username}</dd>
        </>
      ) : null}
      <dt>{t('person.surname')}</dt>
      <dd>{person.surname}</dd>
      <dt>{t('person.firstName')}</dt>
      <dd>{person.firstName}</dd>
      {person.username !== null ? (
        <>
          <dt>{t('person.title')}</dt>
          <dd>{person.title ? t(`person.titles.${person.title}`) : t('person.titleNone')}</dd>
        </>
      ) : null}
      <dt>{t('person.insz')}</dt>
      <dd>{person.inszFormatted}</dd>
      {person.language ? (
        <>
          <dt>{t('person.language')}</dt>
          <dd>{t(`languages.${person.language}`, { lng: language })}</dd>
        </>
      ) : null}
      {today ? (
        <>
          <dt>{t('person.createdAt')}</dt>
          <dd>{formatDate(today)}</dd>
        </>
      ) : null}
      <dt>{t('person.status')}</dt>
      <dd>{t('access.status.active')}</dd>
      {person.email ? (
        <>
          <dt>{t('person.email')}</dt>
          <dd>{person.email}</dd>
        </>
      ) : null}
      {!person.isNew ? (
        <>
          <dt>{t('person.known')}</dt>
          <dd>{t('person.knownBody')}</dd>
        </>
      ) : null}
    </dl>
  );
}
