import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The list pages' export of what the filters select, as CSV and as Excel: two download links,
 * described by one label (the users list, the audit log, the access log).
 */
export function ExportLinks({ id, label, urlOf }: { id: string; label: string; urlOf: (format: 'csv' | 'xlsx') => string }) {
  const { t } = useTranslation();
  return (
    <div className="toolbar__item toolbar__exports">
      <span id={id}>{label}</span>{' '}
      <a className="button" href={urlOf('csv')} download aria-describedby={id}>
        {t('access.users.exportCsv')}
      </a>{' '}
      <a className="button" href={urlOf('xlsx')} download aria-describedby={id}>
        {t('access.users.exportXlsx')}
      </a>
    </div>
  );
}

/**
 * The same two exports as buttons that POST the filters (issue 24: a list filtered by INSZ sends it
 * in a body, never in a URL, so its file cannot be a plain link); a failure is said below them.
 */
export function ExportButtons({ id, label, download }: { id: string; label: string; download: (format: 'csv' | 'xlsx') => Promise<void> }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  async function run(format: 'csv' | 'xlsx') {
    setFailed(false);
    try {
      await download(format);
    } catch {
      setFailed(true);
    }
  }
  return (
    <div className="toolbar__item toolbar__exports">
      <span id={id}>{label}</span>{' '}
      <button type="button" className="button" onClick={() => void run('csv')} aria-describedby={id}>
        {t('access.users.exportCsv')}
      </button>{' '}
      <button type="button" className="button" onClick={() => void run('xlsx')} aria-describedby={id}>
        {t('access.users.exportXlsx')}
      </button>
      {failed ? (
        <p role="alert" className="notice notice--error">
          {t('access.users.exportError')}
        </p>
      ) : null}
    </div>
  );
}
