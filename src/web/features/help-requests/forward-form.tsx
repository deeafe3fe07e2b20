import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions.js';
import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorMessage } from '../../components/error-message.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { TextAreaField, TextField } from '../../components/form-field.js';
import { validationText } from '../../i18n/validation.js';
import { helpRequestsApi } from './help-requests-api.js';
import type { ForwardTargetData, HelpRequestDetailData } from './help-requests-api.js';
import { helpRequestPaths } from './help-requests-common.js';
import type { ForwardedState } from './help-request-list-page.js';

const PREFIX = 'help-forward';
const SEARCH_MIN = 2;
const SEARCH_DELAY_MS = 300;
const REASON_MAX = 1000;

type Search =
  | { status: 'idle' }
  | { status: 'loading'; q: string }
  | { status: 'ready'; q: string; targets: ForwardTargetData[] }
  | { status: 'error'; q: string; message: string };

/**
 * "Doorsturen naar een ander OCMW" (R6.11): search the OCMW by name, choose it, give the reason,
 * confirm. The request keeps its reference and receipt date; this OCMW no longer sees it.
 */
export function ForwardForm({ detail, onCancel }: { detail: HelpRequestDetailData; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [target, setTarget] = useState<ForwardTargetData | undefined>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [searchVersion, setSearchVersion] = useState(0);
  const term = q.trim();

  useEffect(() => {
    // Opened by a button that is gone now: start in the search field.
    document.getElementById(`${PREFIX}-search`)?.focus();
  }, []);

  useEffect(() => {
    if (term.length < SEARCH_MIN) {
      setSearch({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(
      () => {
        setSearch({ status: 'loading', q: term });
        helpRequestsApi
          .forwardTargets(term, controller.signal)
          .then((targets) => {
            if (!controller.signal.aborted) setSearch({ status: 'ready', q: term, targets });
          })
          .catch((error: unknown) => {
            if (!controller.signal.aborted) setSearch({ status: 'error', q: term, message: errorMessage(error, t) });
          });
      },
      searchVersion > 0 ? 0 : SEARCH_DELAY_MS,
    );
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [term, searchVersion]);

  const targets = search.status === 'ready' ? search.targets : [];
  // A chosen OCMW stays listed while another search runs, so the choice remains visible.
  const listed = target && !targets.some((item) => item.id === target.id) ? [target, ...targets] : targets;

  const searchStatus =
    term.length < SEARCH_MIN
      ? t('helpRequests.forward.searchTooShort', { min: SEARCH_MIN })
      : search.status === 'loading' || search.status === 'idle'
        ? t('helpRequests.forward.searching')
        : search.status === 'error'
          ? search.message
          : t('helpRequests.forward.found', { count: search.targets.length });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!target) fields.organisationId = t('helpRequests.forward.chooseOcmw');
    if (reason.trim() === '') fields.reason = t('helpRequests.forward.reasonRequired');
    else if (reason.trim().length > REASON_MAX) fields.reason = validationText('valid.text_max', { max: REASON_MAX });
    if (Object.keys(fields).length > 0) {
      setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields }));
      return;
    }
    setErrors(undefined);
    setConfirming(true);
  }

  async function onConfirm() {
    if (!target) return;
    setBusy(true);
    try {
      const result = await helpRequestsApi.forward(detail.id, { organisationId: target.id, reason: reason.trim() });
      const state: ForwardedState = { forwarded: { reference: result.reference, to: result.forwardedTo.name } };
      navigate(helpRequestPaths.list, { state });
    } catch (error) {
      setConfirming(false);
      setErrors((previous) => formErrorsOf(error, t, previous));
      setBusy(false);
    }
  }

  const firstListed = listed[0];
  const known = {
    organisationId: { id: firstListed ? `${PREFIX}-target-${firstListed.id}` : `${PREFIX}-search`, label: t('helpRequests.forward.target') },
    q: { id: `${PREFIX}-search`, label: t('helpRequests.forward.search') },
    reason: { id: `${PREFIX}-reason`, label: t('helpRequests.forward.reason') },
  };
  const targetError = fieldError(errors, 'organisationId');

  return (
    <div className="panel">
      {errors ? <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} /> : null}
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="help-forward-title">
        <TextField
          id={`${PREFIX}-search`}
          type="search"
          label={t('helpRequests.forward.search')}
          hint={t('helpRequests.forward.searchHint')}
          autoComplete="off"
          spellCheck={false}
          error={fieldError(errors, 'q')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches now instead of submitting the forward form.
            if (event.key === 'Enter') {
              event.preventDefault();
              setSearchVersion((v) => v + 1);
            }
          }}
        />
        <p role="status" className="form__hint">
          {searchStatus}
        </p>

        {listed.length > 0 ? (
          <fieldset
            className={targetError ? 'fieldset form__group--error' : 'fieldset'}
            id={`${PREFIX}-targets`}
            aria-describedby={targetError ? `${PREFIX}-targets-error` : undefined}
          >
            <legend>
              {t('helpRequests.forward.target')} <span aria-hidden="true">*</span>
              <span className="visually-hidden"> ({t('form.required')})</span>
            </legend>
            {targetError ? (
              <p id={`${PREFIX}-targets-error`} className="form__error">
                {targetError}
              </p>
            ) : null}
            {listed.map((item) => (
              <div className="radio" key={item.id}>
                <input
                  type="radio"
                  id={`${PREFIX}-target-${item.id}`}
                  name={`${PREFIX}-target`}
                  value={item.id}
                  checked={target?.id === item.id}
                  onChange={() => setTarget(item)}
                />
                <label htmlFor={`${PREFIX}-target-${item.id}`}>{item.name}</label>
              </div>
            ))}
          </fieldset>
        ) : targetError ? (
          <p className="form__error">{targetError}</p>
        ) : null}

        <TextAreaField
          id={`${PREFIX}-reason`}
          label={t('helpRequests.forward.reason')}
          hint={t('helpRequests.forward.reasonHint', { max: REASON_MAX })}
          required
          rows={4}
          error={fieldError(errors, 'reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <FormActions submitLabel={t('helpRequests.forward.submit')} isBusy={isBusy} onCancel={onCancel} />
      </form>

      <ConfirmDialog
        open={isConfirming}
        title={t('helpRequests.forward.confirmTitle')}
        confirmLabel={t('helpRequests.forward.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={isBusy}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('helpRequests.forward.confirmBody', { reference: detail.reference, organisation: target?.name ?? '' })}</p>
        <p>{t('helpRequests.forward.confirmNote')}</p>
      </ConfirmDialog>
    </div>
  );
}
