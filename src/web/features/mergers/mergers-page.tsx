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
import { DataTable, type Column } from '../../components/list/data-list.js';

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

  /** Issue 19: the mergers on the list pattern's table, which stacks into cards on a phone. */
  function columnsFor(data: DashboardData): Column<MergerSummary>[] {
    const isNew = (
      <>
        {' '}
        <Badge tone="new">{t('mergers.new')}</Badge>
      </>
    );
    const columns: Column<MergerSummary>[] = [
      {
        key: 'name',
        header: t('mergers.colName'),
        isRowHeader: true,
        cell: (merger) => (
          <>
            {isAdmin ? <Link to={mergerPaths.detail(merger.id)}>{merger.name}</Link> : merger.name}
            {/* Issue 19: the demo's rehearsal merger, to try checklist, dry run, cut-over and undo on. */}
            {merger.rehearsal ? (
              <>
                {' '}
                <Badge tone="demo">{t('mergers.rehearsal')}</Badge>
              </>
            ) : null}
          </>
        ),
      },
      { key: 'scenario', header: t('mergers.colScenario'), cell: (merger) => <ScenarioLabel scenario={merger.scenario} /> },
      {
        key: 'sources',
        header: t('mergers.colSources'),
        cell: (merger) => (
          <ul className="plain-list">
            {merger.sources.map((source) => (
              <li key={source.organisation.id}>{organisationLine(source.organisation)}</li>
            ))}
          </ul>
        ),
      },
      {
        key: 'target',
        header: t('mergers.colTarget'),
        cell: (merger) => (
          <>
            <div>
              {organisationLine(merger.target.organisation)}
              {merger.target.isNewOrganisation ? isNew : null}
            </div>
            <div className="merger__nis">
              {t('mergers.nis', { nis: merger.target.nis })}
              {merger.target.isNewNis ? isNew : null}
            </div>
          </>
        ),
      },
      { key: 'date', header: t('mergers.colEffectiveDate'), className: 'nowrap', cell: (merger) => formatDate(merger.effectiveDate) },
      { key: 'status', header: t('mergers.colStatus'), cell: (merger) => <MergerStatus status={merger.status} scheduled={merger.scheduled} /> },
    ];
    const { progress } = data;
    if (progress) {
      columns.push({
        key: 'progress',
        header: t('mergers.colProgress'),
        cell: (merger) => {
          const p = progress.get(merger.id);
          return p ? (
            <>
              <ProgressBar value={p.progress} label={t('mergers.progressOf', { name: merger.name })} />
              {p.overdue > 0 ? (
                <div>
                  <Badge tone="warning">{t('mergers.checklist.overdueCount', { count: p.overdue })}</Badge>
                </div>
              ) : null}
            </>
          ) : (
            '—'
          );
        },
      });
    }
    return columns;
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
            <DataTable id="mergers" caption={t('mergers.caption', { count: data.total })} columns={columnsFor(data)} rows={data.items} rowKey={(merger) => String(merger.id)} />
          )
        }
      </LoadStatus>
      {isAdmin && state.status === 'ready' && state.data.items.length > 0 ? <WaveSection mergers={state.data.items} onChanged={reload} /> : null}
    </>
  );
}
