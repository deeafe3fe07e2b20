import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../../components/load-status.js';
import { ApiError } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorMessage } from '../../components/error-message.js';
import { formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { formatDate } from '../../components/format.js';
import { TextField } from '../../components/form-field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { accessApi } from './access-api.js';
import type { CoHtbReviewData, ManagerData, NewPersonInput } from './access-api.js';
import { Breadcrumbs, accessPaths, displayInsz } from './access-common.js';
import { InszStep, NewPersonFields, PersonReviewList, emptyPerson, personFieldLabels } from './person-fields.js';
import { Notice } from '../../components/notice.js';

type Step = 'list' | 'insz' | 'form' | 'review';
const PREFIX = 'co-htb';

/** The organisation's HTB and co-HTBs (R2.1): add a co-HTB from the INSZ, remove one. */
export function ManagersPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { session } = useSession();
  const { state, reload } = useLoad((signal) => accessApi.listManagers(signal), 'managers');
  const [step, setStep] = useState<Step>('list');
  const [insz, setInsz] = useState('');
  const [isNew, setNew] = useState(false);
  const [person, setPerson] = useState<NewPersonInput>(() => emptyPerson(language));
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [review, setReview] = useState<CoHtbReviewData | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [removing, setRemoving] = useState<ManagerData | undefined>();
  const [isBusy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstStep = useRef(true);
  useDocumentTitle(t('access.managers.title'));

  useEffect(() => {
    if (isFirstStep.current) {
      isFirstStep.current = false;
      return;
    }
    if (step !== 'list') headingRef.current?.focus();
  }, [step]);

  function reset() {
    setStep('list');
    setInsz('');
    setNew(false);
    setPerson(emptyPerson(language));
    setErrors(undefined);
    setReview(undefined);
  }

  async function onInsz(normalized: string): Promise<FormErrors | undefined> {
    try {
      // A known person needs no form: the check answers with the review right away.
      const answer = await accessApi.validateCoHtb({ insz: normalized });
      setInsz(normalized);
      setNew(false);
      setReview(answer);
      setStep('review');
      return undefined;
    } catch (error) {
      if (error instanceof ApiError && error.fields.person && Object.keys(error.fields).length === 1) {
        setInsz(normalized);
        setNew(true);
        setErrors(undefined);
        setStep('form');
        return undefined;
      }
      return formErrorsOf(error, t, undefined);
    }
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      setReview(await accessApi.validateCoHtb({ insz, person }));
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
      const done = await accessApi.addCoHtb({ insz, ...(isNew ? { person } : {}) });
      reset();
      setNotice(t('access.managers.added', { name: `${done.person.firstName} ${done.person.surname}` }));
      reload();
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
      setStep(isNew ? 'form' : 'insz');
    } finally {
      setBusy(false);
    }
  }

  async function onRemove() {
    if (!removing) return;
    setBusy(true);
    try {
      await accessApi.removeCoHtb(removing.userId);
      setNotice(t('access.managers.removed', { name: `${removing.firstName} ${removing.surname}` }));
      reload();
    } catch (error) {
      setNotice(errorMessage(error, t));
    } finally {
      setBusy(false);
      setRemoving(undefined);
    }
  }

  const known = { insz: { id: `${PREFIX}-insz-readonly`, label: t('person.insz') }, ...personFieldLabels(PREFIX, t) };

  return (
    <>
      <Breadcrumbs items={[{ to: accessPaths.start, label: t('access.title') }, { label: t('access.managers.title') }]} />
      <h1>{t('access.managers.title')}</h1>
      <p>{t('access.managers.intro')}</p>
      {notice ? <Notice tone="success">{notice}</Notice> : null}

      <LoadStatus state={state}>
        {(data) =>
          (
            <div className="table-scroll" role="region" aria-labelledby="managers-caption" tabIndex={0}>
              <table className="table">
                <caption id="managers-caption">{t('access.managers.caption', { count: data.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('person.surname')}</th>
                    <th scope="col">{t('person.firstName')}</th>
                    <th scope="col">{t('person.username')}</th>
                    <th scope="col">{t('access.managers.role')}</th>
                    <th scope="col">{t('access.managers.since')}</th>
                    <th scope="col">{t('access.users.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((m) => (
                    <tr key={m.userId}>
                      <th scope="row">{m.surname}</th>
                      <td>{m.firstName}</td>
                      <td>{m.username}</td>
                      <td>{t(`roles.${m.role}`)}</td>
                      <td>{formatDate(m.since)}</td>
                      <td>
                        {m.role === 'CO_HTB' && m.userId !== session?.user?.id ? (
                          <button type="button" className="button button--small" onClick={() => setRemoving(m)}>
                            {t('access.managers.remove')}
                            <span className="visually-hidden"> {`${m.firstName} ${m.surname}`}</span>
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadStatus>

      {step === 'list' ? (
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setNotice(undefined);
              setStep('insz');
            }}
          >
            {t('access.managers.add')}
          </button>
        </p>
      ) : (
        <section aria-labelledby="co-htb-step">
          <h2 id="co-htb-step" ref={headingRef} tabIndex={-1} className="step-heading">
            {t('access.managers.add')} –{' '}
            {step === 'insz' ? t('access.add.stepInsz') : step === 'form' ? t('access.add.stepForm') : t('access.add.stepReview')}
          </h2>
          {step === 'insz' ? (
            <InszStep prefix={PREFIX} intro={t('access.managers.inszIntro')} initial={insz} onNext={onInsz} onCancel={reset} />
          ) : null}
          {step === 'form' ? (
            <form className="form" noValidate onSubmit={(event) => void onSave(event)}>
              <p>{t('form.requiredNote')}</p>
              {errors ? (
                <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} />
              ) : null}
              <TextField id={known.insz.id} label={t('person.insz')} readOnly value={displayInsz(insz)} />
              <NewPersonFields prefix={PREFIX} value={person} onChange={setPerson} errors={errors} />
              <div className="actions">
                <button type="submit" className="button button--primary" disabled={isBusy}>
                  {t('form.save')}
                </button>
                <button type="button" className="button" onClick={reset}>
                  {t('form.cancel')}
                </button>
              </div>
            </form>
          ) : null}
          {step === 'review' && review ? (
            <>
              {errors ? <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={[]} /> : null}
              <h3>{t('access.identification')}</h3>
              <PersonReviewList person={review.person} today={session?.today} />
              <div className="actions">
                <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void onConfirm()}>
                  {t('form.confirm')}
                </button>
                <button type="button" className="button" onClick={reset}>
                  {t('form.cancel')}
                </button>
              </div>
            </>
          ) : null}
        </section>
      )}

      <ConfirmDialog
        open={removing !== undefined}
        title={t('access.managers.removeTitle')}
        confirmLabel={t('form.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={isBusy}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => void onRemove()}
      >
        <p>{removing ? t('access.managers.removeBody', { name: `${removing.firstName} ${removing.surname}` }) : null}</p>
      </ConfirmDialog>
    </>
  );
}
