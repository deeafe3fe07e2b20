import { useTranslation } from 'react-i18next';
import { FileImportForm, useFileImport } from '../../components/file-import.js';
import { Link } from 'react-router-dom';
import { Badge } from '../../components/badge.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { mergerPaths, mergersApi } from './mergers-api.js';
import type { MergerImportReportData } from './mergers-api.js';
import { ScenarioLabel } from './mergers-common.js';

const PREFIX = 'merger-import';
/** The server refuses larger files; checking here saves the upload. */
const MAX_FILE_BYTES = 1024 * 1024;

// The header row as the server reads it (merger-definitions.ts CSV_COLUMNS): names in the file,
// not UI text, so they stay as they are in every language.
const COLUMNS = ['merger_nl', 'scenario', 'source_name_nl', 'source_nis', 'target_name_nl', 'target_nis', 'source_keeps_kbo', 'effective_date', 'target_kbo'] as const;

type Entry = MergerImportReportData['mergers'][number];

/**
 * "Fusies importeren" (R7.1): choose a merger list (CSV, the columns of data/mergers-2025.csv),
 * check it (dry run), read the report per merger, and import it when every merger is valid.
 */
export function MergerImportPage() {
  const { t } = useTranslation();
  const upload = useFileImport({
    prefix: PREFIX,
    maxBytes: MAX_FILE_BYTES,
    required: t('mergers.import.fileRequired'),
    tooLarge: t('mergers.import.fileTooLarge'),
    send: (file, dryRun) => mergersApi.importCsv(file, dryRun),
  });
  const { report } = upload;
  const title = t('mergers.import.title');
  useDocumentTitle(title);
  const invalid = report ? report.mergers.filter((m) => m.problems.length > 0).length : 0;
  const toCreate = report ? report.mergers.filter((m) => m.action === 'create').length : 0;
  const isImported = report !== undefined && !report.dryRun && report.valid;

  function result(entry: Entry) {
    if (entry.problems.length > 0) {
      return (
        <>
          <Badge tone="warning">{t('mergers.import.rowError')}</Badge>
          <ul className="plain-list htb-import__problems">
            {entry.problems.map((problem, index) => (
              <li key={`${index}-${problem}`}>{problem}</li>
            ))}
          </ul>
        </>
      );
    }
    if (!entry.action) return t('mergers.import.rowOk');
    return t(`mergers.import.${report?.dryRun ? 'planned' : 'done'}.${entry.action}`);
  }

  return (
    <>
      <nav aria-label={t('mergers.detail.breadcrumbs')}>
        <ol className="breadcrumbs__list">
          <li>
            <Link to={mergerPaths.list}>{t('mergers.title')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <p>{t('mergers.import.intro')}</p>
      <p>{t('mergers.import.columnsIntro')}</p>
      <ul className="htb-import__columns">
        {COLUMNS.map((column) => (
          <li key={column}>
            <code>{column}</code>: {t(`mergers.import.columns.${column}`)}
          </li>
        ))}
      </ul>
      <p>{t('mergers.import.rules')}</p>

      <FileImportForm upload={upload} label={t('mergers.import.file')} hint={t('mergers.import.fileHint')} accept=".csv,text/csv" checkLabel={t('mergers.import.check')} />

      {report ? (
        <section aria-labelledby={`${PREFIX}-report-title`}>
          <h2 id={`${PREFIX}-report-title`} ref={upload.reportHeadingRef} tabIndex={-1} className="step-heading">
            {isImported ? t('mergers.import.importTitle') : t('mergers.import.checkTitle')}
          </h2>
          <p role="status" className={report.valid ? 'notice notice--success' : 'notice notice--error'}>
            {isImported
              ? t('mergers.import.imported', { count: report.created })
              : report.valid
                ? `${t('mergers.import.valid', { count: report.mergers.length })} ${t('mergers.import.toCreate', { count: toCreate })}`
                : t('mergers.import.invalid', { count: invalid })}
          </p>
          <div className="table-scroll" role="region" aria-labelledby={`${PREFIX}-caption`} tabIndex={0}>
            <table className="table">
              <caption id={`${PREFIX}-caption`}>{t('mergers.import.caption', { count: report.mergers.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mergers.colName')}</th>
                  <th scope="col">{t('mergers.import.colCode')}</th>
                  <th scope="col">{t('mergers.import.colRows')}</th>
                  <th scope="col">{t('mergers.colScenario')}</th>
                  <th scope="col">{t('mergers.import.colResult')}</th>
                </tr>
              </thead>
              <tbody>
                {report.mergers.map((entry) => (
                  <tr key={`${entry.code}-${entry.rows.join('-')}`}>
                    <th scope="row">{entry.merger}</th>
                    <td>
                      <code>{entry.code}</code>
                    </td>
                    <td>{entry.rows.join(', ')}</td>
                    <td>{entry.scenario ? <ScenarioLabel scenario={entry.scenario} /> : '—'}</td>
                    <td>{result(entry)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.valid && report.dryRun && toCreate > 0 ? (
            <div className="actions">
              <button type="button" className="button button--primary" disabled={upload.isBusy} onClick={() => upload.setConfirmOpen(true)}>
                {t('mergers.import.import')}
              </button>
            </div>
          ) : null}
          {isImported || (report.valid && toCreate === 0) ? (
            <p>
              <Link to={mergerPaths.list}>{t('mergers.import.toList')}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <ConfirmDialog
        open={upload.isConfirmOpen}
        title={t('mergers.import.confirmTitle')}
        confirmLabel={t('mergers.import.import')}
        cancelLabel={t('form.cancel')}
        onConfirm={upload.onImport}
        onCancel={() => upload.setConfirmOpen(false)}
        isBusy={upload.isBusy}
      >
        <p>{t('mergers.import.confirmBody', { file: upload.file?.name ?? '', count: toCreate })}</p>
      </ConfirmDialog>
    </>
  );
}
