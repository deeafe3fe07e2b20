import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useSession } from '../../session.js';
import { accessApi } from './access-api.js';
import type { AddMemberInput } from './access-api.js';
import { Breadcrumbs, accessPaths, usePermissions } from './access-common.js';
import { ApplicationCheckboxes, ApplicationList } from './application-fields.js';
import { InszStep, PersonReviewList } from './person-fields.js';
import { IdentityFields, LocalEmailField, StepActions, StepHeading, usePersonWizard } from './person-wizard.js';
import { Notice } from '../../components/notice.js';

const PREFIX = 'add-user';

/** "Een gebruiker toevoegen" (R2.4, R2.5): INSZ → Volgende → form → Opslaan → review → Bevestigen. */
export function AddUserPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { has } = usePermissions();
  const navigate = useNavigate();
  const domainId = useParams().domainId ?? '';
  const [type, setType] = useState<'USER' | 'CO_TB'>('USER');
  const [applications, setApplications] = useState<string[]>([]);
  const body = (): AddMemberInput => ({
    insz: wizard.insz,
    type,
    localEmail: wizard.localEmail.trim() === '' ? null : wizard.localEmail.trim(),
    applications: [...applications].sort(),
    ...(wizard.isKnown ? {} : { person: wizard.person }),
  });
  const wizard = usePersonWizard({
    prefix: PREFIX,
    lookup: (insz) => accessApi.lookupPerson(domainId, insz),
    labels: { applications: t('access.applications') },
    known: { type: { id: `${PREFIX}-type-USER`, label: t('access.type') } },
    refuse: (found) => (found.isMember ? t('access.add.alreadyMember', { name: `${found.firstName ?? ''} ${found.surname ?? ''}`.trim() }) : undefined),
    validate: () => accessApi.validateMember(domainId, body()),
    save: () => accessApi.addMember(domainId, body()),
  });
  const { step, review, lookup, form } = wizard;
  const cancel = () => navigate(accessPaths.users(domainId));
  useDocumentTitle(t('access.add.title'));

  return (
    <>
      <Breadcrumbs
        items={[
          { to: accessPaths.domain(domainId), label: t('access.title') },
          { to: accessPaths.users(domainId), label: t('access.users.title') },
          { label: t('access.add.title') },
        ]}
      />
      <h1>{t('access.add.title')}</h1>
      <StepHeading wizard={wizard} />

      {step === 'insz' ? <InszStep prefix={PREFIX} intro={t('access.add.inszIntro')} initial={wizard.insz} onNext={wizard.onInsz} onCancel={cancel} /> : null}

      {step === 'form' && lookup ? (
        <form className="form" noValidate onSubmit={wizard.onSave}>
          <p>{t('form.requiredNote')}</p>
          {form.summary}
          <IdentityFields
            wizard={wizard}
            known={
              <dl className="details">
                <dt>{t('person.surname')}</dt>
                <dd>{lookup.surname}</dd>
                <dt>{t('person.firstName')}</dt>
                <dd>{lookup.firstName}</dd>
              </dl>
            }
          />
          <LocalEmailField wizard={wizard} />
          <fieldset className="fieldset">
            <legend>{t('access.type')}</legend>
            {form.error('type') ? <p className="form__error">{form.error('type')}</p> : null}
            {(has('access.manage-co-tb') ? (['USER', 'CO_TB'] as const) : (['USER'] as const)).map((value) => (
              <div key={value} className="radio">
                <input type="radio" id={`${PREFIX}-type-${value}`} name="type" value={value} checked={type === value} onChange={() => setType(value)} />
                <label htmlFor={`${PREFIX}-type-${value}`}>{t(`access.types.${value}`)}</label>
              </div>
            ))}
          </fieldset>
          <ApplicationCheckboxes prefix={PREFIX} value={applications} onChange={setApplications} error={form.error('applications')} />
          <StepActions wizard={wizard} onCancel={cancel} />
        </form>
      ) : null}

      {step === 'review' && review ? (
        <>
          <p>{t('access.add.reviewIntro')}</p>
          <h3>{t('access.identification')}</h3>
          <PersonReviewList person={review.person} today={session?.today} />
          <dl className="details">
            <dt>{t('access.type')}</dt>
            <dd>{t(`access.types.${review.type}`)}</dd>
            <dt>{t('person.localEmail')}</dt>
            <dd>{review.localEmail ?? '—'}</dd>
          </dl>
          <h3>{t('access.applications')}</h3>
          <ApplicationList codes={review.applications} />
          <StepActions wizard={wizard} onCancel={cancel} />
        </>
      ) : null}

      {step === 'done' && review ? (
        <>
          <Notice tone="success">{t('access.add.done', { name: `${review.person.firstName} ${review.person.surname}`, username: review.person.username })}</Notice>
          <ul className="link-list">
            {review.userId ? (
              <li>
                <Link to={accessPaths.user(domainId, review.userId)}>{t('access.add.openUser', { username: review.person.username })}</Link>
              </li>
            ) : null}
            <li>
              <Link to={accessPaths.users(domainId)}>{t('access.users.backToList')}</Link>
            </li>
          </ul>
        </>
      ) : null}
    </>
  );
}
