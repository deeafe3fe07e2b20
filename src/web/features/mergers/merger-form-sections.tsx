import { useTranslation } from 'react-i18next';
import type { OrganisationSummary } from '../../../modules/registry/registry.schema.js';
import type { FormErrors } from '../../components/form-errors.js';
import { fieldError } from '../../components/form-errors.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { localName } from '../../components/format.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { PREFIX, SourceSearch, ids } from './merger-form-draft.js';
import type { Draft } from './merger-form-draft.js';

interface SectionProps {
  draft: Draft;
  update: (changes: Partial<Draft>) => void;
  errors: FormErrors | undefined;
}

/** The disappearing and merging OCMWs (R7.1), each with the NIS it serves; found by name, KBO or NIS. */
export function SourcesFieldset({ draft, update, errors, onAdd, onRemove }: SectionProps & { onAdd: (organisation: OrganisationSummary) => void; onRemove: (index: number) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const exact = (key: string) => errors?.fields[key];
  return (
    <fieldset className={exact('sources') ? 'fieldset form__group--error' : 'fieldset'}>
      <legend>{t('mergers.form.sources')}</legend>
      <p className="form__hint">{t('mergers.form.sourcesHint')}</p>
      {draft.sources.length === 0 ? (
        <p>{t('mergers.form.noSources')}</p>
      ) : (
        <ul className="plain-list merger-form__sources" aria-label={t('mergers.form.chosenSources')}>
          {draft.sources.map((source, index) => {
            const name = localName(source.organisation.name, language);
            const rowError = exact(`sources.${index}.organisationId`) ?? exact(`sources.${index}`);
            return (
              <li key={source.organisation.id} className="merger-form__source">
                <p className="merger-form__source-name">
                  <span className="merger__org-name">{name}</span> <span className="merger__kbo">{t('mergers.kbo', { kbo: source.organisation.kboFormatted })}</span>
                </p>
                {rowError ? <p className="form__error">{rowError}</p> : null}
                <div className="form--inline">
                  <TextField
                    id={ids.sourceNis(index)}
                    label={t('mergers.form.sourceNis', { name })}
                    hint={t('mergers.form.sourceNisHint')}
                    required
                    inputMode="numeric"
                    autoComplete="off"
                    className="form__input form__input--small"
                    value={source.nis}
                    error={exact(`sources.${index}.nis`)}
                    onChange={(event) =>
                      update({ sources: draft.sources.map((s, i) => (i === index ? { ...s, nis: event.target.value } : s)) })
                    }
                  />
                  <button type="button" className="button button--small button--danger" onClick={() => onRemove(index)}>
                    {t('mergers.form.remove')}
                    <span className="visually-hidden"> – {name}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <SourceSearch chosen={draft.sources} onAdd={onAdd} error={exact('sources')} />
    </fieldset>
  );
}

/** The merged OCMW: one of the sources keeps its KBO, the existing target, or a new organisation; and the NIS it serves. */
export function TargetFieldset({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const exact = (key: string) => errors?.fields[key];
  return (
    <fieldset className={fieldError(errors, 'targetOrganisationId') || fieldError(errors, 'newTarget') ? 'fieldset form__group--error' : 'fieldset'}>
      <legend>{t('mergers.form.target')}</legend>
      {exact('targetOrganisationId') && draft.targetMode !== 'source' ? <p className="form__error">{exact('targetOrganisationId')}</p> : null}
      <div className="radio">
        <input
          id={ids.targetMode}
          type="radio"
          name="target-mode"
          value="source"
          checked={draft.targetMode === 'source'}
          onChange={() => update({ targetMode: 'source' })}
        />
        <label htmlFor={ids.targetMode}>{t('mergers.form.targetSourceMode')}</label>
      </div>
      {draft.existingTarget ? (
        <div className="radio">
          <input
            id={`${PREFIX}-target-existing-mode`}
            type="radio"
            name="target-mode"
            value="existing"
            checked={draft.targetMode === 'existing'}
            onChange={() => update({ targetMode: 'existing' })}
          />
          <label htmlFor={`${PREFIX}-target-existing-mode`}>
            {t('mergers.form.targetExistingMode', {
              name: localName(draft.existingTarget.name, language),
              kbo: draft.existingTarget.kboFormatted,
            })}
          </label>
        </div>
      ) : null}
      <div className="radio">
        <input
          id={`${PREFIX}-target-new-mode`}
          type="radio"
          name="target-mode"
          value="new"
          checked={draft.targetMode === 'new'}
          onChange={() => update({ targetMode: 'new' })}
        />
        <label htmlFor={`${PREFIX}-target-new-mode`}>{t('mergers.form.targetNewMode')}</label>
      </div>

      {draft.targetMode === 'source' ? (
        <SelectField
          id={ids.targetSource}
          label={t('mergers.form.targetSource')}
          required
          value={draft.targetSourceId}
          error={exact('targetOrganisationId')}
          onChange={(event) => update({ targetSourceId: event.target.value })}
        >
          <option value="">{t('mergers.form.targetSourceChoose')}</option>
          {draft.sources.map((source) => (
            <option key={source.organisation.id} value={source.organisation.id}>
              {localName(source.organisation.name, language)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {draft.targetMode === 'new' ? (
        <>
          <TextField
            id={ids.newKbo}
            label={t('mergers.form.newKbo')}
            hint={t('mergers.form.newKboHint')}
            required
            autoComplete="off"
            spellCheck={false}
            value={draft.newKbo}
            error={exact('newTarget.kbo')}
            onChange={(event) => update({ newKbo: event.target.value })}
          />
          <TextField
            id={ids.newNameNl}
            label={t('mergers.form.newNameNl')}
            required
            lang="nl"
            value={draft.newNameNl}
            error={exact('newTarget.nameNl')}
            onChange={(event) => update({ newNameNl: event.target.value })}
          />
          <TextField
            id={ids.newNameFr}
            label={t('mergers.form.newNameFr')}
            hint={t('mergers.form.newNameOptional')}
            lang="fr"
            value={draft.newNameFr}
            error={exact('newTarget.nameFr')}
            onChange={(event) => update({ newNameFr: event.target.value })}
          />
          <TextField
            id={ids.newNameDe}
            label={t('mergers.form.newNameDe')}
            hint={t('mergers.form.newNameOptional')}
            lang="de"
            value={draft.newNameDe}
            error={exact('newTarget.nameDe')}
            onChange={(event) => update({ newNameDe: event.target.value })}
          />
        </>
      ) : null}
      <TextField
        id={ids.targetNis}
        label={t('mergers.form.targetNis')}
        hint={t('mergers.form.targetNisHint')}
        required
        inputMode="numeric"
        autoComplete="off"
        className="form__input form__input--small"
        value={draft.targetNis}
        error={fieldError(errors, 'targetNis')}
        onChange={(event) => update({ targetNis: event.target.value })}
      />
    </fieldset>
  );
}
