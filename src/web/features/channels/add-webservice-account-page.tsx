import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions.js';
import { useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorMessage } from '../../components/error-message.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { SelectField } from '../../components/form-field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { Breadcrumbs } from '../access/access-common.js';
import { certificateOf, chamanApi, REST_PERMISSION_CODES } from './chaman-api.js';
import { AccountNameField, CertificateFields, certificateLabels, chamanPaths, PermissionCheckboxes } from './chaman-common.js';
import { Notice } from '../../components/notice.js';

const PREFIX = 'chaman-web';
type Kind = '' | 'SOAP' | 'REST';
type Management = 'internal' | 'external';

/**
 * "Een Webservice account toevoegen": SOAP (with its certificate) or REST, whose certificate is
 * loaded here (intern beheer) or by a software vendor after a delegation request (extern beheer, R3.7).
 */
export function AddWebserviceAccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('');
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [management, setManagement] = useState<Management>('internal');
  const [intermediaryId, setIntermediaryId] = useState('');
  const [certificateName, setCertificateName] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isBusy, setBusy] = useState(false);
  const intermediaries = useLoad((signal) => chamanApi.listIntermediaries(signal), 'intermediaries');
  const title = t('chaman.web.addTitle');
  useDocumentTitle(title);

  function chooseKind(next: Kind) {
    setKind(next);
    setErrors(undefined);
    // The guide recommends "OCMW Online" as the name of the REST account.
    if (next === 'REST' && name === '') setName('OCMW Online');
  }

  function fail(fields: Record<string, string>) {
    setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (kind === '') return fail({ kind: t('chaman.web.kindRequired') });
    const needsCertificate = kind === 'SOAP' || management === 'internal';
    if (needsCertificate && !file) return fail({ certificate: t('chaman.certificateRequired') });
    if (kind === 'REST' && management === 'external' && intermediaryId === '') return fail({ intermediaryOrganisationId: t('chaman.web.intermediaryRequired') });
    setBusy(true);
    try {
      if (kind === 'SOAP') {
        await chamanApi.createSoap({ name, certificateName, certificate: await certificateOf(file!) });
        navigate(chamanPaths.home, { state: { notice: t('chaman.web.created', { name, kind }) } });
      } else if (management === 'internal') {
        await chamanApi.createRest({ management, name, permissions, certificateName, certificate: await certificateOf(file!) });
        navigate(chamanPaths.home, { state: { notice: t('chaman.web.created', { name, kind }) } });
      } else {
        const created = await chamanApi.createRest({ management, name, permissions, intermediaryOrganisationId: intermediaryId });
        navigate(chamanPaths.home, {
          state: { notice: t('chaman.web.delegated', { name, intermediary: created.delegation?.intermediary.name ?? '' }) },
        });
      }
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
      setBusy(false);
    }
  }

  const known = {
    kind: { id: `${PREFIX}-kind`, label: t('chaman.type') },
    name: { id: `${PREFIX}-name`, label: t('chaman.accountName') },
    permissions: { id: `${PREFIX}-permissions`, label: t('chaman.permissions') },
    management: { id: `${PREFIX}-management`, label: t('chaman.management.title') },
    intermediaryOrganisationId: { id: `${PREFIX}-intermediary`, label: t('chaman.web.intermediary') },
    ...certificateLabels(PREFIX, t),
  };

  return (
    <>
      <Breadcrumbs items={[{ to: chamanPaths.home, label: t('chaman.short') }, { label: title }]} />
      <h1>{title}</h1>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <p className="form__hint">{t('form.requiredNote')}</p>
        {errors ? <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} /> : null}
        <SelectField
          id={`${PREFIX}-kind`}
          label={t('chaman.type')}
          required
          error={fieldError(errors, 'kind')}
          value={kind}
          onChange={(event) => chooseKind(event.target.value as Kind)}
        >
          <option value="">{t('chaman.web.select')}</option>
          <option value="SOAP">SOAP</option>
          <option value="REST">REST</option>
        </SelectField>
        {kind === '' ? null : (
          <>
            <AccountNameField prefix={PREFIX} hint={kind === 'REST' ? t('chaman.web.nameHint') : undefined} error={fieldError(errors, 'name')} value={name} onChange={setName} />
            {kind === 'REST' ? (
              <>
                <PermissionCheckboxes
                  prefix={PREFIX}
                  kind="rest"
                  codes={REST_PERMISSION_CODES}
                  value={permissions}
                  onChange={setPermissions}
                  error={fieldError(errors, 'permissions')}
                />
                <fieldset className="fieldset" id={`${PREFIX}-management`} tabIndex={-1}>
                  <legend>{t('chaman.management.title')}</legend>
                  {(['internal', 'external'] as const).map((m) => (
                    <div className="radio" key={m}>
                      <input
                        type="radio"
                        id={`${PREFIX}-management-${m}`}
                        name="management"
                        value={m}
                        checked={management === m}
                        onChange={() => setManagement(m)}
                      />
                      <label htmlFor={`${PREFIX}-management-${m}`}>{t(`chaman.management.${m}`)}</label>
                    </div>
                  ))}
                </fieldset>
              </>
            ) : null}
            {kind === 'REST' && management === 'external' ? (
              intermediaries.state.status === 'error' ? <Notice tone="error">{errorMessage(intermediaries.state.error, t)}</Notice> : (
                <SelectField
                  id={`${PREFIX}-intermediary`}
                  label={t('chaman.web.intermediary')}
                  hint={t('chaman.web.intermediaryHint')}
                  required
                  error={fieldError(errors, 'intermediaryOrganisationId')}
                  value={intermediaryId}
                  onChange={(event) => setIntermediaryId(event.target.value)}
                >
                  <option value="">{t('chaman.web.select')}</option>
                  {intermediaries.state.status === 'ready'
                    ? intermediaries.state.data.map((vendor) => (
                        <option key={vendor.id} value={vendor.id}>
                          {vendor.name} ({vendor.kboFormatted})
                        </option>
                      ))
                    : null}
                </SelectField>
              )
            ) : (
              <CertificateFields
                prefix={PREFIX}
                name={certificateName}
                onNameChange={setCertificateName}
                onFileChange={setFile}
                errors={errors}
                selfSignedAllowed={kind === 'REST'}
              />
            )}
          </>
        )}
        <FormActions isBusy={isBusy} onCancel={() => navigate(chamanPaths.home)} />
      </form>
    </>
  );
}
