import { useEffect, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { OrganisationSummary } from '../../../modules/registry/registry.schema.js';
import { validateKbo, validateNis } from '../../../shared/identifiers.js';
import { translate } from '../../../shared/messages.js';
import { api } from '../../api.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorMessage } from '../../components/error-message.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { localName } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { UiLanguage } from '../../i18n/index.js';
import { mergerPaths, mergersApi } from './mergers-api.js';
import type { MergerBodyData, MergerSummaryData } from './mergers-api.js';

const PREFIX = 'merger-form';
const ids = {
  name: `${PREFIX}-name`,
  code: `${PREFIX}-code`,
  effectiveDate: `${PREFIX}-effective-date`,
  htbDeadline: `${PREFIX}-htb-deadline`,
  search: `${PREFIX}-search`,
  sourceNis: (index: number) => `${PREFIX}-source-${index}-nis`,
  targetMode: `${PREFIX}-target-source-mode`,
  targetSource: `${PREFIX}-target-source`,
  newKbo: `${PREFIX}-new-kbo`,
  newNameNl: `${PREFIX}-new-name-nl`,
  newNameFr: `${PREFIX}-new-name-fr`,
  newNameDe: `${PREFIX}-new-name-de`,
  targetNis: `${PREFIX}-target-nis`,
  declaredScenario: `${PREFIX}-declared-scenario`,
};

type TargetMode = 'source' | 'new' | 'existing';

interface SourceDraft {
  organisation: OrganisationSummary;
  nis: string;
}

interface Draft {
  name: string;
  code: string;
  /** The code follows the name and year until the administrator types one. */
  isCodeTouched: boolean;
  effectiveDate: string;
  htbDeadline: string;
  sources: SourceDraft[];
  targetMode: TargetMode | '';
  targetSourceId: string;
  /** Editing a scenario-1 merger: the new organisation already registered for it. */
  existingTarget?: OrganisationSummary;
  newKbo: string;
  newNameNl: string;
  newNameFr: string;
  newNameDe: string;
  targetNis: string;
  declaredScenario: '' | '1' | '2' | '3';
}

const EMPTY: Draft = {
  name: '',
  code: '',
  isCodeTouched: false,
  effectiveDate: '',
  htbDeadline: '',
  sources: [],
  targetMode: '',
  targetSourceId: '',
  newKbo: '',
  newNameNl: '',
  newNameFr: '',
  newNameDe: '',
  targetNis: '',
  declaredScenario: '',
};

/** As the server derives a code from a name (merger-definitions.ts slugify). */
function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function suggestedCode(name: string, effectiveDate: string): string {
  const slug = slugify(name);
  const year = /^\d{4}/.exec(effectiveDate)?.[0];
  return slug && year ? `${slug}-${year}` : slug;
}

function draftOf(merger: MergerSummaryData): Draft {
  const target = merger.target;
  const targetIsSource = merger.sources.some((s) => s.organisation.id === target.organisation.id);
  return {
    ...EMPTY,
    name: merger.name,
    code: merger.code,
    isCodeTouched: true,
    effectiveDate: merger.effectiveDate,
    htbDeadline: merger.htbDeadline,
    sources: merger.sources.map((s) => ({ organisation: s.organisation, nis: s.nis })),
    targetMode: targetIsSource ? 'source' : 'existing',
    targetSourceId: targetIsSource ? target.organisation.id : '',
    existingTarget: targetIsSource ? undefined : target.organisation,
    targetNis: target.nis,
  };
}

/** The scenario the data gives (R1.4), as the server will derive it; undefined while incomplete. */
function previewScenario(draft: Draft): 1 | 2 | 3 | undefined {
  if (draft.sources.length < 2 || !/^\d{5}$/.test(draft.targetNis)) return undefined;
  if (draft.targetMode === 'new' || draft.targetMode === 'existing') return 1;
  if (draft.targetMode !== 'source' || !draft.targetSourceId) return undefined;
  const keeper = draft.sources.find((s) => s.organisation.id === draft.targetSourceId);
  return keeper && keeper.nis === draft.targetNis ? 3 : 2;
}

/** The checks the browser can make before asking the server (which checks everything again). */
function clientErrors(draft: Draft, t: (key: string) => string, language: UiLanguage): Record<string, string> {
  const fields: Record<string, string> = {};
  if (draft.name.trim().length < 2) fields.name = t('mergers.form.errors.name');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.effectiveDate)) fields.effectiveDate = t('mergers.form.errors.date');
  if (!/^[a-z0-9-]{3,80}$/.test(draft.code.trim())) fields.code = t('mergers.form.errors.code');
  if (draft.htbDeadline && draft.effectiveDate && draft.htbDeadline >= draft.effectiveDate) fields.htbDeadline = t('mergers.form.errors.htbDeadline');
  if (draft.sources.length < 2) fields.sources = t('mergers.form.errors.sources');
  draft.sources.forEach((source, index) => {
    const nis = validateNis(source.nis);
    if (!nis.valid) fields[`sources.${index}.nis`] = translate(nis.errors[0]!, language);
  });
  if (draft.targetMode === '') fields.targetOrganisationId = t('mergers.form.errors.target');
  if (draft.targetMode === 'source' && !draft.targetSourceId) fields.targetOrganisationId = t('mergers.form.errors.targetSource');
  if (draft.targetMode === 'new') {
    const kbo = validateKbo(draft.newKbo);
    if (!kbo.valid) fields['newTarget.kbo'] = translate(kbo.errors[0]!, language);
    if (draft.newNameNl.trim().length < 2) fields['newTarget.nameNl'] = t('mergers.form.errors.newName');
  }
  const targetNis = validateNis(draft.targetNis);
  if (!targetNis.valid) fields.targetNis = translate(targetNis.errors[0]!, language);
  return fields;
}

