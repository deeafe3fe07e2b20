import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { Breadcrumbs, displayInsz } from '../access/access-common.js';
import { preloadDossierSchema, validateRegisterForm } from './dossier-validation.js';
import type { RegisterDraft } from './dossier-validation.js';
import { FORM_KIND_LIST, FORM_TYPE_LIST, dossiersApi, isFormKind } from './dossiers-api.js';
import { dossierPaths, kindLabel, subtypeLabel } from './dossiers-common.js';

const PREFIX = 'dossier-register';

/** What the detail page shows after a registration. */
export interface RegisteredState {
  registered: { formId: string; subtype: string; startDate: string };
}

function initialInsz(value: string | null): string {
  const insz = value?.trim() ?? '';
  return /^\d{11}$/.test(insz) ? displayInsz(insz) : insz;
}

/**
 * "Formulier registreren" (R9.1, R9.2): an integration decision or an A036 certificate for a
 * person, as the social software would register it. The form lands in the person's open dossier
 * (the server opens one when there is none); an overlapping running form of the same kind is
 * refused at the start date.
 */
export function RegisterFormPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  // Issue 24: the person comes in the navigation's state (registerFor), never in the URL.
  const location = useLocation() as { state?: { insz?: unknown } | null };
  const [draft, setDraft] = useState<RegisterDraft>(() => ({
    insz: initialInsz(typeof location.state?.insz === 'string' ? location.state.insz : null),
    kind: 'integration',
    subtype: '',
    startDate: '',
    endDate: '',
  }));
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isBusy, setBusy] = useState(false);
  const title = t('dossiers.register.title');
  useDocumentTitle(title);

  useEffect(() => {
    preloadDossierSchema();
  }, []);

  const types: readonly string[] = isFormKind(draft.kind) ? FORM_TYPE_LIST[draft.kind] : [];

  function onKind(kind: string) {
    // Another kind has other types: a type of the old kind no longer applies.
    setDraft((previous) => ({ ...previous, kind, subtype: isFormKind(kind) && (FORM_TYPE_LIST[kind] as readonly string[]).includes(previous.subtype) ? previous.subtype : '' }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const checked = await validateRegisterForm(draft, t, language);
      if ('fields' in checked) {
        setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields: checked.fields }));
        return;
      }
      const form = await dossiersApi.register(checked.body);
      const state: RegisteredState = { registered: { formId: form.id, subtype: form.subtype, startDate: form.startDate } };
      navigate(dossierPaths.detail(form.dossierId), { state });
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  const kindError = fieldError(errors, 'kind');
  const known = {
    insz: { id: `${PREFIX}-insz`, label: t('dossiers.register.insz') },
    kind: { id: `${PREFIX}-kind-${draft.kind || FORM_KIND_LIST[0]}`, label: t('dossiers.register.kind') },
    subtype: { id: `${PREFIX}-subtype`, label: t('dossiers.register.subtype') },
    startDate: { id: `${PREFIX}-startDate`, label: t('dossiers.register.startDate') },
    endDate: { id: `${PREFIX}-endDate`, label: t('dossiers.register.endDate') },
  };

  return (
    <>
      <Breadcrumbs items={[{ to: dossierPaths.list, label: t('dossiers.list.title') }, { label: title }]} />
      <h1>{title}</h1>
      <p>{t('dossiers.register.intro')}</p>
      <p>{t('form.requiredNote')}</p>
      {errors ? <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} /> : null}
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id={known.insz.id}
          label={known.insz.label}
          hint={t('dossiers.register.inszHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          error={fieldError(errors, 'insz')}
          value={draft.insz}
          onChange={(event) => setDraft({ ...draft, insz: event.target.value })}
        />
        <fieldset
          className={kindError ? 'fieldset form__group--error' : 'fieldset'}
          aria-describedby={kindError ? `${PREFIX}-kind-error` : undefined}
        >
          <legend>
            {known.kind.label} <span aria-hidden="true">*</span>
            <span className="visually-hidden"> ({t('form.required')})</span>
          </legend>
          {kindError ? (
            <p id={`${PREFIX}-kind-error`} className="form__error">
              {kindError}
            </p>
          ) : null}
          {FORM_KIND_LIST.map((kind) => (
            <div className="radio" key={kind}>
              <input
                type="radio"
                id={`${PREFIX}-kind-${kind}`}
                name={`${PREFIX}-kind`}
                value={kind}
                checked={draft.kind === kind}
                onChange={() => onKind(kind)}
              />
              <label htmlFor={`${PREFIX}-kind-${kind}`}>{kindLabel(kind, t)}</label>
            </div>
          ))}
        </fieldset>
        <SelectField
          id={known.subtype.id}
          label={known.subtype.label}
          hint={t('dossiers.register.subtypeHint')}
          required
          error={fieldError(errors, 'subtype')}
          value={draft.subtype}
          onChange={(event) => setDraft({ ...draft, subtype: event.target.value })}
        >
          <option value="">{t('dossiers.register.chooseSubtype')}</option>
          {types.map((subtype) => (
            <option key={subtype} value={subtype}>
              {subtypeLabel(subtype, t)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={known.startDate.id}
          type="date"
          label={known.startDate.label}
          required
          error={fieldError(errors, 'startDate')}
          value={draft.startDate}
          onChange={(event) => setDraft({ ...draft, startDate: event.target.value })}
        />
        <TextField
          id={known.endDate.id}
          type="date"
          label={known.endDate.label}
          hint={t('dossiers.register.endDateHint')}
          min={draft.startDate || undefined}
          error={fieldError(errors, 'endDate')}
          value={draft.endDate}
          onChange={(event) => setDraft({ ...draft, endDate: event.target.value })}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t('dossiers.register.submit')}
          </button>
          <Link to={dossierPaths.list} className="button">
            {t('form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
