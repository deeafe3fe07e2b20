import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, summaryLinks } from '../../components/form-errors.js';
import { TextField } from '../../components/form-field.js';
import { configurationApi } from './configuration-api.js';
import type { OnlineSettingsData } from './configuration-api.js';
import { SaveActions, YesNo, optional, useSectionForm } from './configuration-common.js';
import type { SectionProps } from './configuration-common.js';

const PREFIX = 'config-online';

interface OnlineValue {
  notificationsEnabled: boolean;
  notificationAddress: string;
  remindersEnabled: boolean;
  reminderAddress: string;
  reminderDelayDays: string;
  reminderFrequencyDays: string;
}
type TextKey = 'notificationAddress' | 'reminderAddress' | 'reminderDelayDays' | 'reminderFrequencyDays';

function formValue(saved: OnlineSettingsData | null): OnlineValue {
  return {
    notificationsEnabled: saved?.notificationsEnabled ?? false,
    notificationAddress: saved?.notificationAddress ?? '',
    remindersEnabled: saved?.remindersEnabled ?? false,
    reminderAddress: saved?.reminderAddress ?? '',
    reminderDelayDays: saved?.reminderDelayDays === undefined ? '' : String(saved.reminderDelayDays),
    reminderFrequencyDays: saved?.reminderFrequencyDays === undefined ? '' : String(saved.reminderFrequencyDays),
  };
}

/** A whole number of days as typed; anything else goes as text so the API names the field. */
function days(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** "OCMW Online" (R4.7): notification mails and reminders of unread help requests. */
export function OnlineSection(props: SectionProps) {
  const { t } = useTranslation();
  const form = useSectionForm<OnlineValue>(formValue(props.view.online as OnlineSettingsData | null), props, (v) =>
    configurationApi.saveOnline({
      notificationsEnabled: v.notificationsEnabled,
      notificationAddress: optional(v.notificationAddress),
      remindersEnabled: v.remindersEnabled,
      reminderAddress: optional(v.reminderAddress),
      reminderDelayDays: days(v.reminderDelayDays) as number | undefined,
      reminderFrequencyDays: days(v.reminderFrequencyDays) as number | undefined,
    }),
  );
  const { value, setValue, errors } = form;
  const known: Record<TextKey, { id: string; label: string }> = {
    notificationAddress: { id: `${PREFIX}-notificationAddress`, label: t('configuration.online.notificationAddress') },
    reminderAddress: { id: `${PREFIX}-reminderAddress`, label: t('configuration.online.reminderAddress') },
    reminderDelayDays: { id: `${PREFIX}-reminderDelayDays`, label: t('configuration.online.reminderDelayDays') },
    reminderFrequencyDays: { id: `${PREFIX}-reminderFrequencyDays`, label: t('configuration.online.reminderFrequencyDays') },
  };
  const field = (key: TextKey, required: boolean, options: { hint?: string; isDays?: boolean } = {}) => (
    <TextField
      id={known[key].id}
      label={known[key].label}
      required={required}
      hint={options.hint}
      type={options.isDays ? 'text' : 'email'}
      inputMode={options.isDays ? 'numeric' : 'email'}
      className={options.isDays ? 'form__input form__input--small' : undefined}
      autoComplete="off"
      error={fieldError(errors, key)}
      value={value[key]}
      onChange={(event) => setValue({ ...value, [key]: event.target.value })}
    />
  );

  return (
    <form className="form" noValidate onSubmit={(event) => void form.onSubmit(event)} aria-labelledby="config-section-title">
      <h2 id="config-section-title">{t('configuration.sections.online')}</h2>
      <p>{t('configuration.online.intro')}</p>
      {errors ? (
        <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} />
      ) : null}

      <section aria-labelledby={`${PREFIX}-notifications-title`}>
        <h3 id={`${PREFIX}-notifications-title`}>{t('configuration.online.notifications')}</h3>
        <p>{t('configuration.online.notificationsIntro')}</p>
        <YesNo
          id={`${PREFIX}-notificationsEnabled`}
          legend={t('configuration.online.notificationsQuestion')}
          value={value.notificationsEnabled}
          onChange={(notificationsEnabled) => setValue({ ...value, notificationsEnabled })}
        />
        {field('notificationAddress', value.notificationsEnabled)}
      </section>

      <section aria-labelledby={`${PREFIX}-reminders-title`}>
        <h3 id={`${PREFIX}-reminders-title`}>{t('configuration.online.reminders')}</h3>
        <p>{t('configuration.online.remindersIntro')}</p>
        <YesNo
          id={`${PREFIX}-remindersEnabled`}
          legend={t('configuration.online.remindersQuestion')}
          value={value.remindersEnabled}
          onChange={(remindersEnabled) => setValue({ ...value, remindersEnabled })}
        />
        {field('reminderAddress', value.remindersEnabled)}
        {field('reminderDelayDays', value.remindersEnabled, { isDays: true, hint: t('configuration.online.reminderDelayHint') })}
        {field('reminderFrequencyDays', value.remindersEnabled, { isDays: true, hint: t('configuration.online.reminderFrequencyHint') })}
      </section>
      <SaveActions isBusy={form.isBusy} isSaved={form.isSaved} />
    </form>
  );
}
