import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { OrganisationSummary } from '../../../modules/registry/registry.schema.js';
import { api } from '../../api.js';
import { Badge } from '../../components/badge.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { errorMessage } from '../../components/error-message.js';
import { formatDate, localName } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { ChecklistView } from './merger-checklist.js';
import { CutoverSection } from './merger-cutover.js';
import { PlanSection } from './merger-plan.js';
import { mergerPaths, mergersApi } from './mergers-api.js';
import type { MergerSummaryData } from './mergers-api.js';
import type { MergersPageNotice } from './mergers-page.js';
import type { MergerSavedNotice } from './merger-form-page.js';
import { HelpdeskLink } from '../help/help-page.js';
import { MergerStatus, ScenarioLabel } from './mergers-common.js';
import { Notice } from '../../components/notice.js';

export type MergerSection = 'checklist' | 'plan' | 'cutover';

/** The merger's readiness checklist (R7.2); the administrator ticks any OCMW's manual items. */
function ChecklistSection({ mergerId }: { mergerId: number }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { state, setData } = useLoad((signal) => mergersApi.checklist(mergerId, signal), `${mergerId}|${language}`);
  if (state.status === 'loading') return <p role="status">{t('mergers.checklist.loading')}</p>;
  if (state.status === 'error') {
    return <Notice tone="error">{errorMessage(state.error, t)}</Notice>;
  }
  const checklist = state.data;
  const overdue = checklist.organisations.flatMap((o) => o.items).filter((i) => i.overdue).length;
  return (
    <>
      <p>{t('mergers.checklist.intro')}</p>
      <p className="result-count">
        {t('mergers.checklist.total', { progress: checklist.progress })}
        {overdue > 0 ? (
          <>
            {' '}
            <Badge tone="warning">{t('mergers.checklist.overdueCount', { count: overdue })}</Badge>
          </>
        ) : null}
      </p>
      <ChecklistView
        checklist={checklist}
        canTick={() => true}
        onTick={(organisationId, item, ticked) => mergersApi.tick(mergerId, organisationId, item, ticked)}
        onChange={setData}
        headingLevel={3}
        idPrefix="merger-checklist"
      />
    </>
  );
}

/**
 * One merger for the administrator (R7): its data, and in three parts its readiness checklist,
 * its dry run and its cut-over. A planned merger can be changed or removed before its date.
 */
