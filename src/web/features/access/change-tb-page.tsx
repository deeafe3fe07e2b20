import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useSession } from '../../session.js';
import { accessApi } from './access-api.js';
import type { ChangeTbInput } from './access-api.js';
import { Breadcrumbs, accessPaths } from './access-common.js';
import { DomainBanner } from './domain-banner.js';
import { InszStep, PersonReviewList } from './person-fields.js';
import { IdentityFields, LocalEmailField, StepActions, StepHeading, usePersonWizard } from './person-wizard.js';
import { Notice } from '../../components/notice.js';

/** "Van Toegangsbeheerder veranderen" (R2.3): INSZ → Volgende → form → Opslaan → review → Bevestigen. */
export function ChangeTbPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const domainId = useParams().domainId ?? '';
  const body = (): ChangeTbInput => ({
    insz: wizard.insz,
    localEmail: wizard.localEmail.trim() === '' ? null : wizard.localEmail.trim(),
    ...(wizard.isKnown ? {} : { person: wizard.person }),
  });
  const wizard = usePersonWizard({
    prefix: 'change-tb',
    lookup: (insz) => accessApi.lookupPerson(domainId, insz),
    validate: () => accessApi.validateTb(domainId, body()),
    save: () => accessApi.changeTb(domainId, body()),
  });
  const { step, review } = wizard;
  const cancel = () => navigate(accessPaths.domain(domainId));
  useDocumentTitle(t('access.changeTb.title'));

  return (
    <>
      <Breadcrumbs items={[{ to: accessPaths.domain(domainId), label: t('access.title') }, { label: t('access.changeTb.title') }]} />
      <h1>{t('access.changeTb.title')}</h1>
      <DomainBanner domainId={domainId} />
      <StepHeading wizard={wizard} />

      {step === 'insz' ? (
        <InszStep prefix={wizard.prefix} intro={t('access.changeTb.intro')} initial={wizard.insz} onNext={wizard.onInsz} onCancel={cancel} />
      ) : null}

      {step === 'form' && wizard.lookup ? (
        <form className="form" noValidate onSubmit={wizard.onSave}>
          <p>{t('form.requiredNote')}</p>
          {wizard.form.summary}
          <IdentityFields wizard={wizard} />
          <LocalEmailField wizard={wizard} />
          <StepActions wizard={wizard} onCancel={cancel} />
        </form>
      ) : null}

      {step === 'review' && review ? (
        <>
          <p>{t('access.changeTb.reviewIntro')}</p>
          <h3>{t('access.identification')}</h3>
          <PersonReviewList person={review.person} today={session?.today} />
          <dl className="details">
            <dt>{t('person.localEmail')}</dt>
            <dd>{review.localEmail ?? '—'}</dd>
          </dl>
          {review.previousTbUserId ? <Notice>{t('access.changeTb.previousBecomesCoTb')}</Notice> : null}
          <StepActions wizard={wizard} onCancel={cancel} />
        </>
      ) : null}

      {step === 'done' && review ? (
        <>
          <Notice tone="success">{t('access.changeTb.done', { name: `${review.person.firstName} ${review.person.surname}` })}</Notice>
          <p>
            <Link to={accessPaths.domain(domainId)}>{t('access.home.title')}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}
