import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailPending } from '../../components/load-status.js';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { Breadcrumbs } from '../access/access-common.js';
import { formatDateTime } from '../../components/format.js';
import { formatAmount } from './amounts.js';
import { LinesEditor } from './lines-editor.js';
import { subsidyReportApi } from './subsidy-report-api.js';
import type { ReportDetailData } from './subsidy-report-api.js';
import { ReportStatusBadge, createdOf, formatWindow, subsidyPaths, subsidyTypeLabel, windowStateLabel } from './subsidy-report-common.js';
import { Notice } from '../../components/notice.js';

type Notice = 'created' | 'saved' | 'submitted';

/** A submitted report's lines, read-only, with the difference per line and the totals. */
function ReadOnlyLines({ report }: { report: ReportDetailData }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  if (report.lines.length === 0) return <Notice>{t('subsidy.lines.noneSubmitted')}</Notice>;
  const right = { textAlign: 'right' } as const;
  return (
    <div className="table-scroll" role="region" aria-labelledby="subsidy-readonly-caption" tabIndex={0}>
      <table className="table">
        <caption id="subsidy-readonly-caption">{t('subsidy.lines.caption', { year: report.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('subsidy.lines.number')}</th>
            <th scope="col">{t('subsidy.lines.subsidyType')}</th>
            <th scope="col">{t('subsidy.amounts.granted')}</th>
            <th scope="col">{t('subsidy.amounts.used')}</th>
            <th scope="col">{t('subsidy.amounts.difference')}</th>
            <th scope="col">{t('subsidy.lines.justification')}</th>
          </tr>
        </thead>
        <tbody>
          {report.lines.map((line) => (
            <tr key={line.position}>
              <td>{line.position}</td>
              <th scope="row">{subsidyTypeLabel(line.subsidyType, t)}</th>
              <td className="nowrap" style={right}>
                {formatAmount(line.amountGrantedCents, language)}
              </td>
              <td className="nowrap" style={right}>
                {formatAmount(line.amountUsedCents, language)}
              </td>
              <td className="nowrap" style={right}>
                {formatAmount(line.amountUsedCents - line.amountGrantedCents, language)}
              </td>
              <td style={{ whiteSpace: 'pre-wrap' }}>{line.justification || '–'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('subsidy.amounts.total')}
            </th>
            <td className="nowrap" style={right}>
              {formatAmount(report.totals.grantedCents, language)}
            </td>
            <td className="nowrap" style={right}>
              {formatAmount(report.totals.usedCents, language)}
            </td>
            <td className="nowrap" style={right}>
              {formatAmount(report.totals.usedCents - report.totals.grantedCents, language)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/**
 * One Uniek verslag (R10.2): a draft's lines to edit, save and submit (once, in the filing window,
 * after a confirmation); a submitted report read-only with its PDF and XLSX export. The note of
 * the year (e.g. the last report of a disappearing OCMW) stays in view.
 */
export function SubsidyReportPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const location = useLocation();
  const id = useParams().id ?? '';
  const { state, setData } = useLoad((signal) => subsidyReportApi.detail(id, signal), `${id}|${language}`);
  const [notice, setNotice] = useState<{ kind: Notice; version: number } | undefined>(() =>
    createdOf(location.state) ? { kind: 'created', version: 0 } : undefined,
  );
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const report = state.status === 'ready' ? state.data : undefined;
  const title = report ? t('subsidy.report.title', { year: report.year }) : t('subsidy.report.titleLoading');
  useDocumentTitle(title);

  useEffect(() => {
    // The button pressed may be gone (submitted): keep keyboard users on the outcome.
    if (notice && notice.version > 0) noticeRef.current?.focus();
  }, [notice]);

  function show(kind: Notice) {
    setNotice((previous) => ({ kind, version: (previous?.version ?? 0) + 1 }));
  }

  const crumbs = <Breadcrumbs items={[{ to: subsidyPaths.list, label: t('subsidy.list.title') }, { label: title }]} />;

  if (state.status !== 'ready' || !report) {
    return <DetailPending crumbs={crumbs} title={title} state={state} back={{ to: subsidyPaths.list, label: t('subsidy.report.backToList') }} />;
  }

  return (
    <>
      {crumbs}
      <h1>{title}</h1>
      <p>
        <ReportStatusBadge status={report.status} />
      </p>

      {notice ? <Notice tone="success" ref={noticeRef} isFocusable>{t(`subsidy.report.notice.${notice.kind}`, { year: report.year })}</Notice> : null}

      {report.note ? (
        <section className="notice notice--warning" aria-labelledby="subsidy-note-title">
          <h2 id="subsidy-note-title" className="notice__title">
            {t('subsidy.report.noteTitle')}
          </h2>
          <p>{report.note.message}</p>
        </section>
      ) : null}

      <dl className="details">
        <dt>{t('subsidy.report.organisation')}</dt>
        <dd>
          {report.organisation.name} ({t('subsidy.report.kbo', { kbo: report.organisation.kboFormatted })})
        </dd>
        <dt>{t('subsidy.report.year')}</dt>
        <dd>{report.year}</dd>
        <dt>{t('subsidy.report.status')}</dt>
        <dd>{t(`subsidy.status.${report.status}`)}</dd>
        <dt>{t('subsidy.report.window')}</dt>
        <dd>
          {formatWindow(report.window)} ({windowStateLabel(report.windowState, t)})
        </dd>
        <dt>{t('subsidy.report.created')}</dt>
        <dd>{t('subsidy.report.atBy', { at: formatDateTime(report.createdAt), by: report.createdBy ?? '–' })}</dd>
        {report.submittedAt ? (
          <>
            <dt>{t('subsidy.report.submitted')}</dt>
            <dd>{t('subsidy.report.atBy', { at: formatDateTime(report.submittedAt), by: report.submittedBy ?? '–' })}</dd>
          </>
        ) : (
          <>
            <dt>{t('subsidy.report.updated')}</dt>
            <dd>{formatDateTime(report.updatedAt)}</dd>
          </>
        )}
        <dt>{t('subsidy.report.totals')}</dt>
        <dd>
          {t('subsidy.report.totalsText', {
            count: report.lineCount,
            granted: formatAmount(report.totals.grantedCents, language),
            used: formatAmount(report.totals.usedCents, language),
          })}
        </dd>
      </dl>

      {report.canEdit ? (
        <LinesEditor
          key={report.id}
          report={report}
          onSaved={(saved) => {
            setData(saved);
            show('saved');
          }}
          onSubmitted={(submitted) => {
            setData(submitted);
            show('submitted');
          }}
          onRefreshed={setData}
        />
      ) : (
        <>
          <h2 id="subsidy-lines-title">{t('subsidy.lines.title')}</h2>
          <p>{t('subsidy.report.readOnly')}</p>
          <ReadOnlyLines report={report} />
          {report.status === 'submitted' ? (
            <section aria-labelledby="subsidy-export-title">
              <h2 id="subsidy-export-title">{t('subsidy.export.title')}</h2>
              <p>{t('subsidy.export.intro')}</p>
              <div className="actions">
                <a className="button" href={subsidyReportApi.exportUrl(report.id, 'pdf')} download>
                  {t('subsidy.export.pdf', { year: report.year })}
                </a>
                <a className="button" href={subsidyReportApi.exportUrl(report.id, 'xlsx')} download>
                  {t('subsidy.export.xlsx', { year: report.year })}
                </a>
              </div>
            </section>
          ) : null}
        </>
      )}

      <p>
        <Link to={subsidyPaths.list}>{t('subsidy.report.backToList')}</Link>
      </p>
    </>
  );
}
