import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../../components/load-status.js';
import { Link, useLocation } from 'react-router-dom';
import type { MergerSummary } from '../../../modules/merger/merger.schema.js';
import type { OrganisationSummary } from '../../../modules/registry/registry.schema.js';
import { api } from '../../api.js';
import { Badge, DemoBadge } from '../../components/badge.js';
import { formatDate, localName } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { mergerPaths, mergersApi } from './mergers-api.js';
import type { MergerProgressData } from './mergers-api.js';
import { MergerStatus, ProgressBar, ScenarioLabel } from './mergers-common.js';
import { WaveSection } from './merger-wave.js';
import { Notice } from '../../components/notice.js';

interface DashboardData {
  items: MergerSummary[];
  total: number;
  /** The checklist progress per merger (administrators only). */
  progress?: Map<number, MergerProgressData['items'][number]>;
}

/** What another page of the mergers left to say here (a merger removed). */
export interface MergersPageNotice {
  notice?: string;
}

/**
 * "Fusies" (SPEC R1, R7): every merger with its scenario, date and status. The administrator
 * also sees each merger's checklist progress and its late items, opens a merger's checklist,
 * dry run and cut-over, defines or imports mergers, and plans or runs a whole wave (one effective date).
 */
export function MergersPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const location = useLocation();
  const isAdmin = useSession().session?.context?.permissions.includes('platform.admin') ?? false;
  const { state, reload } = useLoad<DashboardData>(async (signal) => {
    const [list, progress] = await Promise.all([api.listMergers(signal), isAdmin ? mergersApi.progress(signal) : undefined]);
    return { ...list, progress: progress ? new Map(progress.items.map((p) => [p.id, p])) : undefined };
  }, `${isAdmin}|${language}`);
  const notice = (location.state as MergersPageNotice | null)?.notice;
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useDocumentTitle(t('mergers.title'));

  useEffect(() => {
    // Once the list is there (the layout has moved the focus to <main> on arrival), read the notice first.
    if (notice && state.status !== 'loading') noticeRef.current?.focus();
  }, [notice, state.status]);

  function organisationLine(organisation: OrganisationSummary) {
    return (
      <>
        <span className="merger__org-name">{localName(organisation.name, language)}</span>
        <DemoBadge isDemo={organisation.isDemo} />{' '}
        <span className="merger__kbo">{t('mergers.kbo', { kbo: organisation.kboFormatted })}</span>
      </>
    );
  }

  return (
    <>
      <h1>{t('mergers.title')}</h1>
      <p>{t(isAdmin ? 'mergers.introAdmin' : 'mergers.intro')}</p>
      {notice ? <Notice tone="success" ref={noticeRef} isFocusable>{notice}</Notice> : null}
      {isAdmin ? (
        <div className="actions">
          <Link to={mergerPaths.create} className="button button--primary">
            {t('mergers.create')}
          </Link>
          <Link to={mergerPaths.import} className="button">
            {t('mergers.importLink')}
          </Link>
        </div>
      ) : null}
      <LoadStatus state={state}>
        {(data) =>
          data.items.length === 0 ? <Notice>{t(isAdmin ? 'mergers.emptyAdmin' : 'mergers.empty')}</Notice> : (
            <div className="table-scroll" role="region" aria-labelledby="mergers-caption" tabIndex={0}>
              <table className="table">
                <caption id="mergers-caption">{t('mergers.caption', { count: data.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('mergers.colName')}</th>
                    <th scope="col">{t('mergers.colScenario')}</th>
                    <th scope="col">{t('mergers.colSources')}</th>
                    <th scope="col">{t('mergers.colTarget')}</th>
                    <th scope="col">{t('mergers.colEffectiveDate')}</th>
                    <th scope="col">{t('mergers.colStatus')}</th>
                    {data.progress ? <th scope="col">{t('mergers.colProgress')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((merger) => {
                    const progress = data.progress?.get(merger.id);
                    return (
                      <tr key={merger.id}>
                        <th scope="row">
                          {isAdmin ? <Link to={mergerPaths.detail(merger.id)}>{merger.name}</Link> : merger.name}
                          {/* Issue 19: the demo's rehearsal merger, to try checklist, dry run, cut-over and undo on. */}
                          {merger.rehearsal ? (
                            <>
                              {' '}
                              <Badge tone="demo">{t('mergers.rehearsal')}</Badge>
                            </>
                          ) : null}
                        </th>
                        <td>
                          <ScenarioLabel scenario={merger.scenario} />
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
                        <td className="nowrap">{formatDate(merger.effectiveDate)}</td>
                        <td>
                          <MergerStatus status={merger.status} scheduled={merger.scheduled} />
                        </td>
                        {data.progress ? (
                          <td>
                            {progress ? (
                              <>
                                <ProgressBar value={progress.progress} label={t('mergers.progressOf', { name: merger.name })} />
                                {progress.overdue > 0 ? (
                                  <div>
                                    <Badge tone="warning">{t('mergers.checklist.overdueCount', { count: progress.overdue })}</Badge>
                                  </div>
                                ) : null}
                              </>
                            ) : (
                              '—'
                            )}
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadStatus>
      {isAdmin && state.status === 'ready' && state.data.items.length > 0 ? <WaveSection mergers={state.data.items} onChanged={reload} /> : null}
    </>
  );
}
