import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { fieldError, fieldErrorList } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { FileField, TextField } from '../../components/form-field.js';
import { formatDate } from '../../components/format.js';
import { PERMISSION_NAMES } from '../../../modules/channels/channels.schema.js';
import { formatKbo } from '../../../shared/identifiers.js';
import { currentLanguage } from '../../i18n/index.js';
import type { AccountData } from './chaman-api.js';

/** Paths of the ChaMan screens. */
export const chamanPaths = {
  home: '/chaman',
  addFtp: '/chaman/ftp-account-toevoegen',
  addWebservice: '/chaman/webservice-account-toevoegen',
  account: (accountId: string) => `/chaman/accounts/${accountId}`,
  accept: (delegationId: string) => `/chaman/delegatieverzoeken/${delegationId}/aanvaarden`,
};

/** `0212235604` → `0212.235.604`; anything else as it came. */
export function displayKbo(kbo: string): string {
  return /^\d{10}$/.test(kbo) ? formatKbo(kbo) : kbo;
}

/** An FTP password shown this once (R3.6): after creating the account or giving it a new password. */
export function SecretBox({ prefix, username, password }: { prefix: string; username: string; password: string }) {
  const { t } = useTranslation();
  return (
    <section className="secret-box" aria-labelledby={`${prefix}-secret-title`}>
      <h3 id={`${prefix}-secret-title`} className="secret-box__title">
        {t('chaman.ftp.passwordTitle')}
      </h3>
      <p>{t('chaman.ftp.passwordOnce')}</p>
      <dl className="details">
        <dt>{t('chaman.username')}</dt>
        <dd>{username}</dd>
        <dt>{t('chaman.password')}</dt>
        <dd>
          <code className="secret-box__password" data-testid="ftp-password">
            {password}
          </code>
        </dd>
      </dl>
      <p>
        <strong>{t('chaman.ftp.passwordWarning')}</strong>
      </p>
    </section>
  );
}

/** The certificate's end date with a text badge when it expires soon or has expired (not colour alone). */
export function CertificateExpiry({ certificate }: { certificate: AccountData['certificate'] }) {
  const { t } = useTranslation();
  if (!certificate) return <>{t('chaman.noCertificate')}</>;
  return (
    <>
      <span className="nowrap">{formatDate(certificate.notAfter)}</span>
      {certificate.expiry === 'expired' ? (
        <>
          {' '}
          <Badge tone="warning">{t('chaman.expired')}</Badge>
        </>
      ) : certificate.expiry === 'expiring' ? (
        <>
          {' '}
          <Badge tone="demo">{t('chaman.expiring', { count: certificate.daysLeft })}</Badge>
        </>
      ) : null}
    </>
  );
}

/** "Beveiligde machtigingen": one checkbox per permission code of the channel type. */
export function PermissionCheckboxes({
  prefix,
  kind,
  codes,
  value,
  onChange,
  error,
}: {
  prefix: string;
  kind: 'ftp' | 'rest';
  codes: readonly string[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const errorId = `${prefix}-permissions-error`;
  const hintId = `${prefix}-permissions-hint`;
  return (
    <fieldset
      className={error ? 'fieldset form__group--error' : 'fieldset'}
      id={`${prefix}-permissions`}
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      tabIndex={-1}
    >
      <legend>{t('chaman.permissions')}</legend>
      <p id={hintId} className="form__hint">
        {kind === 'ftp' ? t('chaman.permissionsHintFtp') : t('chaman.permissionsHintRest')}
      </p>
      {error ? (
        <p id={errorId} className="form__error">
          {error}
        </p>
      ) : null}
      <ul className="checkbox-list">
        {codes.map((code) => {
          const id = `${prefix}-permission-${code}`;
          return (
            <li key={code} className="checkbox">
              <input
                type="checkbox"
                id={id}
                className="checkbox__input"
                checked={value.includes(code)}
                onChange={(event) => onChange(event.target.checked ? [...value, code] : value.filter((c) => c !== code))}
              />
              <label htmlFor={id} className="checkbox__label">
                {permissionLabel(code)}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** The name of an FTP or REST permission in the UI language (the schema's one list); unknown codes as they are. */
export function permissionLabel(code: string): string {
  return Object.hasOwn(PERMISSION_NAMES, code) ? PERMISSION_NAMES[code as keyof typeof PERMISSION_NAMES][currentLanguage()] : code;
}

/** "Certificaat" (the .cer file, with every broken rule listed) and "Certificaatnaam". */
export function CertificateFields({
  prefix,
  name,
  onNameChange,
  onFileChange,
  errors,
  selfSignedAllowed,
}: {
  prefix: string;
  name: string;
  onNameChange: (name: string) => void;
  onFileChange: (file: File | undefined) => void;
  errors: FormErrors | undefined;
  /** REST certificates may be self-signed; FTP and SOAP ones must be CA-issued. */
  selfSignedAllowed: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t('chaman.certificate')}</legend>
      <p className="form__hint">{t('chaman.certRules.title')}</p>
      <ul className="chaman__rules form__hint">
        <li>{t('chaman.certRules.key')}</li>
        <li>{t('chaman.certRules.signature')}</li>
        <li>{selfSignedAllowed ? t('chaman.certRules.typeRest') : t('chaman.certRules.typeCa')}</li>
        <li>{t('chaman.certRules.format')}</li>
        {selfSignedAllowed ? <li>{t('chaman.certRules.keyUsage')}</li> : <li>{t('chaman.certRules.lifetime')}</li>}
      </ul>
      <FileField
        id={`${prefix}-certificate`}
        label={t('chaman.certificateFile')}
        hint={t('chaman.certificateFileHint')}
        required
        accept=".cer"
        error={fieldErrorList(errors, 'certificate', 'cert.')}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onFileChange(event.target.files?.[0])}
      />
      <TextField
        id={`${prefix}-certificateName`}
        label={t('chaman.certificateName')}
        required
        maxLength={100}
        autoComplete="off"
        error={fieldError(errors, 'certificateName')}
        value={name}
        onChange={(event) => onNameChange(event.target.value)}
      />
    </fieldset>
  );
}

/** Summary entries for the certificate fields. */
export function certificateLabels(prefix: string, t: (key: string) => string) {
  return {
    certificate: { id: `${prefix}-certificate`, label: t('chaman.certificateFile') },
    certificateName: { id: `${prefix}-certificateName`, label: t('chaman.certificateName') },
  };
}

/** The account's name (R3.3, R3.7): the one field every ChaMan account form has. */
export function AccountNameField({
  prefix,
  hint,
  error,
  value,
  onChange,
}: {
  prefix: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      id={`${prefix}-name`}
      label={t('chaman.accountName')}
      hint={hint}
      required
      maxLength={100}
      autoComplete="off"
      error={error}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
