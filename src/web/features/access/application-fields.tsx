import { useTranslation } from 'react-i18next';
import { APPLICATIONS } from '../../../shared/applications.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { applicationName } from './access-common.js';

/** "Beveiligde toepassingen" as checkboxes, each with its description (R2.8). */
export function ApplicationCheckboxes({
  prefix,
  value,
  onChange,
  error,
  legend,
}: {
  prefix: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  legend?: string;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const errorId = `${prefix}-applications-error`;
  return (
    <fieldset
      className={error ? 'fieldset form__group--error' : 'fieldset'}
      id={`${prefix}-applications`}
      aria-describedby={error ? errorId : undefined}
      tabIndex={-1}
    >
      <legend>{legend ?? t('access.applications')}</legend>
      {error ? (
        <p id={errorId} className="form__error">
          {error}
        </p>
      ) : null}
      <ul className="checkbox-list">
        {APPLICATIONS.map((app) => {
          const id = `${prefix}-app-${app.code}`;
          return (
            <li key={app.code} className="checkbox">
              <input
                type="checkbox"
                id={id}
                className="checkbox__input"
                checked={value.includes(app.code)}
                aria-describedby={`${id}-description`}
                onChange={(event) =>
                  onChange(event.target.checked ? [...value, app.code] : value.filter((code) => code !== app.code))
                }
              />
              <label htmlFor={id} className="checkbox__label">
                {app.name[language]}
              </label>
              <span id={`${id}-description`} className="checkbox__description">
                {app.description[language]}
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** The applications of a review or a user, as a list of names. */
export function ApplicationList({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  if (codes.length === 0) return <p>{t('access.noApplications')}</p>;
  return (
    <ul>
      {codes.map((code) => (
        <li key={code}>{applicationName(code, language)}</li>
      ))}
    </ul>
  );
}
