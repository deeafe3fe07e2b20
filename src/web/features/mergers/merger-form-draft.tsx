import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationSummary } from '../../../modules/registry/registry.schema.js';
import { validateKbo, validateNis } from '../../../shared/identifiers.js';
import { translate } from '../../../shared/messages.js';
import { errorMessage } from '../../components/error-message.js';
import { TextField } from '../../components/form-field.js';
import { localName } from '../../components/format.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { UiLanguage } from '../../i18n/index.js';
import { mergersApi } from './mergers-api.js';
import type { MergerBodyData, MergerSummaryData } from './mergers-api.js';
import { slugify } from '../../../shared/slug.js';

// The merger form's draft, the browser's checks and the search for a source OCMW (R7.1).
export const PREFIX = 'merger-form';
export const ids = {
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

export type TargetMode = 'source' | 'new' | 'existing';

export interface SourceDraft {
  organisation: OrganisationSummary;
  nis: string;
}

export interface Draft {
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

export const EMPTY: Draft = {
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


export function suggestedCode(name: string, effectiveDate: string): string {
  const slug = slugify(name);
  const year = /^\d{4}/.exec(effectiveDate)?.[0];
  return slug && year ? `${slug}-${year}` : slug;
}

export function draftOf(merger: MergerSummaryData): Draft {
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
export function previewScenario(draft: Draft): 1 | 2 | 3 | undefined {
  if (draft.sources.length < 2 || !/^\d{5}$/.test(draft.targetNis)) return undefined;
  if (draft.targetMode === 'new' || draft.targetMode === 'existing') return 1;
  if (draft.targetMode !== 'source' || !draft.targetSourceId) return undefined;
  const keeper = draft.sources.find((s) => s.organisation.id === draft.targetSourceId);
  return keeper && keeper.nis === draft.targetNis ? 3 : 2;
}

/** The checks the browser can make before asking the server (which checks everything again). */
export function clientErrors(draft: Draft, t: (key: string) => string, language: UiLanguage): Record<string, string> {
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

export function bodyOf(draft: Draft): MergerBodyData {
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
export function SourceSearch({ chosen, onAdd, error }: { chosen: SourceDraft[]; onAdd: (organisation: OrganisationSummary) => void; error?: string }) {
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
