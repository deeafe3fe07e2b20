import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.js';
import { Notice } from '../../components/notice.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { PREFIX, optional } from './citizen-draft.js';
import type { Draft } from './citizen-draft.js';
import { HELP_KIND_LIST } from './help-requests-api.js';
import { kindLabel } from './help-requests-common.js';
import type { OcmwLookup } from './use-ocmw-lookup.js';

/** The review before "Indienen": what will be filed, with which OCMW, on which date. */
export function CitizenReview({
  draft,
  residence,
  labels,
  headingRef,
  isBusy,
  isProofFailed,
  onSubmit,
  onChange,
}: {
  draft: Draft;
  residence: OcmwLookup;
  labels: Record<'surname' | 'firstName' | 'insz' | 'email' | 'phone' | 'message', string>;
  headingRef: Ref<HTMLHeadingElement>;
  isBusy: boolean;
  /** Issue 17: the browser could not make the anti-automation check. */
  isProofFailed: boolean;
  onSubmit: () => void;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { municipalities, nis, ocmw, postcode, receiptDate } = residence;
  const municipality = municipalities.find((m) => m.nis === nis)?.name ?? municipalities[0]?.name;
  const orNotGiven = (text: string) => optional(text) ?? t('helpRequests.citizen.notGiven');
  return (
    <section aria-labelledby={`${PREFIX}-review-title`}>
      <h2 id={`${PREFIX}-review-title`} ref={headingRef} tabIndex={-1} className="step-heading">
        {t('helpRequests.citizen.reviewTitle')}
      </h2>
      <p>{t('helpRequests.citizen.reviewIntro')}</p>
      <dl className="details">
        <dt>{t('helpRequests.citizen.reviewKinds')}</dt>
        <dd>
          <ul className="plain-list">
            {HELP_KIND_LIST.filter((kind) => draft.kinds.includes(kind)).map((kind) => (
              <li key={kind}>{kindLabel(kind, t)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('helpRequests.citizen.reviewResidence')}</dt>
        <dd>
          {postcode}
          {municipality ? ` ${municipality}` : null}
        </dd>
        <dt>{t('helpRequests.citizen.reviewOcmw')}</dt>
        <dd>{ocmw ? ocmw.name : t('helpRequests.citizen.ocmwUnknown')}</dd>
        <dt>{labels.surname}</dt>
        <dd>{draft.surname.trim()}</dd>
        <dt>{labels.firstName}</dt>
        <dd>{draft.firstName.trim()}</dd>
        <dt>{labels.insz}</dt>
        <dd>{orNotGiven(draft.insz)}</dd>
        <dt>{labels.email}</dt>
        <dd>{orNotGiven(draft.email)}</dd>
        <dt>{labels.phone}</dt>
        <dd>{orNotGiven(draft.phone)}</dd>
        <dt>{labels.message}</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{draft.message.trim()}</dd>
        <dt>{t('helpRequests.citizen.reviewLanguage')}</dt>
        <dd>{t(`languages.${language}`)}</dd>
      </dl>
      {receiptDate ? <p>{t('helpRequests.citizen.reviewReceiptDate', { date: formatDate(receiptDate) })}</p> : null}
      <p>{t('helpRequests.citizen.reviewSignature')}</p>
      {isProofFailed ? <Notice tone="error">{t('helpRequests.citizen.proofFailed')}</Notice> : null}
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onSubmit} disabled={isBusy}>
          {isBusy ? t('helpRequests.citizen.submitting') : t('helpRequests.citizen.submit')}
        </button>
        <button type="button" className="button" onClick={onChange} disabled={isBusy}>
          {t('helpRequests.citizen.change')}
        </button>
      </div>
    </section>
  );
}
