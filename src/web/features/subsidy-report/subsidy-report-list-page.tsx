import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadNotice } from '../../components/load-status.js';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api.js';
import { errorMessage } from '../../components/error-message.js';
import { choiceOrganisationName, formatDateTime } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { formatAmount } from './amounts.js';
import { subsidyReportApi } from './subsidy-report-api.js';
import type { FileableYearData, ReportSummaryData } from './subsidy-report-api.js';
import { ReportStatusBadge, formatWindow, subsidyPaths, windowStateLabel } from './subsidy-report-common.js';
import type { CreatedState } from './subsidy-report-common.js';
import { Notice } from '../../components/notice.js';

/** A refused "Opstellen": the year and the server's explanation (the merger rule, R10.2). */
interface CreateError {
  year: number;
  message: string;
  attempt: number;
}

/** Whether the year offers "Opstellen": allowed, no report yet, and its window not over. */
function canCreate(item: FileableYearData): boolean {
  return item.allowed && !item.reportId && item.windowState !== 'closed';
}

/** What the row of a year offers: open its report, draft it, or say why not. */
function YearAction({
  item,
  isBusy,
  onCreate,
}: {
  item: FileableYearData;
  isBusy: boolean;
  onCreate: (year: number) => void;
}) {
  const { t } = useTranslation();
  const which = <span className="visually-hidden"> {t('subsidy.list.which', { year: item.year })}</span>;
  if (item.reportId) {
    return (
      <Link to={subsidyPaths.detail(item.reportId)}>
        {t('subsidy.list.open')}
        {which}
      </Link>
    );
  }
  if (!item.allowed) {
    return (
      <p style={{ margin: 0 }}>
        {/* Issue 19: a year not over yet is this OCMW's to file, later: not "not by your OCMW". */}
        <strong>{t(item.reasonKey === 'subsidy.year.not_closed' ? 'subsidy.list.notYet' : 'subsidy.list.notAllowed')}</strong> {item.reason}
      </p>
    );
  }
  if (item.windowState === 'closed') {
    return <p style={{ margin: 0 }}>{t('subsidy.list.windowOver', { year: item.year, window: formatWindow(item.window) })}</p>;
  }
  return (
    <button type="button" className="button button--primary" disabled={isBusy} onClick={() => onCreate(item.year)}>
      {t('subsidy.list.create')}
      {which}
    </button>
  );
}

/**
 * "Uniek verslag" (R10.2): per subsidy year whether this OCMW files it — with its filing window in
 * February of the next year, or the reason why not (a disappearing OCMW files up to the year
 * before its merger, the merged OCMW from then on) — and the OCMW's reports with their totals.
 */
export function SubsidyReportListPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const context = useSession().session?.context;
  const { state, reload } = useLoad((signal) => subsidyReportApi.list(signal), `list|${language}`);
  const [creating, setCreating] = useState<number | undefined>();
  const [createError, setCreateError] = useState<CreateError | undefined>();
  const errorRef = useRef<HTMLDivElement>(null);
  const title = t('subsidy.list.title');
  useDocumentTitle(title);

  useEffect(() => {
    // The refusal explains the merger rule: keyboard and screen-reader users land on it.
    if (createError) errorRef.current?.focus();
  }, [createError]);

  async function onCreate(year: number) {
    setCreating(year);
    setCreateError(undefined);
    try {
      const report = await subsidyReportApi.create(year);
      const created: CreatedState = { created: { year: report.year } };
      navigate(subsidyPaths.detail(report.id), { state: created });
    } catch (error) {
      setCreateError((previous) => ({ year, message: errorMessage(error, t), attempt: (previous?.attempt ?? 0) + 1 }));
      // Someone else drafted it meanwhile (409), or the rules changed: show the list as it is now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 422)) reload();
      setCreating(undefined);
    }
  }

  const data = state.status === 'ready' ? state.data : undefined;

  return (
    <>
      <h1>{title}</h1>
      {context?.organisation ? <p className="lead">{t('subsidy.list.organisation', { name: choiceOrganisationName(context, t, language) })}</p> : null}
      <p>{t('subsidy.list.intro')}</p>

      {createError ? (
        <div
          key={createError.attempt}
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby="subsidy-create-error-title"
          className="notice notice--error"
        >
          <h2 id="subsidy-create-error-title" className="notice__title">
            {t('subsidy.list.createRefused', { year: createError.year })}
          </h2>
          <p>{createError.message}</p>
        </div>
      ) : null}

      <LoadNotice state={state} />

      {data ? (
        <>
          <section aria-labelledby="subsidy-years-title">
            <h2 id="subsidy-years-title">{t('subsidy.list.yearsTitle')}</h2>
            <p>{t('subsidy.list.yearsIntro')}</p>
            <div className="table-scroll" role="region" aria-labelledby="subsidy-years-caption" tabIndex={0}>
              <table className="table">
                <caption id="subsidy-years-caption">{t('subsidy.list.yearsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('subsidy.list.year')}</th>
                    <th scope="col">{t('subsidy.list.window')}</th>
                    <th scope="col">{t('subsidy.list.report')}</th>
                    <th scope="col">{t('subsidy.list.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.fileable.map((item) => (
                    <tr key={item.year} data-year={item.year}>
                      <th scope="row">{item.year}</th>
                      <td>
                        <span className="nowrap">{formatWindow(item.window)}</span>
                        <br />({windowStateLabel(item.windowState, t)})
                      </td>
                      <td>{item.status ? <ReportStatusBadge status={item.status} /> : t('subsidy.list.noReport')}</td>
                      <td>
                        <YearAction item={item} isBusy={creating !== undefined} onCreate={(year) => void onCreate(year)} />
                        {item.note ? <p className="form__hint" style={{ margin: '0.5rem 0 0' }}>{item.note.message}</p> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="subsidy-reports-title">
            <h2 id="subsidy-reports-title">{t('subsidy.list.reportsTitle')}</h2>
            {data.reports.length === 0 ? <Notice>{t(data.fileable.some(canCreate) ? 'subsidy.list.empty' : 'subsidy.list.emptyNoYear')}</Notice> : (
              <ReportsTable reports={data.reports} />
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

function ReportsTable({ reports }: { reports: ReportSummaryData[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <div className="table-scroll" role="region" aria-labelledby="subsidy-reports-caption" tabIndex={0}>
      <table className="table">
        <caption id="subsidy-reports-caption">{t('subsidy.list.reportsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('subsidy.list.report')}</th>
            <th scope="col">{t('subsidy.list.status')}</th>
            <th scope="col">{t('subsidy.list.lines')}</th>
            <th scope="col">{t('subsidy.amounts.granted')}</th>
            <th scope="col">{t('subsidy.amounts.used')}</th>
            <th scope="col">{t('subsidy.list.changed')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id}>
              <th scope="row">
                <Link to={subsidyPaths.detail(report.id)}>{t('subsidy.report.title', { year: report.year })}</Link>
              </th>
              <td>
                <ReportStatusBadge status={report.status} />
              </td>
              <td>{report.lineCount}</td>
              <td className="nowrap">{formatAmount(report.totals.grantedCents, language)}</td>
              <td className="nowrap">{formatAmount(report.totals.usedCents, language)}</td>
              <td>
                {report.submittedAt
                  ? t('subsidy.list.submittedAt', { at: formatDateTime(report.submittedAt), by: report.submittedBy ?? '–' })
                  : t('subsidy.list.updatedAt', { at: formatDateTime(report.updatedAt) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
