import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { TextField } from '../../components/form-field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { accessApi } from './access-api.js';
import type { ChangeTbInput, ChangeTbReviewData, NewPersonInput, PersonLookupData } from './access-api.js';
import { Breadcrumbs, accessPaths, displayInsz } from './access-common.js';
import { DomainBanner } from './domain-banner.js';
import { InszStep, NewPersonFields, PersonReviewList, emptyPerson, personFieldLabels } from './person-fields.js';

type Step = 'insz' | 'form' | 'review' | 'done';
const PREFIX = 'change-tb';

/** "Van Toegangsbeheerder veranderen" (R2.3): INSZ → Volgende → form → Opslaan → review → Bevestigen. */
export function ChangeTbPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { session } = useSession();
  const navigate = useNavigate();
  const domainId = useParams().domainId ?? '';
  const [step, setStep] = useState<Step>('insz');
  const [insz, setInsz] = useState('');
  const [lookup, setLookup] = useState<PersonLookupData | undefined>();
  const [person, setPerson] = useState<NewPersonInput>(() => emptyPerson(language));
  const [localEmail, setLocalEmail] = useState('');
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [review, setReview] = useState<ChangeTbReviewData | undefined>();
  const [isBusy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstStep = useRef(true);
  useDocumentTitle(t('access.changeTb.title'));

  useEffect(() => {
    if (isFirstStep.current) {
      isFirstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const cancel = () => navigate(accessPaths.domain(domainId));
  const isKnown = lookup?.exists ?? false;
  const body = (): ChangeTbInput => ({
    insz,
    localEmail: localEmail.trim() === '' ? null : localEmail.trim(),
    ...(isKnown ? {} : { person }),
  });

  async function onInsz(normalized: string): Promise<FormErrors | undefined> {
    try {
      const found = await accessApi.lookupPerson(domainId, normalized);
      setInsz(normalized);
      setLookup(found);
      setErrors(undefined);
      setStep('form');
      return undefined;
    } catch (error) {
      return formErrorsOf(error, t, undefined);
    }
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      setReview(await accessApi.validateTb(domainId, body()));
      setErrors(undefined);
      setStep('review');
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  async function onConfirm() {
    setBusy(true);
    try {
      setReview(await accessApi.changeTb(domainId, body()));
      setStep('done');
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
      setStep('form');
    } finally {
      setBusy(false);
    }
  }

  const known = {
    insz: { id: `${PREFIX}-insz-readonly`, label: t('person.insz') },
    localEmail: { id: `${PREFIX}-localEmail`, label: t('person.localEmail') },
    ...personFieldLabels(PREFIX, t),
  };
  const stepTitle = {
    insz: t('access.add.stepInsz'),
    form: t('access.add.stepForm'),
    review: t('access.add.stepReview'),
    done: t('access.add.stepDone'),
  }[step];

  return (
    <>
      <Breadcrumbs items={[{ to: accessPaths.domain(domainId), label: t('access.title') }, { label: t('access.changeTb.title') }]} />
      <h1>{t('access.changeTb.title')}</h1>
      <DomainBanner domainId={domainId} />
      <h2 ref={headingRef} tabIndex={-1} className="step-heading">
        {step === 'done' ? stepTitle : t('access.add.stepOf', { step: { insz: 1, form: 2, review: 3, done: 3 }[step], total: 3, title: stepTitle })}
      </h2>

      {step === 'insz' ? (
        <InszStep prefix={PREFIX} intro={t('access.changeTb.intro')} initial={insz} onNext={onInsz} onCancel={cancel} />
      ) : null}

      {step === 'form' && lookup ? (
        <form className="form" noValidate onSubmit={(event) => void onSave(event)}>
          <p>{t('form.requiredNote')}</p>
          {errors ? (
            <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} />
          ) : null}
          <h3>{t('access.identification')}</h3>
          <TextField id={known.insz.id} label={t('person.insz')} readOnly value={displayInsz(insz)} error={fieldError(errors, 'insz')} />
          {isKnown ? (
            <div className="notice">
              <p>{t('access.add.knownPerson', { name: `${lookup.firstName ?? ''} ${lookup.surname ?? ''}`.trim() })}</p>
            </div>
          ) : (
            <NewPersonFields prefix={PREFIX} value={person} onChange={setPerson} errors={errors} />
          )}
          <TextField
            id={known.localEmail.id}
            label={t('person.localEmail')}
            hint={t('person.localEmailHint')}
            type="email"
            autoComplete="off"
            error={fieldError(errors, 'localEmail')}
            value={localEmail}
            onChange={(event) => setLocalEmail(event.target.value)}
          />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={isBusy}>
              {t('form.save')}
            </button>
            <button type="button" className="button" onClick={() => setStep('insz')}>
              {t('form.previous')}
            </button>
            <button type="button" className="button" onClick={cancel}>
              {t('form.cancel')}
            </button>
          </div>
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
          {review.previousTbUserId ? <p className="notice">{t('access.changeTb.previousBecomesCoTb')}</p> : null}
          <div className="actions">
            <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void onConfirm()}>
              {t('form.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setStep('form')}>
              {t('form.previous')}
            </button>
            <button type="button" className="button" onClick={cancel}>
              {t('form.cancel')}
            </button>
          </div>
        </>
      ) : null}

      {step === 'done' && review ? (
        <>
          <p role="status" className="notice notice--success">
            {t('access.changeTb.done', { name: `${review.person.firstName} ${review.person.surname}` })}
          </p>
          <p>
            <Link to={accessPaths.domain(domainId)}>{t('access.home.title')}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}
