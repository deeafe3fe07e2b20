import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergerSummary } from '../../../modules/merger/merger.schema.js';
import type { OrganisationSummary } from '../../../modules/registry/registry.schema.js';
import { api, ApiError } from '../../api.js';
import { Badge } from '../../components/badge.js';
import { formatDate, localName } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: MergerSummary[]; total: number };

/** The list of mergers (SPEC R1): scenario, merging OCMWs and the new or kept OCMW. */
export function MergersPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  useDocumentTitle(t('mergers.title'));

  useEffect(() => {
    const controller = new AbortController();
    api
      .listMergers(controller.signal)
      .then((list) => setState({ status: 'ready', items: list.items, total: list.total }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: error instanceof ApiError && error.message ? error.message : '' });
      });
    return () => controller.abort();
  }, []);

  function organisationLine(organisation: OrganisationSummary) {
    return (
      <>
        <span className="merger__org-name">{localName(organisation.name, language)}</span>
        {organisation.isDemo ? (
          <>
            {' '}
            <Badge tone="demo" title={t('choice.demoLong')}>
              {t('choice.demo')}
            </Badge>
          </>
        ) : null}{' '}
        <span className="merger__kbo">{t('mergers.kbo', { kbo: organisation.kboFormatted })}</span>
      </>
    );
  }

  return (
    <>
      <h1>{t('mergers.title')}</h1>
      <p>{t('mergers.intro')}</p>
      {state.status === 'loading' ? (
        <p role="status">{t('mergers.loading')}</p>
      ) : state.status === 'error' ? (
        <p role="alert" className="notice notice--error">
          {state.message || t('app.unexpectedError')}
        </p>
      ) : state.items.length === 0 ? (
        <p className="notice">{t('mergers.empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="mergers-caption" tabIndex={0}>
          <table className="table">
            <caption id="mergers-caption">{t('mergers.caption', { count: state.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mergers.colName')}</th>
                <th scope="col">{t('mergers.colScenario')}</th>
                <th scope="col">{t('mergers.colSources')}</th>
                <th scope="col">{t('mergers.colTarget')}</th>
                <th scope="col">{t('mergers.colEffectiveDate')}</th>
              </tr>
            </thead>
            <tbody>
              {state.items.map((merger) => (
                <tr key={merger.id}>
                  <th scope="row">{merger.name}</th>
                  <td>
                    <span className="scenario">
                      <span className="scenario__number">{merger.scenario}</span>{' '}
                      {t(`mergers.scenario${merger.scenario}`)}
                    </span>
                  </td>
                  <td>
                    <ul className="plain-list">
                      {merger.sources.map((source) => (
                        <li key={source.organisation.id}>{organisationLine(source.organisation)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <div>
                      {organisationLine(merger.target.organisation)}
                      {merger.target.isNewOrganisation ? (
                        <>
                          {' '}
                          <Badge tone="new">{t('mergers.new')}</Badge>
                        </>
                      ) : null}
                    </div>
                    <div className="merger__nis">
                      {t('mergers.nis', { nis: merger.target.nis })}
                      {merger.target.isNewNis ? (
                        <>
                          {' '}
                          <Badge tone="new">{t('mergers.new')}</Badge>
                        </>
                      ) : null}
                    </div>
                  </td>
                  <td>{formatDate(merger.effectiveDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
