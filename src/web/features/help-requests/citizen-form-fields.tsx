import type { FormErrors } from '../../components/form-errors.js';
import { fieldError } from '../../components/form-errors.js';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../components/form-field.js';
import { MESSAGE_MAX, PREFIX } from './citizen-draft.js';
import type { Draft } from './citizen-draft.js';
import { HELP_KIND_LIST } from './help-requests-api.js';
import { kindLabel } from './help-requests-common.js';
import type { OcmwLookup } from './use-ocmw-lookup.js';

/**
 * The citizen form's fields (R6.1–R6.2): the kinds of help, the residence (the OCMW follows it as
 * typed; a postcode of several municipalities asks which), who asks, how to reach them, the message.
 */
export function CitizenFormFields({
  draft,
  set,
  errors,
  residence,
  labels,
}: {
  draft: Draft;
  set: (changes: Partial<Draft>) => void;
  errors: FormErrors | undefined;
  residence: OcmwLookup;
  labels: Record<keyof Draft, string>;
}) {
  const { t } = useTranslation();
  const { municipalities, needsMunicipality } = residence;
  const kindsError = fieldError(errors, 'kinds');
  const nisError = fieldError(errors, 'nis');
  const messageLength = draft.message.trim().length;
  const contactHintId = `${PREFIX}-contact-hint`;
  return (
    <>
    <fieldset
      className={kindsError ? 'fieldset form__group--error' : 'fieldset'}
      id={`${PREFIX}-kinds`}
      aria-describedby={[`${PREFIX}-kinds-hint`, kindsError ? `${PREFIX}-kinds-error` : null].filter(Boolean).join(' ')}
    >
      <legend>
        {labels.kinds} <span aria-hidden="true">*</span>
        <span className="visually-hidden"> ({t('form.required')})</span>
      </legend>
      <p id={`${PREFIX}-kinds-hint`} className="form__hint">
        {t('helpRequests.citizen.kindsHint')}
      </p>
      {kindsError ? (
        <p id={`${PREFIX}-kinds-error`} className="form__error">
          {kindsError}
        </p>
      ) : null}
      <ul className="checkbox-list">
        {HELP_KIND_LIST.map((kind) => {
          const id = `${PREFIX}-kind-${kind}`;
          return (
            <li key={kind} className="checkbox">
              <input
                type="checkbox"
                id={id}
                name="kinds"
                value={kind}
                className="checkbox__input"
                checked={draft.kinds.includes(kind)}
                onChange={(event) =>
                  set({ kinds: event.target.checked ? [...draft.kinds, kind] : draft.kinds.filter((k) => k !== kind) })
                }
              />
              <label htmlFor={id} className="checkbox__label">
                {kindLabel(kind, t)}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>

    <fieldset className="fieldset">
      <legend>{t('helpRequests.citizen.residenceLegend')}</legend>
      <TextField
        id={`${PREFIX}-postcode`}
        label={labels.postcode}
        required
        hint={t('helpRequests.citizen.postcodeHint')}
        inputMode="numeric"
        autoComplete="postal-code"
        className="form__input form__input--small"
        maxLength={4}
        error={fieldError(errors, 'postcode')}
        value={draft.postcode}
        onChange={(event) => set({ postcode: event.target.value, nis: '' })}
      />
      <p role="status">
        {residence.statusText()}
      </p>
      {needsMunicipality ? (
        <fieldset
          className={nisError ? 'fieldset form__group--error' : 'fieldset'}
          id={`${PREFIX}-nis`}
          aria-describedby={nisError ? `${PREFIX}-nis-error` : undefined}
        >
          <legend>
            {labels.nis} <span aria-hidden="true">*</span>
            <span className="visually-hidden"> ({t('form.required')})</span>
          </legend>
          {nisError ? (
            <p id={`${PREFIX}-nis-error`} className="form__error">
              {nisError}
            </p>
          ) : null}
          {municipalities.map((m) => (
            <div className="radio" key={m.nis}>
              <input
                type="radio"
                id={`${PREFIX}-nis-${m.nis}`}
                name={`${PREFIX}-nis`}
                value={m.nis}
                checked={draft.nis === m.nis}
                onChange={() => set({ nis: m.nis })}
              />
              <label htmlFor={`${PREFIX}-nis-${m.nis}`}>{m.name}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
    </fieldset>

    <fieldset className="fieldset">
      <legend>{t('helpRequests.citizen.identityLegend')}</legend>
      <TextField
        id={`${PREFIX}-surname`}
        label={labels.surname}
        required
        autoComplete="family-name"
        error={fieldError(errors, 'surname')}
        value={draft.surname}
        onChange={(event) => set({ surname: event.target.value })}
      />
      <TextField
        id={`${PREFIX}-firstName`}
        label={labels.firstName}
        required
        autoComplete="given-name"
        error={fieldError(errors, 'firstName')}
        value={draft.firstName}
        onChange={(event) => set({ firstName: event.target.value })}
      />
      <TextField
        id={`${PREFIX}-insz`}
        label={`${labels.insz} ${t('helpRequests.citizen.optional')}`}
        hint={t('helpRequests.citizen.inszHint')}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        error={fieldError(errors, 'insz')}
        value={draft.insz}
        onChange={(event) => set({ insz: event.target.value })}
      />
    </fieldset>

    <fieldset className="fieldset" aria-describedby={contactHintId}>
      <legend>{t('helpRequests.citizen.contactLegend')}</legend>
      <p id={contactHintId} className="form__hint">
        {t('helpRequests.citizen.contactHint')}
      </p>
      <TextField
        id={`${PREFIX}-email`}
        type="email"
        label={labels.email}
        autoComplete="email"
        spellCheck={false}
        error={fieldError(errors, 'email')}
        value={draft.email}
        onChange={(event) => set({ email: event.target.value })}
      />
      <TextField
        id={`${PREFIX}-phone`}
        type="tel"
        label={labels.phone}
        hint={t('helpRequests.citizen.phoneHint')}
        autoComplete="tel"
        error={fieldError(errors, 'phone')}
        value={draft.phone}
        onChange={(event) => set({ phone: event.target.value })}
      />
    </fieldset>

    <TextAreaField
      id={`${PREFIX}-message`}
      label={labels.message}
      required
      rows={8}
      hint={
        <>
          {t('helpRequests.citizen.messageHint', { max: MESSAGE_MAX })}{' '}
          <span className={messageLength > MESSAGE_MAX ? 'form__error' : undefined}>
            {messageLength > MESSAGE_MAX
              ? t('helpRequests.citizen.charactersTooMany', { count: messageLength - MESSAGE_MAX })
              : t('helpRequests.citizen.charactersLeft', { count: MESSAGE_MAX - messageLength })}
          </span>
        </>
      }
      error={fieldError(errors, 'message')}
      value={draft.message}
      onChange={(event) => set({ message: event.target.value })}
    />
    </>
  );
}
