import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../../components/load-status.js';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { formatDate } from '../../components/format.js';
import { TextField } from '../../components/form-field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { accessApi } from './access-api.js';
import type { MemberDetailData } from './access-api.js';
import { Breadcrumbs, accessPaths, displayInsz } from './access-common.js';
import { DomainBanner } from './domain-banner.js';
import { ApplicationCheckboxes, ApplicationList } from './application-fields.js';
import { Notice } from '../../components/notice.js';

/** A user's details in the domain: identification data, applications, local e-mail, block and remove. */
export function UserDetailPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const { domainId = '', userId = '' } = useParams();
  const { state, setData } = useLoad((signal) => accessApi.getMember(domainId, userId, signal), `${domainId}|${userId}|${language}`);
  const member = state.status === 'ready' ? state.data : undefined;
  const title = member ? t('access.detail.title', { name: `${member.firstName} ${member.surname}` }) : t('access.detail.titleLoading');
  useDocumentTitle(title);

  return (
    <>
      <Breadcrumbs
        items={[
          { to: accessPaths.domain(domainId), label: t('access.title') },
          { to: accessPaths.users(domainId), label: t('access.users.title') },
          { label: member ? member.username : t('access.detail.titleLoading') },
        ]}
      />
      <h1>{title}</h1>
      <DomainBanner domainId={domainId} />
      <LoadStatus state={state}>
        {(data) =>
          (
            <MemberDetails
              member={data}
              domainId={domainId}
              onChange={setData}
              onRemoved={() => navigate(accessPaths.users(domainId), { state: { removed: data.username } })}
            />
          )
        }
      </LoadStatus>
      <p>
        <Link to={accessPaths.users(domainId)}>{t('access.users.backToList')}</Link>
      </p>
    </>
  );
}

function MemberDetails({
  member,
  domainId,
  onChange,
  onRemoved,
}: {
  member: MemberDetailData;
  domainId: string;
  onChange: (member: MemberDetailData) => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const [applications, setApplications] = useState(member.applications);
  const [localEmail, setLocalEmail] = useState(member.localEmail ?? '');
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [dialog, setDialog] = useState<'block' | 'remove' | undefined>();
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    setApplications(member.applications);
    setLocalEmail(member.localEmail ?? '');
  }, [member]);

  async function run(change: () => Promise<void>, done: string) {
    setBusy(true);
    setNotice(undefined);
    try {
      await change();
      setErrors(undefined);
      setNotice(done);
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
      setDialog(undefined);
    }
  }

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(async () => {
      onChange(
        await accessApi.updateMember(domainId, member.userId, {
          applications: [...applications].sort(),
          localEmail: localEmail.trim() === '' ? null : localEmail.trim(),
        }),
      );
    }, t('access.detail.saved'));
  }

  const isBlocked = member.status === 'blocked';

  return (
    <>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {errors ? (
        <ErrorSummary
          key={errors.attempt}
          title={t('form.errorSummary')}
          message={errors.message}
          fields={summaryLinks(errors, {
            localEmail: { id: 'member-localEmail', label: t('person.localEmail') },
            applications: { id: 'member-applications', label: t('access.applications') },
          })}
        />
      ) : null}
      <h2>{t('access.identification')}</h2>
      <dl className="details">
        <dt>{t('person.username')}</dt>
        <dd>{member.username}</dd>
        <dt>{t('person.surname')}</dt>
        <dd>{member.surname}</dd>
        <dt>{t('person.firstName')}</dt>
        <dd>{member.firstName}</dd>
        <dt>{t('person.title')}</dt>
        <dd>{member.title ? t(`person.titles.${member.title}`) : t('person.titleNone')}</dd>
        <dt>{t('person.insz')}</dt>
        <dd>{displayInsz(member.insz)}</dd>
        <dt>{t('person.language')}</dt>
        <dd>{t(`languages.${member.language}`)}</dd>
        <dt>{t('person.createdAt')}</dt>
        <dd>{formatDate(member.createdAt)}</dd>
        <dt>{t('person.updatedAt')}</dt>
        <dd>{member.updatedAt ? formatDate(member.updatedAt) : '—'}</dd>
        <dt>{t('person.status')}</dt>
        <dd data-testid="member-status">{t(`access.status.${member.status}`)}</dd>
        <dt>{t('access.type')}</dt>
        <dd>{t(`access.types.${member.type}`)}</dd>
        <dt>{t('person.email')}</dt>
        <dd>{member.email ?? '—'}</dd>
        {!member.allowed.edit ? (
          <>
            <dt>{t('person.localEmail')}</dt>
            <dd>{member.localEmail ?? '—'}</dd>
          </>
        ) : null}
      </dl>

      {member.allowed.edit ? (
        <form className="form" noValidate onSubmit={onSave} aria-labelledby="member-edit-title">
          <h2 id="member-edit-title">{t('access.detail.editTitle')}</h2>
          <TextField
            id="member-localEmail"
            label={t('person.localEmail')}
            hint={t('person.localEmailHint')}
            type="email"
            autoComplete="off"
            error={fieldError(errors, 'localEmail')}
            value={localEmail}
            onChange={(event) => setLocalEmail(event.target.value)}
          />
          <ApplicationCheckboxes prefix="member" value={applications} onChange={setApplications} error={fieldError(errors, 'applications')} />
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t('form.keep')}
          </button>
        </form>
      ) : (
        <>
          <h2>{t('access.applications')}</h2>
          <ApplicationList codes={member.applications} />
        </>
      )}

      {member.allowed.block || member.allowed.remove ? (
        <section aria-labelledby="member-actions-title">
          <h2 id="member-actions-title">{t('access.detail.actionsTitle')}</h2>
          <div className="actions">
            {member.allowed.block ? (
              <button type="button" className="button" onClick={() => setDialog('block')}>
                {isBlocked ? t('access.detail.unblock') : t('access.detail.block')}
              </button>
            ) : null}
            {member.allowed.remove ? (
              <button type="button" className="button button--danger" onClick={() => setDialog('remove')}>
                {t('access.detail.remove')}
              </button>
            ) : null}
          </div>
        </section>
      ) : null}

      <ConfirmDialog
        open={dialog !== undefined}
        title={
          dialog === 'remove'
            ? t('access.detail.removeTitle')
            : isBlocked
              ? t('access.detail.unblockTitle')
              : t('access.detail.blockTitle')
        }
        confirmLabel={t('form.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={isBusy}
        onCancel={() => setDialog(undefined)}
        onConfirm={() => {
          if (dialog === 'remove') {
            void run(async () => {
              await accessApi.removeMember(domainId, member.userId);
              onRemoved();
            }, t('access.detail.removed'));
          } else {
            void run(async () => {
              onChange(await accessApi.updateMember(domainId, member.userId, { status: isBlocked ? 'active' : 'blocked' }));
            }, isBlocked ? t('access.detail.unblocked') : t('access.detail.blocked'));
          }
        }}
      >
        <p>
          {dialog === 'remove'
            ? t('access.detail.removeBody', { name: `${member.firstName} ${member.surname}`, username: member.username })
            : isBlocked
              ? t('access.detail.unblockBody', { name: `${member.firstName} ${member.surname}` })
              : t('access.detail.blockBody', { name: `${member.firstName} ${member.surname}` })}
        </p>
      </ConfirmDialog>
    </>
  );
}
