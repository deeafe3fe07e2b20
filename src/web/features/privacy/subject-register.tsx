import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.js';
import { DataTable } from '../../components/list/data-list.js';
import { Notice } from '../../components/notice.js';
import { Pager } from '../../components/pager.js';
import { useLoad } from '../../components/use-load.js';
import { privacyApi, type SubjectKind } from './subject-request-api.js';

/**
 * Issue 24: the register of the OCMW's citizens' requests — the officer's own history of exports
 * and erasures with the reason given — newest first, paged. Only the privacy officer reads it (the
 * audit log, which the managers read, says only that an erasure happened). `version` reloads it
 * after an export or erasure on the page.
 */
export function SubjectRegister({ version }: { version: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { state } = useLoad((signal) => privacyApi.register(page, signal), `${page}|${version}`);
  const counts = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([kind, n]) => `${t(`privacy.subjectRequest.kinds.${kind as SubjectKind}`)}: ${n}`)
      .join(', ');
  return (
    <section aria-labelledby="subject-register">
      <h2 id="subject-register">{t('privacy.subjectRequest.register.title')}</h2>
      <p>{t('privacy.subjectRequest.register.lead')}</p>
      {state.status === 'loading' ? (
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      ) : state.status === 'error' ? (
        <Notice tone="error">{t('privacy.subjectRequest.register.loadError')}</Notice>
      ) : state.data.items.length === 0 ? (
        <Notice>{t('privacy.subjectRequest.register.empty')}</Notice>
      ) : (
        <>
          <DataTable
            id="subject-register-table"
            caption={t('privacy.subjectRequest.register.caption')}
            rows={state.data.items}
            rowKey={(e) => String(e.id)}
            columns={[
              { key: 'at', header: t('privacy.subjectRequest.register.at'), isRowHeader: true, className: 'nowrap', cell: (e) => formatDateTime(e.at) },
              { key: 'kind', header: t('privacy.subjectRequest.register.kind'), cell: (e) => t(`privacy.subjectRequest.register.kinds.${e.kind}`) },
              { key: 'insz', header: t('privacy.subjectRequest.insz'), className: 'nowrap', cell: (e) => e.insz },
              { key: 'officer', header: t('privacy.subjectRequest.register.officer'), cell: (e) => e.officer ?? '—' },
              { key: 'reason', header: t('privacy.subjectRequest.reason'), cell: (e) => e.reason ?? '—' },
              { key: 'counts', header: t('privacy.subjectRequest.count'), cell: (e) => counts(e.counts) },
            ]}
          />
          <Pager
            label={t('privacy.subjectRequest.register.paging')}
            status={t('privacy.subjectRequest.register.pageOf', { page: state.data.page, pages: Math.max(1, Math.ceil(state.data.total / state.data.pageSize)) })}
            page={state.data.page}
            pages={Math.max(1, Math.ceil(state.data.total / state.data.pageSize))}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
