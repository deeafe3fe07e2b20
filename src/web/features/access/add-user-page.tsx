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
import type { AddMemberInput, AddMemberReviewData, NewPersonInput, PersonLookupData } from './access-api.js';
import { Breadcrumbs, accessPaths, displayInsz, usePermissions } from './access-common.js';
import { ApplicationCheckboxes, ApplicationList, InszStep, NewPersonFields, PersonReviewList, emptyPerson, personFieldLabels } from './person-fields.js';

type Step = 'insz' | 'form' | 'review' | 'done';
const PREFIX = 'add-user';

/** "Een gebruiker toevoegen" (R2.4, R2.5): INSZ → Volgende → form → Opslaan → review → Bevestigen. */
export function AddUserPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { session } = useSession();
  const { has } = usePermissions();
  const navigate = useNavigate();
  const domainId = useParams().domainId ?? '';
  const [step, setStep] = useState<Step>('insz');
  const [insz, setInsz] = useState('');
  const [lookup, setLookup] = useState<PersonLookupData | undefined>();
  const [person, setPerson] = useState<NewPersonInput>(() => emptyPerson(language));
  const [type, setType] = useState<'USER' | 'CO_TB'>('USER');
  const [localEmail, setLocalEmail] = useState('');
  const [applications, setApplications] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [review, setReview] = useState<AddMemberReviewData | undefined>();
  const [isBusy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstStep = useRef(true);
  const canAddCoTb = has('access.manage-co-tb');
  useDocumentTitle(t('access.add.title'));

  useEffect(() => {
    // Each step replaces the form: move focus to its heading, so screen readers announce it.
    if (isFirstStep.current) {
      isFirstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const cancel = () => navigate(accessPaths.users(domainId));
  const isKnown = lookup?.exists ?? false;

  function body(): AddMemberInput {
    return {
      insz,
      type,
      localEmail: localEmail.trim() === '' ? null : localEmail.trim(),
      applications: [...applications].sort(),
      ...(isKnown ? {} : { person }),
    };
  }

  async function onInsz(normalized: string): Promise<FormErrors | undefined> {
    try {
      const found = await accessApi.lookupPerson(domainId, normalized);
      if (found.isMember) {
        return { attempt: 0, fields: { insz: t('access.add.alreadyMember', { name: `${found.firstName ?? ''} ${found.surname ?? ''}`.trim() }) } };
      }
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
      setReview(await accessApi.validateMember(domainId, body()));
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
      setReview(await accessApi.addMember(domainId, body()));
      setStep('done');
    } catch (error) {
      // The review is no longer valid (someone else was faster): back to the form, at the fields.
      setErrors((previous) => formErrorsOf(error, t, previous));
      setStep('form');
    } finally {
      setBusy(false);
    }
  }

  const known = {
    insz: { id: `${PREFIX}-insz-readonly`, label: t('person.insz') },
    type: { id: `${PREFIX}-type-USER`, label: t('access.type') },
    localEmail: { id: `${PREFIX}-localEmail`, label: t('person.localEmail') },
    applications: { id: `${PREFIX}-applications`, label: t('access.applications') },
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
      <Breadcrumbs
        items={[
          { to: accessPaths.domain(domainId), label: t('access.title') },
          { to: accessPaths.users(domainId), label: t('access.users.title') },
          { label: t('access.add.title') },
        ]}
      />
      <h1>{t('access.add.title')}</h1>
      <h2 ref={headingRef} tabIndex={-1} className="step-heading">
        {step === 'done' ? stepTitle : t('access.add.stepOf', { step: { insz: 1, form: 2, review: 3, done: 3 }[step], total: 3, title: stepTitle })}
      </h2>

      {step === 'insz' ? (
        <InszStep prefix={PREFIX} intro={t('access.add.inszIntro')} initial={insz} onNext={onInsz} onCancel={cancel} />
      ) : null}

      {step === 'form' && lookup ? (
        <form className="form" noValidate onSubmit={(event) => void onSave(event)}>
          <p>{t('form.requiredNote')}</p>
          {errors ? (
            <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} />
          ) : null}
          <h3>{t('access.identification')}</h3>
          <TextField
            id={known.insz.id}
            label={t('person.insz')}
            readOnly
            value={displayInsz(insz)}
            error={fieldError(errors, 'insz')}
          />
          {isKnown ? (
            <div className="notice">
              <p>{t('access.add.knownPerson', { name: `${lookup.firstName ?? ''} ${lookup.surname ?? ''}`.trim() })}</p>
              <dl className="details">
                <dt>{t('person.surname')}</dt>
                <dd>{lookup.surname}</dd>
                <dt>{t('person.firstName')}</dt>
                <dd>{lookup.firstName}</dd>
              </dl>
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
          <fieldset className="fieldset">
            <legend>{t('access.type')}</legend>
            {fieldError(errors, 'type') ? <p className="form__error">{fieldError(errors, 'type')}</p> : null}
            <div className="radio">
              <input type="radio" id={`${PREFIX}-type-USER`} name="type" value="USER" checked={type === 'USER'} onChange={() => setType('USER')} />
              <label htmlFor={`${PREFIX}-type-USER`}>{t('access.types.USER')}</label>
            </div>
            {canAddCoTb ? (
              <div className="radio">
                <input type="radio" id={`${PREFIX}-type-CO_TB`} name="type" value="CO_TB" checked={type === 'CO_TB'} onChange={() => setType('CO_TB')} />
                <label htmlFor={`${PREFIX}-type-CO_TB`}>{t('access.types.CO_TB')}</label>
              </div>
            ) : null}
          </fieldset>
          <ApplicationCheckboxes prefix={PREFIX} value={applications} onChange={setApplications} error={fieldError(errors, 'applications')} />
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
            {t('access.add.done', { name: `${review.person.firstName} ${review.person.surname}`, username: review.person.username })}
          </p>
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
