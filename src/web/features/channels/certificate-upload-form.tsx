import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.js';
import { formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { certificateOf } from './chaman-api.js';
import type { CertificateInput } from './chaman-api.js';
import { CertificateFields, certificateLabels } from './chaman-common.js';

/**
 * A form that loads one certificate file with its name (accepting a delegation, replacing an
 * account's certificate): the file is required before anything is sent, and the server's
 * messages land at the fields through the error summary.
 */
export function CertificateUploadForm({
  prefix,
  isSelfSignedAllowed,
  send,
  intro,
  actions,
  labelledBy,
}: {
  prefix: string;
  isSelfSignedAllowed: boolean;
  send: (body: { certificateName: string; certificate: CertificateInput }) => Promise<void>;
  /** What comes before the error summary: a heading, an introduction. */
  intro?: ReactNode;
  actions: (isBusy: boolean) => ReactNode;
  labelledBy?: string;
}) {
  const { t } = useTranslation();
  const [certificateName, setCertificateName] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields: { certificate: t('chaman.certificateRequired') } }));
      return;
    }
    setBusy(true);
    try {
      await send({ certificateName, certificate: await certificateOf(file) });
      setErrors(undefined);
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby={labelledBy}>
      {intro}
      {errors ? (
        <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, certificateLabels(prefix, t))} />
      ) : null}
      <CertificateFields
        prefix={prefix}
        name={certificateName}
        onNameChange={setCertificateName}
        onFileChange={setFile}
        errors={errors}
        selfSignedAllowed={isSelfSignedAllowed}
      />
      {actions(isBusy)}
    </form>
  );
}
