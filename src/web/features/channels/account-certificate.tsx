import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.js';
import { CertificateUploadForm } from './certificate-upload-form.js';
import { chamanApi } from './chaman-api.js';
import type { AccountData } from './chaman-api.js';
import { CertificateExpiry } from './chaman-common.js';

const PREFIX = 'chaman-account';

/** The account's certificate as the portal read it: name, subject, issuer, key, fingerprint, validity. */
export function CertificateDetails({ certificate }: { certificate: AccountData['certificate'] }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('chaman.certificate')}</h2>
      {certificate ? (
        <dl className="details">
          <dt>{t('chaman.certificateName')}</dt>
          <dd>{certificate.name}</dd>
          <dt>{t('chaman.account.subject')}</dt>
          <dd>{certificate.subject}</dd>
          <dt>{t('chaman.account.issuer')}</dt>
          <dd>{certificate.selfSigned ? t('chaman.account.selfSigned') : certificate.issuer}</dd>
          <dt>{t('chaman.account.keyType')}</dt>
          <dd>
            {certificate.keyType}, {certificate.signature}
          </dd>
          <dt>{t('chaman.account.fingerprint')}</dt>
          <dd>
            <code>{certificate.fingerprint}</code>
          </dd>
          <dt>{t('chaman.account.validFrom')}</dt>
          <dd>{formatDate(certificate.notBefore)}</dd>
          <dt>{t('chaman.col.expires')}</dt>
          <dd>
            <CertificateExpiry certificate={certificate} />
          </dd>
        </dl>
      ) : (
        <p>{t('chaman.noCertificate')}</p>
      )}
    </>
  );
}

/** "Certificaat vervangen": a new certificate file and its name; the old one stops at once. */
export function ReplaceCertificateForm({ account, onReplaced }: { account: AccountData; onReplaced: (account: AccountData) => void }) {
  const { t } = useTranslation();
  return (
    <CertificateUploadForm
      prefix={PREFIX}
      isSelfSignedAllowed={account.kind === 'REST'}
      labelledBy={`${PREFIX}-cert-title`}
      intro={<h2 id={`${PREFIX}-cert-title`}>{t('chaman.account.replaceTitle')}</h2>}
      send={async (body) => onReplaced(await chamanApi.replaceCertificate(account.id, body))}
      actions={(isBusy) => (
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {t('chaman.account.replace')}
        </button>
      )}
    />
  );
}
