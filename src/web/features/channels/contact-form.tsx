import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions.js';
import { LANGUAGES } from '../../../shared/messages.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { chamanApi } from './chaman-api.js';
import type { ChamanHomeData, SenderInput } from './chaman-api.js';

const PREFIX = 'chaman-contact';
const FIELDS = ['contactName', 'phoneCode', 'phoneNumber', 'email', 'language'] as const;

/**
 * "Contactgegevens" of the sender (R3.2): asked at first use, before any channel can be managed;
 * later the same form changes them. "Bevestigen" saves, "Annuleren" leaves.
 */
export function ContactForm({
  organisationName,
  initial,
  onSaved,
  onCancel,
}: {
  organisationName: string;
  initial: ChamanHomeData['sender'];
  onSaved: (home: ChamanHomeData) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [value, setValue] = useState<SenderInput>({
    contactName: initial?.contactName ?? '',
    phoneCode: initial?.phoneCode ?? '+32',
    phoneNumber: initial?.phoneNumber ?? '',
    email: initial?.email ?? '',
    language: (initial?.language as SenderInput['language'] | undefined) ?? language,
  });
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const home = await chamanApi.saveSender({ ...value, phoneNumber: value.phoneNumber.trim() });
      setErrors(undefined);
      onSaved(home);
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  const known = Object.fromEntries(FIELDS.map((f) => [f, { id: `${PREFIX}-${f}`, label: t(`chaman.contact.${f}`) }]));
  const text = (field: Exclude<(typeof FIELDS)[number], 'language'>, options: { type?: string; autoComplete?: string; inputMode?: 'tel' | 'email' } = {}) => (
    <TextField
      id={`${PREFIX}-${field}`}
      label={t(`chaman.contact.${field}`)}
      required
      type={options.type ?? 'text'}
      autoComplete={options.autoComplete ?? 'off'}
      inputMode={options.inputMode}
      error={fieldError(errors, field)}
      value={value[field] ?? ''}
      onChange={(event) => setValue({ ...value, [field]: event.target.value })}
    />
  );

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby={`${PREFIX}-title`}>
      <h2 id={`${PREFIX}-title`}>{t('chaman.contact.title')}</h2>
      <p>{t('chaman.contact.intro', { organisation: organisationName })}</p>
      <p className="form__hint">{t('form.requiredNote')}</p>
      {errors ? <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} /> : null}
      {text('contactName', { autoComplete: 'name' })}
      {text('phoneCode', { type: 'tel', inputMode: 'tel' })}
      {text('phoneNumber', { type: 'tel', autoComplete: 'tel-national', inputMode: 'tel' })}
      {text('email', { type: 'email', autoComplete: 'email', inputMode: 'email' })}
      <SelectField
        id={`${PREFIX}-language`}
        label={t('chaman.contact.language')}
        required
        error={fieldError(errors, 'language')}
        value={value.language}
        onChange={(event) => setValue({ ...value, language: event.target.value as SenderInput['language'] })}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </SelectField>
      <FormActions isBusy={isBusy} onCancel={onCancel} />
    </form>
  );
}
