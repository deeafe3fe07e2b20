import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.js';
import { configurationApi, NETWORK_PROVIDER_LIST, OTHER, PROGRAMME_LIST, SOFTWARE_VENDOR_LIST } from './configuration-api.js';
import type { NetworkProvider, Programme, SoftwareVendor, TechnicalData } from './configuration-api.js';
import { CheckboxGroup, SaveActions, optional, useSectionForm } from './configuration-common.js';
import type { SectionProps } from './configuration-common.js';

const PREFIX = 'config-technical';
const CONTACT_FIELDS = ['surname', 'firstName', 'email', 'phone'] as const;
type ContactKey = 'technicalContact' | 'testContact';

interface ContactValue {
  surname: string;
  firstName: string;
  email: string;
  phone: string;
}

interface TechnicalValue {
  networkProvider: NetworkProvider | '';
  networkProviderOther: string;
  softwareVendors: SoftwareVendor[];
  softwareVendorOther: string;
  programmes: Programme[];
  programmeMapping: string;
  technicalContact: ContactValue;
  testContact: ContactValue;
  remarks: string;
}

const emptyContact = (): ContactValue => ({ surname: '', firstName: '', email: '', phone: '' });

function formValue(saved: TechnicalData | null): TechnicalValue {
  return {
    networkProvider: saved?.networkProvider ?? '',
    networkProviderOther: saved?.networkProviderOther ?? '',
    softwareVendors: saved?.softwareVendors ?? [],
    softwareVendorOther: saved?.softwareVendorOther ?? '',
    programmes: saved?.programmes ?? [],
    programmeMapping: saved?.programmeMapping ?? '',
    technicalContact: { ...emptyContact(), ...saved?.technicalContact },
    testContact: { ...emptyContact(), ...saved?.testContact },
    remarks: saved?.remarks ?? '',
  };
}

const trimContact = (c: ContactValue): ContactValue => ({
  surname: c.surname.trim(),
  firstName: c.firstName.trim(),
  email: c.email.trim(),
  phone: c.phone.trim(),
});

/**
 * The text of a provider, vendor or programme of the guide's lists: the values are stored as the
 * guide writes them, but "Andere" and "OCMW van Charleroi" are words, shown in the UI language.
 */
export function providerLabel(option: string, t: TFunction): string {
  if (option === OTHER) return t('configuration.technical.otherOption');
  if (option === 'OCMW van Charleroi') return t('configuration.technical.charleroi');
  return option;
}

