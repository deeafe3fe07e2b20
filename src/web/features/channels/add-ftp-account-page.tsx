import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions.js';
import { Link, useNavigate } from 'react-router-dom';
import { Breadcrumbs } from '../access/access-common.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, fieldErrorList, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { certificateOf, chamanApi, FTP_PERMISSION_CODES } from './chaman-api.js';
import type { CreatedAccountData } from './chaman-api.js';
import { AccountNameField, CertificateFields, certificateLabels, chamanPaths, PermissionCheckboxes, SecretBox } from './chaman-common.js';

const PREFIX = 'chaman-ftp';

/**
 * "Een FTP- of SFTP-account toevoegen" (R3.3–R3.6): type, name, permissions, the CA-issued
 * certificate, username and password; the password (typed or generated) is shown once.
 */
export function AddFtpAccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<'FTP' | 'SFTP'>('FTP');
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [certificateName, setCertificateName] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [isGenerated, setGenerated] = useState(false);
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isBusy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedAccountData | undefined>();
  const doneRef = useRef<HTMLHeadingElement>(null);
  const title = t('chaman.ftp.addTitle');
  useDocumentTitle(title);

  useEffect(() => {
    if (created) doneRef.current?.focus();
  }, [created]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields: { certificate: t('chaman.certificateRequired') } }));
      return;
    }
    setBusy(true);
    try {
      const typed = isGenerated ? '' : password;
      const result = await chamanApi.createFtp({
        kind,
        name,
        permissions,
        certificateName,
        certificate: await certificateOf(file),
        username,
        ...(typed === '' ? {} : { password: typed }),
      });
      setErrors(undefined);
      setCreated(result);
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  const known = {
    kind: { id: `${PREFIX}-kind`, label: t('chaman.type') },
    name: { id: `${PREFIX}-name`, label: t('chaman.accountName') },
    permissions: { id: `${PREFIX}-permissions`, label: t('chaman.permissions') },
    ...certificateLabels(PREFIX, t),
    username: { id: `${PREFIX}-username`, label: t('chaman.username') },
    password: { id: `${PREFIX}-password`, label: t('chaman.password') },
  };

  return (
    <>
      <Breadcrumbs items={[{ to: chamanPaths.home, label: t('chaman.short') }, { label: title }]} />
      <h1>{title}</h1>
      {created ? (
        <section aria-labelledby={`${PREFIX}-done-title`}>
          <h2 id={`${PREFIX}-done-title`} ref={doneRef} tabIndex={-1}>
            {t('chaman.ftp.created', { name: created.account?.name ?? name, kind: created.account?.kind ?? kind })}
          </h2>
          {created.password ? <SecretBox prefix={PREFIX} username={created.account?.username ?? username} password={created.password} /> : null}
          <p>
            <Link to={chamanPaths.home}>{t('chaman.backToHome')}</Link>
          </p>
        </section>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <p className="form__hint">{t('form.requiredNote')}</p>
          {errors ? <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} /> : null}
          <SelectField
            id={`${PREFIX}-kind`}
            label={t('chaman.type')}
            required
            error={fieldError(errors, 'kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value as 'FTP' | 'SFTP')}
          >
            <option value="FTP">FTP</option>
            <option value="SFTP">SFTP</option>
          </SelectField>
          <AccountNameField prefix={PREFIX} error={fieldError(errors, 'name')} value={name} onChange={setName} />
          <PermissionCheckboxes
            prefix={PREFIX}
            kind="ftp"
            codes={FTP_PERMISSION_CODES}
            value={permissions}
            onChange={setPermissions}
            error={fieldError(errors, 'permissions')}
          />
          <CertificateFields
            prefix={PREFIX}
            name={certificateName}
            onNameChange={setCertificateName}
            onFileChange={setFile}
            errors={errors}
            selfSignedAllowed={false}
          />
          <fieldset className="fieldset">
            <legend>{t('chaman.ftp.credentials')}</legend>
            <p className="form__hint">{t('chaman.usernameRules.title')}</p>
            <ul className="chaman__rules form__hint">
              <li>{t('chaman.usernameRules.chars')}</li>
              <li>{t('chaman.usernameRules.length')}</li>
              <li>{t('chaman.usernameRules.spaces')}</li>
            </ul>
            <TextField
              id={`${PREFIX}-username`}
              label={t('chaman.username')}
              required
              autoComplete="off"
              spellCheck={false}
              error={fieldErrorList(errors, 'username', 'ftp.username.')}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
            <div className="checkbox">
              <input
                type="checkbox"
                id={`${PREFIX}-generate`}
                className="checkbox__input"
                checked={isGenerated}
                onChange={(event) => setGenerated(event.target.checked)}
              />
              <label htmlFor={`${PREFIX}-generate`} className="checkbox__label">
                {t('chaman.ftp.generate')}
              </label>
            </div>
            <p className="form__hint">{t('chaman.passwordRules.title')}</p>
            <ul className="chaman__rules form__hint">
              <li>{t('chaman.passwordRules.length')}</li>
              <li>{t('chaman.passwordRules.spaces')}</li>
              <li>{t('chaman.passwordRules.case')}</li>
              <li>{t('chaman.passwordRules.specialCount')}</li>
              <li>{t('chaman.passwordRules.specialChars')}</li>
            </ul>
            {isGenerated ? null : (
              <TextField
                id={`${PREFIX}-password`}
                label={t('chaman.password')}
                hint={t('chaman.ftp.emptyGenerates')}
                type="password"
                autoComplete="new-password"
                spellCheck={false}
                error={fieldErrorList(errors, 'password', 'ftp.password.')}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </fieldset>
          <p>
            <strong>{t('chaman.ftp.passwordWarning')}</strong>
          </p>
          <FormActions isBusy={isBusy} onCancel={() => navigate(chamanPaths.home)} />
        </form>
      )}
    </>
  );
}
