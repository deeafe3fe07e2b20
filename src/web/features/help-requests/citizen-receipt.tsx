import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../components/format.js';
import type { CitizenReceiptData } from './help-requests-api.js';
import { ContactBlock, brusselsDate } from './help-requests-common.js';

const PREFIX = 'citizen';

/** After "Indienen": the reference, the receipt date, the competent OCMW and the acknowledgement. */
export function CitizenReceipt({
  receipt,
  headingRef,
  onNewRequest,
}: {
  receipt: CitizenReceiptData;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onNewRequest: () => void;
}) {
  const { t } = useTranslation();
  const filedOn = brusselsDate(receipt.filedAt);
  return (
    <section aria-labelledby={`${PREFIX}-done-title`}>
      <div className="notice notice--success">
        <h2 id={`${PREFIX}-done-title`} ref={headingRef} tabIndex={-1} className="notice__title step-heading">
          {t('helpRequests.citizen.doneTitle')}
        </h2>
        <p>
          {t('helpRequests.citizen.reference')}: <strong style={{ fontSize: '1.5rem', letterSpacing: '0.03em' }}>{receipt.reference}</strong>
        </p>
        <p>{t('helpRequests.citizen.referenceHint')}</p>
      </div>
      <dl className="details">
        <dt>{t('helpRequests.citizen.filedAt')}</dt>
        <dd>{formatDateTime(receipt.filedAt)}</dd>
        <dt>{t('helpRequests.citizen.receivedOn')}</dt>
        <dd>{formatDate(receipt.receivedOn)}</dd>
      </dl>
      <p>
        {filedOn !== receipt.receivedOn
          ? t('helpRequests.citizen.receiptDateMoved', { date: formatDate(receipt.receivedOn) })
          : null}{' '}
        {t('helpRequests.citizen.receiptDateRule')}
      </p>

      <h3>{t('helpRequests.citizen.ocmwTitle')}</h3>
      <p>
        <strong>{receipt.ocmw.name}</strong>
      </p>
      {receipt.ocmw.contact ? <ContactBlock contact={receipt.ocmw.contact} /> : <p>{t('helpRequests.citizen.noContact')}</p>}
      <p>{t('helpRequests.citizen.deadline')}</p>

      <h3>{t('helpRequests.citizen.acknowledgementTitle')}</h3>
      <p>
        {receipt.acknowledgementTo
          ? t('helpRequests.citizen.acknowledgementSent', { email: receipt.acknowledgementTo })
          : t('helpRequests.citizen.acknowledgementNone')}
      </p>

      <p>
        <button type="button" className="button" onClick={onNewRequest}>
          {t('helpRequests.citizen.newRequest')}
        </button>
      </p>
    </section>
  );
}