/** "Technische dienstverleners" (R4.5): network provider, social software vendors, programmes, two contacts. */
export function TechnicalSection(props: SectionProps) {
  const { t } = useTranslation();
  const form = useSectionForm<TechnicalValue>(formValue(props.view.technical as TechnicalData | null), props, (v) =>
    configurationApi.saveTechnical({
      // An empty choice is sent as it is: the API answers with the message at the field.
      networkProvider: v.networkProvider as NetworkProvider,
      networkProviderOther: v.networkProvider === OTHER ? optional(v.networkProviderOther) : undefined,
      softwareVendors: v.softwareVendors,
      softwareVendorOther: v.softwareVendors.includes(OTHER) ? optional(v.softwareVendorOther) : undefined,
      programmes: v.programmes,
      programmeMapping: optional(v.programmeMapping),
      technicalContact: trimContact(v.technicalContact),
      testContact: trimContact(v.testContact),
      remarks: optional(v.remarks),
    }),
  );
  const { value, setValue, errors } = form;

  const known: Record<string, { id: string; label: string }> = {
    networkProvider: { id: `${PREFIX}-networkProvider`, label: t('configuration.technical.networkProvider') },
    networkProviderOther: { id: `${PREFIX}-networkProviderOther`, label: t('configuration.technical.other') },
    softwareVendors: { id: `${PREFIX}-softwareVendors`, label: t('configuration.technical.softwareVendors') },
    softwareVendorOther: { id: `${PREFIX}-softwareVendorOther`, label: t('configuration.technical.other') },
    programmes: { id: `${PREFIX}-programmes`, label: t('configuration.technical.programmes') },
    programmeMapping: { id: `${PREFIX}-programmeMapping`, label: t('configuration.technical.programmeMapping') },
    remarks: { id: `${PREFIX}-remarks`, label: t('configuration.technical.remarks') },
  };
  for (const contact of ['technicalContact', 'testContact'] as const) {
    for (const field of CONTACT_FIELDS) {
      known[`${contact}.${field}`] = {
        id: `${PREFIX}-${contact}-${field}`,
        label: `${t(`configuration.technical.${contact}Short`)} – ${t(`configuration.technical.contact.${field}`)}`,
      };
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void form.onSubmit(event)} aria-labelledby="config-section-title">
      <h2 id="config-section-title">{t('configuration.sections.technical')}</h2>
      <p>{t('configuration.technical.intro')}</p>
      <p className="form__hint">{t('form.requiredNote')}</p>
      {errors ? <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} /> : null}

      <SelectField
        id={known.networkProvider!.id}
        label={t('configuration.technical.networkProvider')}
        required
        error={fieldError(errors, 'networkProvider')}
        value={value.networkProvider}
        onChange={(event) => setValue({ ...value, networkProvider: event.target.value as NetworkProvider | '' })}
      >
        <option value="">{t('configuration.technical.choose')}</option>
        {NETWORK_PROVIDER_LIST.map((provider) => (
          <option key={provider} value={provider}>
            {providerLabel(provider, t)}
          </option>
        ))}
      </SelectField>
      {value.networkProvider === OTHER ? (
        <TextField
          id={known.networkProviderOther!.id}
          label={t('configuration.technical.other')}
          required
          maxLength={200}
          autoComplete="off"
          error={fieldError(errors, 'networkProviderOther')}
          value={value.networkProviderOther}
          onChange={(event) => setValue({ ...value, networkProviderOther: event.target.value })}
        />
      ) : null}

      <CheckboxGroup
        id={known.softwareVendors!.id}
        legend={t('configuration.technical.softwareVendors')}
        required
        options={SOFTWARE_VENDOR_LIST}
        labelOf={(option) => providerLabel(option, t)}
        value={value.softwareVendors}
        onChange={(softwareVendors) => setValue({ ...value, softwareVendors: softwareVendors as SoftwareVendor[] })}
        error={fieldError(errors, 'softwareVendors')}
      />
      {value.softwareVendors.includes(OTHER) ? (
        <TextField
          id={known.softwareVendorOther!.id}
          label={t('configuration.technical.other')}
          required
          maxLength={200}
          autoComplete="off"
          error={fieldError(errors, 'softwareVendorOther')}
          value={value.softwareVendorOther}
          onChange={(event) => setValue({ ...value, softwareVendorOther: event.target.value })}
        />
      ) : null}

      <CheckboxGroup
        id={known.programmes!.id}
        legend={t('configuration.technical.programmes')}
        options={PROGRAMME_LIST}
        value={value.programmes}
        onChange={(programmes) => setValue({ ...value, programmes: programmes as Programme[] })}
        error={fieldError(errors, 'programmes')}
      />
      <TextAreaField
        id={known.programmeMapping!.id}
        label={t('configuration.technical.programmeMapping')}
        maxLength={2000}
        rows={3}
        error={fieldError(errors, 'programmeMapping')}
        value={value.programmeMapping}
        onChange={(event) => setValue({ ...value, programmeMapping: event.target.value })}
      />

      {(['technicalContact', 'testContact'] as const).map((contact) => (
        <ContactFields
          key={contact}
          contact={contact}
          value={value[contact]}
          onChange={(next) => setValue({ ...value, [contact]: next })}
          errors={errors}
        />
      ))}

      <TextAreaField
        id={known.remarks!.id}
        label={t('configuration.technical.remarks')}
        maxLength={2000}
        rows={3}
        error={fieldError(errors, 'remarks')}
        value={value.remarks}
        onChange={(event) => setValue({ ...value, remarks: event.target.value })}
      />
      <SaveActions isBusy={form.isBusy} isSaved={form.isSaved} />
    </form>
  );
}

function ContactFields({
  contact,
  value,
  onChange,
  errors,
}: {
  contact: ContactKey;
  value: ContactValue;
  onChange: (value: ContactValue) => void;
  errors: FormErrors | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t(`configuration.technical.${contact}`)}</legend>
      {CONTACT_FIELDS.map((field) => (
        <TextField
          key={field}
          id={`${PREFIX}-${contact}-${field}`}
          label={t(`configuration.technical.contact.${field}`)}
          required
          type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
          inputMode={field === 'email' ? 'email' : field === 'phone' ? 'tel' : undefined}
          maxLength={field === 'email' || field === 'phone' ? undefined : 100}
          autoComplete="off"
          error={fieldError(errors, `${contact}.${field}`)}
          value={value[field]}
          onChange={(event) => onChange({ ...value, [field]: event.target.value })}
        />
      ))}
    </fieldset>
  );
}
