import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { errorMessage } from '../../components/error-message.js';
import { TextAreaField, TextField } from '../../components/form-field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { privacyApi, type SubjectKind, type SubjectOverviewData } from './subject-request-api.js';
import { PrivacyTabs } from './privacy-tabs.js';
import { SubjectRegister } from './subject-register.js';

/**
 * Issue 24: a citizen's request (GDPR art. 15/17) for the OCMW's privacy officer. Look up an INSZ:
 * what the OCMW holds per kind and whether it may be erased (with the reason); download the file
 * for the citizen; erase the erasable kinds after a confirmation, with the reason (kept in the
 * register below, which only the officer reads; the audit log says only that an erasure happened).
 */
export function SubjectRequestPage() {
  const { t } = useTranslation();
  const title = t('privacy.subjectRequest.title');
  useDocumentTitle(title);
  const [insz, setInsz] = useState('');
  const [overview, setOverview] = useState<SubjectOverviewData | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<SubjectKind[]>([]);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // Bumped after an export or erasure: the register below shows it.
  const [registered, setRegistered] = useState(0);

  const fail = (e: unknown) => setError({ message: errorMessage(e, t), field: e instanceof ApiError ? Object.keys(e.fields)[0] : undefined });

  async function lookUp(event?: FormEvent) {
    event?.preventDefault();
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      setOverview(await privacyApi.overview(insz));
      setChosen([]);
    } catch (e) {
      setOverview(null);
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function download() {
    setError(null);
    setBusy(true);
    try {
      await privacyApi.downloadExport(insz);
      setRegistered((n) => n + 1);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function erase() {
    setBusy(true);
    try {
      const result = await privacyApi.erase(insz, chosen, reason);
      setConfirming(false);
      setReason('');
      setOverview(await privacyApi.overview(insz).catch(() => null));
      setChosen([]);
      const total = Object.values(result.erased).reduce((sum, n) => sum + (n ?? 0), 0);
      setDone(t('privacy.subjectRequest.erased', { count: total }));
      setRegistered((n) => n + 1);
    } catch (e) {
      setConfirming(false);
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (kind: SubjectKind) => setChosen((now) => (now.includes(kind) ? now.filter((k) => k !== kind) : [...now, kind]));
  const erasable = overview?.kinds.filter((k) => k.erasable) ?? [];

  return (
    <>
      <h1>{title}</h1>
      <PrivacyTabs />
      <p className="lead">{t('privacy.subjectRequest.lead')}</p>
      <form className="form" onSubmit={(e) => void lookUp(e)} noValidate>
        <TextField
          id="subject-insz"
          label={t('privacy.subjectRequest.insz')}
          hint={t('privacy.subjectRequest.inszHint')}
          required
          value={insz}
          autoComplete="off"
          onChange={(e) => setInsz(e.target.value)}
          error={error?.field === 'insz' ? error.message : undefined}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy || insz.trim() === ''}>
            {t('privacy.subjectRequest.lookUp')}
          </button>
        </div>
      </form>
      {error && error.field !== 'insz' ? (
        <p role="alert" className="notice notice--error">
          {error.message}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="notice notice--success">
          {done}
        </p>
      ) : null}
      {overview ? (
        <section aria-labelledby="subject-held">
          <h2 id="subject-held">{t('privacy.subjectRequest.held')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('privacy.subjectRequest.kind')}</th>
                <th scope="col">{t('privacy.subjectRequest.count')}</th>
                <th scope="col">{t('privacy.subjectRequest.erasure')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.kinds.map((k) => (
                <tr key={k.kind}>
                  <th scope="row">{t(`privacy.subjectRequest.kinds.${k.kind}`)}</th>
                  <td>{k.count}</td>
                  <td>
                    <strong>{k.erasable ? t('privacy.subjectRequest.erasable') : t('privacy.subjectRequest.kept')}</strong> {k.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="button" onClick={() => void download()} disabled={busy}>
              {t('privacy.subjectRequest.download')}
            </button>
          </div>

          <h2>{t('privacy.subjectRequest.eraseTitle')}</h2>
          {erasable.length === 0 ? (
            <p>{t('privacy.subjectRequest.nothingErasable')}</p>
          ) : (
            <form
              className="form"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                setError(null);
                setConfirming(true);
              }}
            >
              <fieldset className="form__group">
                <legend className="form__label">{t('privacy.subjectRequest.eraseWhat')}</legend>
                <ul className="checkbox-list">
                  {erasable.map((k) => (
                    <li key={k.kind} className="checkbox">
                      <input type="checkbox" id={`erase-${k.kind}`} className="checkbox__input" checked={chosen.includes(k.kind)} onChange={() => toggle(k.kind)} />
                      <label htmlFor={`erase-${k.kind}`} className="checkbox__label">
                        {t(`privacy.subjectRequest.kinds.${k.kind}`)} ({k.count})
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <TextAreaField
                id="subject-reason"
                label={t('privacy.subjectRequest.reason')}
                hint={t('privacy.subjectRequest.reasonHint')}
                required
                value={reason}
                maxLength={1000}
                onChange={(e) => setReason(e.target.value)}
                error={error?.field === 'reason' ? error.message : undefined}
              />
              <div className="actions">
                <button type="submit" className="button button--danger" disabled={busy || chosen.length === 0 || reason.trim() === ''}>
                  {t('privacy.subjectRequest.erase')}
                </button>
              </div>
            </form>
          )}
        </section>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('privacy.subjectRequest.confirmTitle')}
        confirmLabel={t('privacy.subjectRequest.confirm')}
        cancelLabel={t('form.cancel')}
        onConfirm={() => void erase()}
        onCancel={() => setConfirming(false)}
        isBusy={busy}
      >
        <p>{t('privacy.subjectRequest.confirmText', { kinds: chosen.map((k) => t(`privacy.subjectRequest.kinds.${k}`)).join(', ') })}</p>
      </ConfirmDialog>
      <SubjectRegister version={registered} />
    </>
  );
}