function bodyOf(draft: Draft): MergerBodyData {
  const target =
    draft.targetMode === 'new'
      ? {
          newTarget: {
            kbo: draft.newKbo.trim(),
            nameNl: draft.newNameNl.trim(),
            ...(draft.newNameFr.trim() ? { nameFr: draft.newNameFr.trim() } : {}),
            ...(draft.newNameDe.trim() ? { nameDe: draft.newNameDe.trim() } : {}),
          },
        }
      : { targetOrganisationId: draft.targetMode === 'existing' ? draft.existingTarget!.id : draft.targetSourceId };
  return {
    code: draft.code.trim(),
    name: draft.name.trim(),
    effectiveDate: draft.effectiveDate,
    htbDeadline: draft.htbDeadline || null,
    sources: draft.sources.map((s) => ({ organisationId: s.organisation.id, nis: s.nis.replace(/\D/g, '') })),
    ...target,
    targetNis: draft.targetNis.replace(/\D/g, ''),
    declaredScenario: draft.declaredScenario ? (Number(draft.declaredScenario) as 1 | 2 | 3) : null,
  };
}

/** What the detail page says after a save. */
export interface MergerSavedNotice {
  notice?: string;
}

/** The search for an OCMW to add as a source: by name or KBO; Enter searches (it does not submit the form). */
function SourceSearch({ chosen, onAdd, error }: { chosen: SourceDraft[]; onAdd: (organisation: OrganisationSummary) => void; error?: string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<OrganisationSummary[] | undefined>();
  const [total, setTotal] = useState(0);
  const [isSearching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | undefined>();

  async function search() {
    if (query.trim().length < 2) {
      setSearchError(t('mergers.form.searchTooShort'));
      setResults(undefined);
      return;
    }
    setSearching(true);
    setSearchError(undefined);
    try {
      const page = await mergersApi.searchOcmws(query.trim());
      setResults(page.items);
      setTotal(page.total);
    } catch (failure) {
      setSearchError(errorMessage(failure, t));
      setResults(undefined);
    } finally {
      setSearching(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void search();
    }
  }

  const chosenIds = new Set(chosen.map((s) => s.organisation.id));
  const shownError = searchError ?? error;
  return (
    <div className="merger-form__search">
      <div className="form--inline">
        <TextField
          id={ids.search}
          type="search"
          label={t('mergers.form.search')}
          hint={t('mergers.form.searchHint')}
          autoComplete="off"
          value={query}
          error={shownError}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button" onClick={() => void search()} disabled={isSearching}>
          {t('mergers.form.searchButton')}
        </button>
      </div>
      {results ? (
        <div className="merger-form__results">
          <p role="status">{results.length === 0 ? t('mergers.form.noResults') : t('mergers.form.results', { count: total, shown: results.length })}</p>
          {results.length > 0 ? (
            <ul className="plain-list" aria-label={t('mergers.form.resultsLabel')}>
              {results.map((organisation) => {
                const name = localName(organisation.name, language);
                const isChosen = chosenIds.has(organisation.id);
                return (
                  <li key={organisation.id} className="merger-form__result">
                    <span>
                      <span className="merger__org-name">{name}</span> <span className="merger__kbo">{t('mergers.kbo', { kbo: organisation.kboFormatted })}</span>
                    </span>{' '}
                    <button type="button" className="button button--small" disabled={isChosen} onClick={() => onAdd(organisation)}>
                      {isChosen ? t('mergers.form.added') : t('mergers.form.add')}
                      <span className="visually-hidden"> – {name}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/**
 * Define or change a merger (R7.1): its OCMWs with the NIS each serves, the merged OCMW (one of
 * them keeps its KBO, or a new organisation), the NIS, the date and the HTB deadline. The server
 * derives the scenario (R1.4) and refuses what contradicts the data, field by field.
 */
export function MergerFormPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const params = useParams();
  const editId = params.id ? Number(params.id) : undefined;
  const isEdit = editId !== undefined;
  const existing = useLoad(async (signal) => {
    if (!isEdit) return null;
    const list = await api.listMergers(signal);
    return list.items.find((m) => m.id === editId) ?? null;
  }, String(editId ?? 'new'));
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [isLoaded, setLoaded] = useState(!isEdit);
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isBusy, setBusy] = useState(false);
  const title = isEdit
    ? t('mergers.form.editTitle', { name: existing.state.status === 'ready' && existing.state.data ? existing.state.data.name : '' })
    : t('mergers.form.createTitle');
  useDocumentTitle(title);

  useEffect(() => {
    if (isEdit && !isLoaded && existing.state.status === 'ready' && existing.state.data) {
      setDraft(draftOf(existing.state.data));
      setLoaded(true);
    }
  }, [existing.state, isEdit, isLoaded]);

  function update(changes: Partial<Draft>) {
    setDraft((previous) => {
      const next = { ...previous, ...changes };
      if (!next.isCodeTouched) next.code = suggestedCode(next.name, next.effectiveDate);
      return next;
    });
  }

  function addSource(organisation: OrganisationSummary) {
    const index = draft.sources.length;
    update({ sources: [...draft.sources, { organisation, nis: '' }] });
    // Next: the NIS this OCMW serves.
    setTimeout(() => document.getElementById(ids.sourceNis(index))?.focus(), 0);
  }

  function removeSource(index: number) {
    const removed = draft.sources[index]!;
    update({
      sources: draft.sources.filter((_, i) => i !== index),
      targetSourceId: draft.targetSourceId === removed.organisation.id ? '' : draft.targetSourceId,
    });
    setTimeout(() => document.getElementById(ids.search)?.focus(), 0);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = clientErrors(draft, t, language);
    if (Object.keys(fields).length > 0) {
      setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields }));
      return;
    }
    setBusy(true);
    try {
      const body = bodyOf(draft);
      const saved = isEdit ? await mergersApi.update(editId, body) : await mergersApi.create(body);
      const state: MergerSavedNotice = {
        notice: t(isEdit ? 'mergers.form.updated' : 'mergers.form.created', {
          name: body.name,
          scenario: saved.scenario,
          scenarioName: t(`mergers.scenario${saved.scenario}`),
        }),
      };
      navigate(mergerPaths.detail(saved.id), { state });
    } catch (error) {
      setBusy(false);
      setErrors((previous) => formErrorsOf(error, t, previous));
    }
  }

  const known: Record<string, { id: string; label: string }> = {
    name: { id: ids.name, label: t('mergers.form.name') },
    code: { id: ids.code, label: t('mergers.form.code') },
    effectiveDate: { id: ids.effectiveDate, label: t('mergers.form.effectiveDate') },
    htbDeadline: { id: ids.htbDeadline, label: t('mergers.form.htbDeadline') },
    sources: { id: ids.search, label: t('mergers.form.sources') },
    targetOrganisationId: { id: draft.targetMode === 'source' ? ids.targetSource : ids.targetMode, label: t('mergers.form.target') },
    'newTarget.kbo': { id: ids.newKbo, label: t('mergers.form.newKbo') },
    'newTarget.nameNl': { id: ids.newNameNl, label: t('mergers.form.newNameNl') },
    'newTarget.nameFr': { id: ids.newNameFr, label: t('mergers.form.newNameFr') },
    'newTarget.nameDe': { id: ids.newNameDe, label: t('mergers.form.newNameDe') },
    targetNis: { id: ids.targetNis, label: t('mergers.form.targetNis') },
    declaredScenario: { id: ids.declaredScenario, label: t('mergers.form.declaredScenario') },
    scenario: { id: ids.declaredScenario, label: t('mergers.form.declaredScenario') },
  };
  draft.sources.forEach((source, index) => {
    const name = localName(source.organisation.name, language);
    known[`sources.${index}.nis`] = { id: ids.sourceNis(index), label: t('mergers.form.sourceNis', { name }) };
    known[`sources.${index}.organisationId`] = { id: ids.sourceNis(index), label: name };
    known[`sources.${index}`] = { id: ids.sourceNis(index), label: name };
  });

  if (isEdit && existing.state.status !== 'ready') {
    return (
      <>
        <h1>{title}</h1>
        {existing.state.status === 'error' ? (
          <p role="alert" className="notice notice--error">
            {errorMessage(existing.state.error, t)}
          </p>
        ) : (
          <p role="status">{t('mergers.loading')}</p>
        )}
      </>
    );
  }
  if (isEdit && existing.state.status === 'ready' && !existing.state.data) {
    return (
      <>
        <h1>{t('mergers.detail.notFound')}</h1>
        <p>
          <Link to={mergerPaths.list}>{t('mergers.detail.back')}</Link>
        </p>
      </>
    );
  }

  const preview = previewScenario(draft);
  const exact = (key: string) => errors?.fields[key];
  const scenarioError = exact('scenario') ?? exact('declaredScenario');

  return (
    <>
      <nav aria-label={t('mergers.detail.breadcrumbs')}>
        <ol className="breadcrumbs__list">
          <li>
            <Link to={mergerPaths.list}>{t('mergers.title')}</Link>
          </li>
          {isEdit ? (
            <li>
              <Link to={mergerPaths.detail(editId)}>{draft.name || editId}</Link>
            </li>
          ) : null}
          <li aria-current="page">{isEdit ? t('mergers.detail.edit') : t('mergers.create')}</li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <p>{t('mergers.form.intro')}</p>
      <p>{t('form.requiredNote')}</p>

      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {errors ? <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} /> : null}

        <fieldset className="fieldset">
          <legend>{t('mergers.form.general')}</legend>
          <TextField
            id={ids.name}
            label={t('mergers.form.name')}
            hint={t('mergers.form.nameHint')}
            required
            value={draft.name}
            error={fieldError(errors, 'name')}
            onChange={(event) => update({ name: event.target.value })}
          />
          <TextField
            id={ids.effectiveDate}
            type="date"
            label={t('mergers.form.effectiveDate')}
            required
            value={draft.effectiveDate}
            error={fieldError(errors, 'effectiveDate')}
            onChange={(event) => update({ effectiveDate: event.target.value })}
          />
          <TextField
            id={ids.code}
            label={t('mergers.form.code')}
            hint={t('mergers.form.codeHint')}
            required
            spellCheck={false}
            autoComplete="off"
            value={draft.code}
            error={fieldError(errors, 'code')}
            onChange={(event) => update({ code: event.target.value, isCodeTouched: true })}
          />
          <TextField
            id={ids.htbDeadline}
            type="date"
            label={t('mergers.form.htbDeadline')}
            hint={t('mergers.form.htbDeadlineHint')}
            value={draft.htbDeadline}
            error={fieldError(errors, 'htbDeadline')}
            onChange={(event) => update({ htbDeadline: event.target.value })}
          />
        </fieldset>

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
                      <button type="button" className="button button--small button--danger" onClick={() => removeSource(index)}>
                        {t('mergers.form.remove')}
                        <span className="visually-hidden"> – {name}</span>
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <SourceSearch chosen={draft.sources} onAdd={addSource} error={exact('sources')} />
        </fieldset>

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

        <SelectField
          id={ids.declaredScenario}
          label={t('mergers.form.declaredScenario')}
          hint={t('mergers.form.declaredScenarioHint')}
          value={draft.declaredScenario}
          error={scenarioError}
          onChange={(event) => update({ declaredScenario: event.target.value as Draft['declaredScenario'] })}
        >
          <option value="">{t('mergers.form.declaredNone')}</option>
          {(['1', '2', '3'] as const).map((s) => (
            <option key={s} value={s}>
              {t('mergers.form.scenarioOption', { scenario: s, name: t(`mergers.scenario${s}`) })}
            </option>
          ))}
        </SelectField>

        <p className="merger-form__preview">
          {preview
            ? t('mergers.form.preview', { scenario: preview, name: t(`mergers.scenario${preview}`) })
            : t('mergers.form.previewIncomplete')}
        </p>

        <div className="actions">
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t('form.keep')}
          </button>
          <Link to={isEdit ? mergerPaths.detail(editId) : mergerPaths.list} className="button">
            {t('form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
