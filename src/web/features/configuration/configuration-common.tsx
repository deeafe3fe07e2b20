import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Section } from '../../../modules/configuration/configuration.schema.js';
import { formErrorsOf } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import type { ConfigurationViewData } from './configuration-api.js';

// The sections in the guide's menu order, with the Dutch path of each screen.
const SECTION_SLUGS: Record<Section, string> = {
  mutations: 'mutaties',
  technical: 'technische-dienstverleners',
  contact: 'contactgegevens',
  online: 'ocmw-online',
};
export const SECTION_LIST = Object.keys(SECTION_SLUGS) as Section[];

/** Paths of the OCMW-configuratie screens. */
export const configurationPaths = {
  home: '/configuratie',
  section: (section: Section) => `/configuratie/${SECTION_SLUGS[section]}`,
  /** The mutations delivered to the OCMW (R5.2); a static segment, so it wins over `:section`. */
  receivedMutations: '/configuratie/ontvangen-mutaties',
};

/** The section of a path segment, or undefined for an unknown one. */
export function sectionOfSlug(slug: string | undefined): Section | undefined {
  return SECTION_LIST.find((section) => SECTION_SLUGS[section] === slug);
}

/** What every section gets from the page. */
export interface SectionProps {
  view: ConfigurationViewData;
  onSaved: (view: ConfigurationViewData) => void;
  onDirtyChange: (isDirty: boolean) => void;
}

/**
 * The state of a section form: the value shown, the value last saved (to know whether there are
 * unsaved changes), the errors of the last attempt and "Bewaren".
 */
export function useSectionForm<T>(
  initial: T,
  { onSaved, onDirtyChange }: Pick<SectionProps, 'onSaved' | 'onDirtyChange'>,
  save: (value: T) => Promise<ConfigurationViewData>,
) {
  const { t } = useTranslation();
  const [baseline, setBaseline] = useState(initial);
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isBusy, setBusy] = useState(false);
  const [isSaved, setSaved] = useState(false);
  const isDirty = JSON.stringify(value) !== JSON.stringify(baseline);

  // `onDirtyChange` is the page's state setter: stable, so these run when `isDirty` changes.
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const view = await save(value);
      setErrors(undefined);
      setBaseline(value);
      setSaved(true);
      onSaved(view);
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  return { value, setValue, baseline, errors, isBusy, isSaved: isSaved && !isDirty, isDirty, onSubmit };
}

/** The "Bewaren" button and the message that the section was saved. */
export function SaveActions({ isBusy, isSaved }: { isBusy: boolean; isSaved: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="form__hint">{t('configuration.saveHint')}</p>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {t('form.keep')}
        </button>
      </div>
      <div role="status">{isSaved ? <p className="notice notice--success">{t('configuration.saved')}</p> : null}</div>
    </>
  );
}

/** A group of checkboxes (several values of a list), with its error; focusable for the error summary. */
export function CheckboxGroup({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  required,
  labelOf = (option) => option,
}: {
  id: string;
  legend: string;
  options: readonly string[];
  /** The text of an option (a value such as "Andere" is stored in Dutch but shown in the UI language). */
  labelOf?: (option: string) => string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const errorId = `${id}-error`;
  return (
    <fieldset className={error ? 'fieldset form__group--error' : 'fieldset'} id={id} aria-describedby={error ? errorId : undefined} tabIndex={-1}>
      <legend>
        {legend}
        {required ? (
          <>
            {' '}
            <span aria-hidden="true">*</span>
            <span className="visually-hidden"> ({t('form.required')})</span>
          </>
        ) : null}
      </legend>
      {error ? (
        <p id={errorId} className="form__error">
          {error}
        </p>
      ) : null}
      <ul className="checkbox-list">
        {options.map((option, index) => {
          const optionId = `${id}-${index}`;
          return (
            <li key={option} className="checkbox">
              <input
                type="checkbox"
                id={optionId}
                className="checkbox__input"
                checked={value.includes(option)}
                onChange={(event) => onChange(event.target.checked ? options.filter((o) => o === option || value.includes(o)) : value.filter((o) => o !== option))}
              />
              <label htmlFor={optionId} className="checkbox__label">
                {labelOf(option)}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** A question answered "ja" / "nee" with two radio buttons, as in the guide. */
export function YesNo({ id, legend, value, onChange }: { id: string; legend: string; value: boolean; onChange: (value: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset" id={id}>
      <legend>{legend}</legend>
      {([true, false] as const).map((option) => (
        <div className="radio" key={String(option)}>
          <input type="radio" id={`${id}-${option ? 'yes' : 'no'}`} name={id} checked={value === option} onChange={() => onChange(option)} />
          <label htmlFor={`${id}-${option ? 'yes' : 'no'}`}>{option ? t('configuration.yes') : t('configuration.no')}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A trimmed text, or undefined when it is empty (optional fields of the API). */
export function optional(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}
