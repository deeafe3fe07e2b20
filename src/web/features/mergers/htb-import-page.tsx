import { useTranslation } from 'react-i18next';
import { FileImportForm, useFileImport } from '../../components/file-import.js';
import { formatInsz, formatKbo } from '../../../shared/identifiers.js';
import { api } from '../../api.js';
import type { HtbImportReportData } from '../../api.js';
import { Badge } from '../../components/badge.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { useDocumentTitle } from '../../components/use-document-title.js';

const PREFIX = 'htb-import';
/** The server refuses larger files (MAX_HTB_FILE_BYTES); checking here saves the upload. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

// The header row of the region's file, literally as the server reads it (htb-import.ts): these
// are names in the file, not UI text, so they stay Dutch in every language.
const COLUMNS = [
  { key: 'sourceKbo', header: 'KBO fuserend OCMW' },
  { key: 'targetKbo', header: 'KBO fusie-OCMW' },
  { key: 'insz', header: 'INSZ HTB' },
  { key: 'surname', header: 'Naam' },
  { key: 'firstName', header: 'Voornaam' },
  { key: 'email', header: 'E-mailadres' },
] as const;

type Row = HtbImportReportData['rows'][number];

/** `0212235604` → `0212.235.604`; what is not a normalised number is shown as it came. */
function displayKbo(kbo: string): string {
  return /^\d{10}$/.test(kbo) ? formatKbo(kbo) : kbo;
}

/** `85073003328` → `85.07.30-033.28`; what is not a normalised number is shown as it came. */
function displayInsz(insz: string): string {
  return /^\d{11}$/.test(insz) ? formatInsz(insz) : insz;
}

/**
 * The administrator's HTB import (R1.6, R2.14): choose the region's .xlsx, check it (dry run),
 * read the report per row, and import it when every row is valid.
 */
export function HtbImportPage() {
  const { t } = useTranslation();
  const upload = useFileImport({
    prefix: PREFIX,
    maxBytes: MAX_FILE_BYTES,
    required: t('htbImport.fileRequired'),
    tooLarge: t('htbImport.fileTooLarge'),
    send: (file, dryRun) => api.importHtb(file, dryRun),
  });
  const { report } = upload;
  useDocumentTitle(t('htbImport.title'));
  const invalidRows = report ? report.rows.filter((row) => row.problems.length > 0).length : 0;
  const isImported = report !== undefined && !report.dryRun && report.valid;

  function result(row: Row) {
    if (row.problems.length > 0) {
      return (
        <>
          <Badge tone="warning">{t('htbImport.rowError')}</Badge>
          <ul className="plain-list htb-import__problems">
            {row.problems.map((problem, index) => (
              <li key={`${index}-${problem}`}>{problem}</li>
            ))}
          </ul>
        </>
      );
    }
    if (!row.action) return t('htbImport.rowOk');
    return t(`htbImport.${report?.dryRun ? 'planned' : 'done'}.${row.action}`);
  }

  return (
    <>
      <h1>{t('htbImport.title')}</h1>
      <p>{t('htbImport.intro')}</p>
      <p>{t('htbImport.columnsIntro')}</p>
      <ul className="htb-import__columns">
        {COLUMNS.map((column) => (
          <li key={column.key}>
            <strong lang="nl">{column.header}</strong>: {t(`htbImport.columns.${column.key}`)}
          </li>
        ))}
      </ul>
      <p>{t('htbImport.rules')}</p>
      <p>{t('htbImport.replaceNote')}</p>

      <FileImportForm
        upload={upload}
        label={t('htbImport.file')}
        hint={t('htbImport.fileHint')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        checkLabel={t('htbImport.check')}
      />

      {report ? (
        <section aria-labelledby={`${PREFIX}-report-title`}>
          <h2 id={`${PREFIX}-report-title`} ref={upload.reportHeadingRef} tabIndex={-1} className="step-heading">
            {isImported ? t('htbImport.importTitle') : t('htbImport.checkTitle')}
          </h2>
          <p role="status" className={report.valid ? 'notice notice--success' : 'notice notice--error'}>
            {isImported
              ? t('htbImport.imported', { count: report.applied })
              : report.valid
                ? `${t('htbImport.valid', { count: report.rows.length })} ${t('htbImport.importHint')}`
                : t('htbImport.invalid', { count: invalidRows })}
          </p>

          {isImported && report.newAccounts.length > 0 ? (
            <section className="secret-box" aria-labelledby={`${PREFIX}-accounts-title`}>
              <h3 id={`${PREFIX}-accounts-title`} className="secret-box__title">
                {t('htbImport.newAccountsTitle')}
              </h3>
              <p>{t('htbImport.newAccountsBody')}</p>
              <div className="table-scroll" role="region" aria-labelledby={`${PREFIX}-accounts-caption`} tabIndex={0}>
                <table className="table">
                  <caption id={`${PREFIX}-accounts-caption`}>{t('htbImport.newAccountsCaption', { count: report.newAccounts.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('htbImport.colUsername')}</th>
                      <th scope="col">{t('htbImport.colPassword')}</th>
                      <th scope="col">{t('htbImport.colInsz')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.newAccounts.map((account) => (
                      <tr key={account.username}>
                        <th scope="row">{account.username}</th>
                        <td>
                          <code className="secret-box__password">{account.temporaryPassword}</code>
                        </td>
                        <td className="nowrap">{displayInsz(account.insz)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}

          <div className="table-scroll" role="region" aria-labelledby={`${PREFIX}-rows-caption`} tabIndex={0}>
            <table className="table">
              <caption id={`${PREFIX}-rows-caption`}>{t('htbImport.caption', { count: report.rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('htbImport.colRow')}</th>
                  <th scope="col">{t('htbImport.colSourceKbo')}</th>
                  <th scope="col">{t('htbImport.colTargetKbo')}</th>
                  <th scope="col">{t('htbImport.colInsz')}</th>
                  <th scope="col">{t('htbImport.colResult')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.row}>
                    <th scope="row">{row.row}</th>
                    <td className="nowrap">{displayKbo(row.sourceKbo)}</td>
                    <td className="nowrap">{displayKbo(row.targetKbo)}</td>
                    <td className="nowrap">{displayInsz(row.insz)}</td>
                    <td>{result(row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {report.valid && report.dryRun ? (
            <div className="actions">
              <button type="button" className="button button--primary" disabled={upload.isBusy} onClick={() => upload.setConfirmOpen(true)}>
                {t('htbImport.import')}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      <ConfirmDialog
        open={upload.isConfirmOpen}
        title={t('htbImport.confirmTitle')}
        confirmLabel={t('htbImport.import')}
        cancelLabel={t('form.cancel')}
        onConfirm={upload.onImport}
        onCancel={() => upload.setConfirmOpen(false)}
        isBusy={upload.isBusy}
      >
        <p>{t('htbImport.confirmBody', { file: upload.file?.name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
