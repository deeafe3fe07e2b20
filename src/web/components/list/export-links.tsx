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
