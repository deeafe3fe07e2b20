import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.js';
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
        <p role="alert" className="notice notice--error">
          {t('privacy.subjectRequest.register.loadError')}
        </p>
      ) : state.data.items.length === 0 ? (
        <p className="notice">{t('privacy.subjectRequest.register.empty')}</p>
      ) : (
        <>
          <table className="table">
            <caption className="visually-hidden">{t('privacy.subjectRequest.register.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('privacy.subjectRequest.register.at')}</th>
                <th scope="col">{t('privacy.subjectRequest.register.kind')}</th>
                <th scope="col">{t('privacy.subjectRequest.insz')}</th>
                <th scope="col">{t('privacy.subjectRequest.register.officer')}</th>
                <th scope="col">{t('privacy.subjectRequest.reason')}</th>
                <th scope="col">{t('privacy.subjectRequest.count')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((e) => (
                <tr key={e.id}>
                  <th scope="row" className="nowrap">
                    {formatDateTime(e.at)}
                  </th>
                  <td>{t(`privacy.subjectRequest.register.kinds.${e.kind}`)}</td>
                  <td className="nowrap">{e.insz}</td>
                  <td>{e.officer ?? '—'}</td>
                  <td>{e.reason ?? '—'}</td>
                  <td>{counts(e.counts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
