import { useTranslation } from 'react-i18next';

/** Previous/next paging under a list; shown only when there is more than one page. */
export function Pager({ label, status, page, pages, onPage }: { label: string; status: string; page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('form.previous')}
      </button>
      <span className="pager__status">{status}</span>
      <button type="button" className="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('form.next')}
      </button>
    </nav>
  );
}