export function MergerDetailPage({ section }: { section: MergerSection }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const today = useSession().session?.today ?? '';
  const id = Number(useParams().id);
  const { state, reload } = useLoad(async (signal) => {
    const list = await api.listMergers(signal);
    return list.items.find((m) => m.id === id) ?? null;
  }, String(id));
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | undefined>();
  const deleteErrorRef = useRef<HTMLParagraphElement>(null);
  const savedNotice = (useLocation().state as MergerSavedNotice | null)?.notice;
  const savedRef = useRef<HTMLParagraphElement>(null);
  const merger = state.status === 'ready' ? state.data : null;
  const sectionTitle = t(`mergers.detail.sections.${section}`);
  const title = merger ? t('mergers.detail.title', { name: merger.name }) : t('mergers.detail.titleLoading');
  useDocumentTitle(merger ? `${sectionTitle} – ${title}` : title);

  useEffect(() => {
    // Saved just now (the form sent us here): say so, with the scenario the server derived.
    if (savedNotice && state.status === 'ready') savedRef.current?.focus();
  }, [savedNotice, state.status]);

  async function onDelete(target: MergerSummaryData) {
    setBusy(true);
    try {
      await mergersApi.remove(target.id);
      const state: MergersPageNotice = { notice: t('mergers.detail.deleted', { name: target.name }) };
      navigate(mergerPaths.list, { state });
    } catch (error) {
      setBusy(false);
      setDeleteOpen(false);
      setDeleteError(t('mergers.detail.deleteFailed', { reason: errorMessage(error, t) }));
      // After the dialog has given the focus back to its button.
      setTimeout(() => deleteErrorRef.current?.focus(), 0);
    }
  }

  function organisationLine(organisation: OrganisationSummary) {
    return (
      <>
        <span className="merger__org-name">{localName(organisation.name, language)}</span>{' '}
        <span className="merger__kbo">{t('mergers.kbo', { kbo: organisation.kboFormatted })}</span>
      </>
    );
  }

  const breadcrumbs = (
    <nav aria-label={t('mergers.detail.breadcrumbs')}>
      <ol className="breadcrumbs__list">
        <li>
          <Link to={mergerPaths.list}>{t('mergers.title')}</Link>
        </li>
        <li aria-current="page">{merger?.name ?? t('mergers.detail.titleLoading')}</li>
      </ol>
    </nav>
  );

  if (!Number.isInteger(id) || id < 1 || (state.status === 'ready' && !merger)) {
    return (
      <>
        {breadcrumbs}
        <h1>{t('mergers.detail.notFound')}</h1>
        <p>
          <Link to={mergerPaths.list}>{t('mergers.detail.back')}</Link>
        </p>
      </>
    );
  }
  if (state.status === 'loading') {
    return (
      <>
        {breadcrumbs}
        <h1>{title}</h1>
        <p role="status">{t('mergers.loading')}</p>
      </>
    );
  }
  if (state.status === 'error' || !merger) {
    return (
      <>
        {breadcrumbs}
        <h1>{title}</h1>
        <Notice tone="error">{state.status === 'error' ? errorMessage(state.error, t) : t('app.unexpectedError')}</Notice>
      </>
    );
  }

  const isEditable = merger.status === 'planned' && today < merger.effectiveDate;
  const sections: { key: MergerSection; to: string }[] = [
    { key: 'checklist', to: mergerPaths.detail(merger.id) },
    { key: 'plan', to: mergerPaths.plan(merger.id) },
    { key: 'cutover', to: mergerPaths.cutover(merger.id) },
  ];

  return (
    <>
      {breadcrumbs}
      <h1>{title}</h1>
      {savedNotice ? <Notice tone="success" ref={savedRef} isFocusable>{savedNotice}</Notice> : null}
      <dl className="details">
        <dt>{t('mergers.detail.scenario')}</dt>
        <dd>
          <ScenarioLabel scenario={merger.scenario} />
          <HelpdeskLink />
        </dd>
        <dt>{t('mergers.detail.effectiveDate')}</dt>
        <dd>{formatDate(merger.effectiveDate)}</dd>
        <dt>{t('mergers.detail.htbDeadline')}</dt>
        <dd>{formatDate(merger.htbDeadline)}</dd>
        <dt>{t('mergers.detail.status')}</dt>
        <dd>
          <MergerStatus status={merger.status} scheduled={merger.scheduled} />
        </dd>
        <dt>{t('mergers.colSources')}</dt>
        <dd>
          <ul className="plain-list">
            {merger.sources.map((source) => (
              <li key={source.organisation.id}>
                {organisationLine(source.organisation)} <span className="merger__nis">{t('mergers.nis', { nis: source.nis })}</span>
                {source.keepsKbo ? (
                  <>
                    {' '}
                    <Badge tone="info">{t('mergers.detail.keepsKbo')}</Badge>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('mergers.colTarget')}</dt>
        <dd>
          {organisationLine(merger.target.organisation)}{' '}
          <span className="merger__nis">{t('mergers.nis', { nis: merger.target.nis })}</span>
          {merger.target.isNewOrganisation ? (
            <>
              {' '}
              <Badge tone="new">{t('mergers.detail.newOrganisation')}</Badge>
            </>
          ) : null}
          {merger.target.isNewNis ? (
            <>
              {' '}
              <Badge tone="new">{t('mergers.detail.newNis')}</Badge>
            </>
          ) : null}
        </dd>
      </dl>

      {deleteError ? <Notice tone="error" ref={deleteErrorRef} isFocusable>{deleteError}</Notice> : null}
      {isEditable ? (
        <div className="actions">
          <Link to={mergerPaths.edit(merger.id)} className="button">
            {t('mergers.detail.edit')}
          </Link>
          <button type="button" className="button button--danger" onClick={() => setDeleteOpen(true)} disabled={isBusy}>
            {t('mergers.detail.delete')}
          </button>
        </div>
      ) : (
        <p className="merger__locked">{t(merger.status === 'applied' ? 'mergers.detail.lockedApplied' : 'mergers.detail.lockedDate', { date: formatDate(merger.effectiveDate) })}</p>
      )}

      <nav className="section-nav" aria-label={t('mergers.detail.sectionsLabel')}>
        <ul className="section-nav__list">
          {sections.map((s) => (
            <li key={s.key}>
              <NavLink to={s.to} end className="section-nav__link">
                {t(`mergers.detail.sections.${s.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="merger-section-title" className="merger-section">
        <h2 id="merger-section-title">{sectionTitle}</h2>
        {section === 'checklist' ? (
          <ChecklistSection mergerId={merger.id} />
        ) : section === 'plan' ? (
          <PlanSection mergerId={merger.id} />
        ) : (
          <CutoverSection merger={merger} onMergerChanged={reload} />
        )}
      </section>

      <ConfirmDialog
        open={isDeleteOpen}
        title={t('mergers.detail.deleteTitle', { name: merger.name })}
        confirmLabel={t('mergers.detail.delete')}
        cancelLabel={t('form.cancel')}
        onConfirm={() => void onDelete(merger)}
        onCancel={() => setDeleteOpen(false)}
        isBusy={isBusy}
      >
        <p>{t('mergers.detail.deleteBody', { date: formatDate(merger.effectiveDate) })}</p>
      </ConfirmDialog>
    </>
  );
}
