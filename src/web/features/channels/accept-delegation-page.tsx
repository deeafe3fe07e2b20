import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions.js';
import { LoadStatus } from '../../components/load-status.js';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatDate } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { Breadcrumbs } from '../access/access-common.js';
import { chamanApi } from './chaman-api.js';
import { CertificateUploadForm } from './certificate-upload-form.js';
import type { DelegationData } from './chaman-api.js';
import { chamanPaths, permissionLabel } from './chaman-common.js';
import { Notice } from '../../components/notice.js';

const PREFIX = 'chaman-accept';

/** The software vendor accepts a delegation request by loading the REST certificate (R3.8). */
export function AcceptDelegationPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { delegationId = '' } = useParams();
  const { state } = useLoad((signal) => chamanApi.home('pending', signal), `${delegationId}|${language}`);
  const delegation = state.status === 'ready' ? state.data.incoming.find((d) => d.id === delegationId) : undefined;
  const title = t('chaman.accept.title');
  useDocumentTitle(title);

  return (
    <>
      <Breadcrumbs items={[{ to: chamanPaths.home, label: t('chaman.short') }, { label: title }]} />
      <h1>{title}</h1>
      <LoadStatus state={state}>
        {() =>
          !delegation ? <Notice tone="error">{t('chaman.accept.notFound')}</Notice> : (
            <AcceptForm delegation={delegation} />
          )
        }
      </LoadStatus>
      <p>
        <Link to={chamanPaths.home}>{t('chaman.backToHome')}</Link>
      </p>
    </>
  );
}

function AcceptForm({ delegation }: { delegation: DelegationData }) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  return (
    <>
      <dl className="details">
        <dt>{t('chaman.col.name')}</dt>
        <dd>{delegation.accountName}</dd>
        <dt>{t('chaman.col.requester')}</dt>
        <dd>
          {delegation.requester.organisationName} - {delegation.requester.domain}
        </dd>
        <dt>{t('chaman.permissions')}</dt>
        <dd>
          <ul className="plain-list">
            {delegation.permissions.map((p) => (
              <li key={p}>{permissionLabel(p)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('chaman.col.requestedAt')}</dt>
        <dd>{formatDate(delegation.requestedAt)}</dd>
      </dl>
      <CertificateUploadForm
        prefix={PREFIX}
        isSelfSignedAllowed
        intro={
          <>
            <p>{t('chaman.accept.intro')}</p>
            <p className="form__hint">{t('form.requiredNote')}</p>
          </>
        }
        send={async (body) => {
          await chamanApi.acceptDelegation(delegation.id, body);
          navigate(chamanPaths.home, {
            state: { notice: t('chaman.accept.done', { name: delegation.accountName, requester: delegation.requester.organisationName }) },
          });
        }}
        actions={(isBusy) => <FormActions submitLabel={t('chaman.incoming.accept')} isBusy={isBusy} onCancel={() => navigate(chamanPaths.home)} />}
      />
    </>
  );
}
