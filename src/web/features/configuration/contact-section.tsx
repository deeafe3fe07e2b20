import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, summaryLinks } from '../../components/form-errors.js';
import { TextField } from '../../components/form-field.js';
import { configurationApi } from './configuration-api.js';
import type { ContactData } from './configuration-api.js';
import { SaveActions, optional, useSectionForm } from './configuration-common.js';
import type { SectionProps } from './configuration-common.js';

const PREFIX = 'config-contact';
const LANGS = ['Nl', 'Fr', 'De'] as const;
type Lang = (typeof LANGS)[number];
type Multilingual = 'street' | 'city';

interface ContactValue {
  streetNl: string;
  streetFr: string;
  streetDe: string;
  cityNl: string;
  cityFr: string;
  cityDe: string;
  number: string;
  box: string;
  postcode: string;
  receptionPhone: string;
  receptionEmail: string;
}
type SingleField = 'number' | 'box' | 'postcode' | 'receptionPhone' | 'receptionEmail';

function formValue(saved: ContactData | null): ContactValue {
  return {
    streetNl: saved?.streetNl ?? '',
    streetFr: saved?.streetFr ?? '',
    streetDe: saved?.streetDe ?? '',
    cityNl: saved?.cityNl ?? '',
    cityFr: saved?.cityFr ?? '',
    cityDe: saved?.cityDe ?? '',
    number: saved?.number ?? '',
    box: saved?.box ?? '',
    postcode: saved?.postcode ?? '',
    receptionPhone: saved?.receptionPhone ?? '',
    receptionEmail: saved?.receptionEmail ?? '',
  };
}

/** "Contactgegevens" (R4.6): the address with street and city in NL, FR and DE, and the reception. */
export function ContactSection(props: SectionProps) {
  const { t } = useTranslation();
  const form = useSectionForm<ContactValue>(formValue(props.view.contact as ContactData | null), props, (v) =>
    configurationApi.saveContact({
      streetNl: v.streetNl.trim(),
      streetFr: v.streetFr.trim(),
      streetDe: v.streetDe.trim(),
      cityNl: v.cityNl.trim(),
      cityFr: v.cityFr.trim(),
      cityDe: v.cityDe.trim(),
      number: v.number.trim(),
      box: optional(v.box),
      postcode: v.postcode.trim(),
      receptionPhone: v.receptionPhone.trim(),
      receptionEmail: optional(v.receptionEmail),
    }),
  );
  const { value, setValue, errors } = form;

  const label = (field: Multilingual, lang: Lang) => t(`configuration.contact.${field}In`, { language: lang.toUpperCase() });
  const known: Record<string, { id: string; label: string }> = {};
  for (const field of ['street', 'city'] as const) {
    for (const lang of LANGS) known[`${field}${lang}`] = { id: `${PREFIX}-${field}${lang}`, label: label(field, lang) };
  }
  for (const field of ['number', 'box', 'postcode', 'receptionPhone', 'receptionEmail'] as const) {
    known[field] = { id: `${PREFIX}-${field}`, label: t(`configuration.contact.${field}`) };
  }

  const multilingual = (field: Multilingual) => (
    <fieldset className="fieldset">
      <legend>{t(`configuration.contact.${field}`)}</legend>
      {LANGS.map((lang) => {
        const key = `${field}${lang}` as const;
        return (
          <div key={lang} className="config-multilingual">
            <TextField
              id={known[key]!.id}
              label={label(field, lang)}
              lang={lang.toLowerCase()}
              required
              maxLength={field === 'street' ? 200 : 100}
              autoComplete="off"
              error={fieldError(errors, key)}
              value={value[key]}
              onChange={(event) => setValue({ ...value, [key]: event.target.value })}
            />
            <button
              type="button"
              className="button button--small"
              id={`${known[key]!.id}-all`}
              onClick={() => setValue({ ...value, [`${field}Nl`]: value[key], [`${field}Fr`]: value[key], [`${field}De`]: value[key] })}
            >
              {t('configuration.contact.setForAll')}
              <span className="visually-hidden"> ({label(field, lang)})</span>
            </button>
          </div>
        );
      })}
    </fieldset>
  );

  const single = (field: SingleField, options: { required?: boolean; type?: string; inputMode?: 'numeric' | 'tel' | 'email'; maxLength?: number; hint?: string }) => (
    <TextField
      id={known[field]!.id}
      label={t(`configuration.contact.${field}`)}
      required={options.required}
      type={options.type ?? 'text'}
      inputMode={options.inputMode}
      maxLength={options.maxLength}
      hint={options.hint}
      autoComplete="off"
      error={fieldError(errors, field)}
      value={value[field]}
      onChange={(event) => setValue({ ...value, [field]: event.target.value })}
    />
  );

  return (
    <form className="form" noValidate onSubmit={(event) => void form.onSubmit(event)} aria-labelledby="config-section-title">
      <h2 id="config-section-title">{t('configuration.sections.contact')}</h2>
      <p>{t('configuration.contact.intro')}</p>
      <p>{t('configuration.contact.threeLanguages')}</p>
      <p className="form__hint">{t('form.requiredNote')}</p>
      {errors ? <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} /> : null}
      <h3>{t('configuration.contact.address')}</h3>
      {multilingual('street')}
      {single('number', { required: true, maxLength: 20 })}
      {single('box', { maxLength: 20 })}
      {single('postcode', { required: true, inputMode: 'numeric', maxLength: 4, hint: t('configuration.contact.postcodeHint') })}
      {multilingual('city')}
      <h3>{t('configuration.contact.reception')}</h3>
      {single('receptionPhone', { required: true, type: 'tel', inputMode: 'tel' })}
      {single('receptionEmail', { type: 'email', inputMode: 'email' })}
      <SaveActions isBusy={form.isBusy} isSaved={form.isSaved} />
    </form>
  );
}
