import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { OrganisationSummary } from '../../../modules/registry/registry.schema.js';
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
import { mergerPaths, mergersApi } from './mergers-api.js';
import { Notice } from '../../components/notice.js';

import { EMPTY, bodyOf, clientErrors, draftOf, ids, previewScenario, suggestedCode } from './merger-form-draft.js';
import type { Draft } from './merger-form-draft.js';
import type { MergerSavedNotice } from './merger-form-draft.js';
import { SourcesFieldset, TargetFieldset } from './merger-form-sections.js';
export type { MergerSavedNotice };

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
        {existing.state.status === 'error' ? <Notice tone="error">{errorMessage(existing.state.error, t)}</Notice> : (
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

        <SourcesFieldset draft={draft} update={update} errors={errors} onAdd={addSource} onRemove={removeSource} />
        <TargetFieldset draft={draft} update={update} errors={errors} />

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
