import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { EMPTY_DRAFT, PREFIX, optional } from './citizen-draft.js';
import type { Draft } from './citizen-draft.js';
import { CitizenFormFields } from './citizen-form-fields.js';
import { useCitizenProof } from './citizen-proof.js';
import { CitizenReceipt } from './citizen-receipt.js';
import { CitizenReview } from './citizen-review.js';
import { preloadCitizenSchema, validateCitizenRequest } from './citizen-validation.js';
import { HELP_KIND_LIST, helpRequestsApi } from './help-requests-api.js';
import type { CitizenReceiptData, CitizenRequestInput } from './help-requests-api.js';
import { isPostcode, useOcmwLookup } from './use-ocmw-lookup.js';

const FIELD_ORDER = ['kinds', 'postcode', 'nis', 'surname', 'firstName', 'insz', 'email', 'phone', 'message'];

type Phase = 'form' | 'review' | 'done';

/**
 * "Hulp vragen aan het OCMW" (SPEC §6, R6.1–R6.3, R6.10): the citizen's form, without login, in
 * the UI language. Form → review → "Indienen" → the receipt with the reference number.
 */
export function CitizenRequestPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [phase, setPhase] = useState<Phase>('form');
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isClientErrors, setClientErrors] = useState(false);
  const residence = useOcmwLookup(draft.postcode, draft.nis, language);
  const { postcode, nis, municipalities } = residence;
  const [receipt, setReceipt] = useState<CitizenReceiptData | undefined>();
  const [isBusy, setBusy] = useState(false);
  /** Issue 17: the browser could not make the anti-automation check (shown at "Indienen"). */
  const [isProofFailed, setProofFailed] = useState(false);
  const proof = useCitizenProof();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const isFirstPhase = useRef(true);
  const title = t('helpRequests.citizen.title');
  useDocumentTitle(title);

  useEffect(() => {
    preloadCitizenSchema();
  }, []);

  useEffect(() => {
    // Each phase replaces the page's content: move focus to its heading, so screen readers announce it.
    if (isFirstPhase.current) {
      isFirstPhase.current = false;
      return;
    }
    if (phase !== 'form') headingRef.current?.focus();
    // Back at the form without errors ("Gegevens aanpassen", a new request): start at its title.
    // With errors, the error summary takes the focus itself.
    else if (!errors) titleRef.current?.focus();
  }, [phase]);

  function bodyOf(value: Draft): CitizenRequestInput {
    return {
      language,
      kinds: HELP_KIND_LIST.filter((kind) => value.kinds.includes(kind)),
      postcode: value.postcode.trim(),
      ...(nis ? { nis } : {}),
      surname: value.surname,
      firstName: value.firstName,
      insz: optional(value.insz),
      email: optional(value.email),
      phone: optional(value.phone),
      message: value.message,
    };
  }

  /** What is wrong with the form: the contract's rules, then the residence (known postcode, municipality chosen). */
  async function problems(value: Draft): Promise<Record<string, string>> {
    let fields: Record<string, string> = {};
    try {
      fields = await validateCitizenRequest(bodyOf(value), t, language);
    } catch {
      // The rules could not be loaded (network): the server checks the same rules on "Indienen".
    }
    if (!fields.postcode && isPostcode(postcode)) {
      const answer = await residence.answerNow();
      if (answer.status === 'error') fields.postcode = answer.message;
      else if (answer.status === 'ready' && answer.data.municipalities.length > 1 && !nis) fields.nis = t('helpRequests.citizen.chooseMunicipality');
    }
    // The summary lists the problems in the order of the form.
    const rank = (field: string) => {
      const index = FIELD_ORDER.indexOf(field);
      return index === -1 ? FIELD_ORDER.length : index;
    };
    return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => rank(a) - rank(b)));
  }

  useEffect(() => {
    // Messages of the browser's own check follow a change of language; the server's stay as they came.
    if (!errors || !isClientErrors) return;
    let isCurrent = true;
    void problems(draft).then((fields) => {
      if (isCurrent && Object.keys(fields).length > 0) setErrors((previous) => (previous ? { ...previous, fields } : previous));
    });
    return () => {
      isCurrent = false;
    };
  }, [language]);

  async function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const fields = await problems(draft);
      if (Object.keys(fields).length > 0) {
        setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields }));
        setClientErrors(true);
        return;
      }
      setErrors(undefined);
      setPhase('review');
    } finally {
      setBusy(false);
    }
  }

  /** Files the request with a solved challenge; a refused one (expired, say) is replaced once. */
  async function submitProven(body: CitizenRequestInput): Promise<CitizenReceiptData | undefined> {
    for (let attempt = 1; ; attempt++) {
      let solution;
      try {
        solution = await proof.take();
      } catch {
        setProofFailed(true);
        return undefined;
      }
      try {
        return await helpRequestsApi.submit({ ...body, proof: solution });
      } catch (error) {
        if (attempt > 1 || !(error instanceof ApiError && error.status === 400 && error.fields.proof)) throw error;
      }
    }
  }

  async function onSubmit() {
    setBusy(true);
    setProofFailed(false);
    try {
      const filed = await submitProven(bodyOf(draft));
      if (!filed) return;
      setReceipt(filed);
      setErrors(undefined);
      setPhase('done');
    } catch (error) {
      // Back to the form, with the server's messages at the fields.
      setErrors((previous) => formErrorsOf(error, t, previous));
      setClientErrors(false);
      setPhase('form');
    } finally {
      setBusy(false);
    }
  }

  function onNewRequest() {
    setDraft(EMPTY_DRAFT);
    setReceipt(undefined);
    setErrors(undefined);
    setPhase('form');
  }

  const set = (changes: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...changes }));

  const labels = {
    kinds: t('helpRequests.citizen.kindsLegend'),
    postcode: t('helpRequests.citizen.postcode'),
    nis: t('helpRequests.citizen.municipality'),
    surname: t('helpRequests.citizen.surname'),
    firstName: t('helpRequests.citizen.firstName'),
    insz: t('helpRequests.citizen.insz'),
    email: t('helpRequests.citizen.email'),
    phone: t('helpRequests.citizen.phone'),
    message: t('helpRequests.citizen.message'),
  };
  const known: Record<string, { id: string; label: string }> = {
    kinds: { id: `${PREFIX}-kind-${HELP_KIND_LIST[0]}`, label: labels.kinds },
    postcode: { id: `${PREFIX}-postcode`, label: labels.postcode },
    nis: { id: municipalities[0] ? `${PREFIX}-nis-${municipalities[0].nis}` : `${PREFIX}-postcode`, label: labels.nis },
    surname: { id: `${PREFIX}-surname`, label: labels.surname },
    firstName: { id: `${PREFIX}-firstName`, label: labels.firstName },
    insz: { id: `${PREFIX}-insz`, label: labels.insz },
    email: { id: `${PREFIX}-email`, label: labels.email },
    phone: { id: `${PREFIX}-phone`, label: labels.phone },
    message: { id: `${PREFIX}-message`, label: labels.message },
  };

  if (phase === 'done' && receipt) {
    return (
      <>
        <h1>{title}</h1>
        <CitizenReceipt receipt={receipt} headingRef={headingRef} onNewRequest={onNewRequest} />
      </>
    );
  }

  if (phase === 'review') {
    return (
      <>
        <h1>{title}</h1>
        <CitizenReview
          draft={draft}
          residence={residence}
          labels={labels}
          headingRef={headingRef}
          isBusy={isBusy}
          isProofFailed={isProofFailed}
          onSubmit={() => void onSubmit()}
          onChange={() => setPhase('form')}
        />
      </>
    );
  }

  return (
    <>
      <h1 ref={titleRef} tabIndex={-1} className="step-heading">
        {title}
      </h1>
      <p className="lead">{t('helpRequests.citizen.intro')}</p>
      <p>{t('helpRequests.citizen.languageHint')}</p>
      <p>{t('form.requiredNote')}</p>
      {errors ? (
        <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} />
      ) : null}
      <form className="form" noValidate onSubmit={(event) => void onCheck(event)} aria-label={title}>
        <CitizenFormFields draft={draft} set={set} errors={errors} residence={residence} labels={labels} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t('helpRequests.citizen.check')}
          </button>
        </div>
      </form>
    </>
  );
}
