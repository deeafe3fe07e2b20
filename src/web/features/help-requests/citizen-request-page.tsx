import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { TextAreaField, TextField } from '../../components/form-field.js';
import { formatDate } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { UiLanguage } from '../../i18n/index.js';
import { useCitizenProof } from './citizen-proof.js';
import { preloadCitizenSchema, validateCitizenRequest } from './citizen-validation.js';
import { HELP_KIND_LIST, helpRequestsApi } from './help-requests-api.js';
import type { CitizenReceiptData, CitizenRequestInput, CompetentOcmwData, HelpKind, OcmwLookupData } from './help-requests-api.js';
import { kindLabel } from './help-requests-common.js';
import { CitizenReceipt } from './citizen-receipt.js';
import { Notice } from '../../components/notice.js';

const PREFIX = 'citizen';
const MESSAGE_MAX = 5000;
const LOOKUP_DELAY_MS = 250;
const FIELD_ORDER = ['kinds', 'postcode', 'nis', 'surname', 'firstName', 'insz', 'email', 'phone', 'message'];

type Phase = 'form' | 'review' | 'done';

interface Draft {
  kinds: HelpKind[];
  postcode: string;
  nis: string;
  surname: string;
  firstName: string;
  insz: string;
  email: string;
  phone: string;
  message: string;
}

const EMPTY: Draft = { kinds: [], postcode: '', nis: '', surname: '', firstName: '', insz: '', email: '', phone: '', message: '' };

/** The lookup of the residence (R6.2): for which postcode, municipality and language it was asked. */
type Lookup =
  | { status: 'idle' }
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; data: OcmwLookupData }
  | { status: 'error'; key: string; message: string };

const lookupKey = (postcode: string, nis: string, language: UiLanguage) => `${postcode}|${nis}|${language}`;
const isPostcode = (postcode: string) => /^\d{4}$/.test(postcode);
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The message of a failed lookup: the postcode's own message when the API names it. */
function lookupErrorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return error.fields.postcode ?? error.fields.nis ?? (error.message || fallback);
  return fallback;
}

/**
 * "Hulp vragen aan het OCMW" (SPEC §6, R6.1–R6.3, R6.10): the citizen's form, without login, in
 * the UI language. Form → review → "Indienen" → the receipt with the reference number.
 */
export function CitizenRequestPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [phase, setPhase] = useState<Phase>('form');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isClientErrors, setClientErrors] = useState(false);
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  /** The latest answered lookup: its municipalities stay on screen while the next one loads. */
  const [lastLookup, setLastLookup] = useState<OcmwLookupData | undefined>();
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

  const postcode = draft.postcode.trim();
  const municipalities = lastLookup && lastLookup.postcode === postcode ? lastLookup.municipalities : [];
  const needsMunicipality = municipalities.length > 1;
  const nis = needsMunicipality && municipalities.some((m) => m.nis === draft.nis) ? draft.nis : '';
  const currentKey = lookupKey(postcode, nis, language);
  const ocmw: CompetentOcmwData | null = lookup.status === 'ready' && lookup.key === currentKey ? lookup.data.ocmw : null;
  const receiptDate = lastLookup?.receiptDate;

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

  useEffect(() => {
    // The OCMW follows the postcode (and the municipality when the postcode has several) as typed.
    if (!isPostcode(postcode)) {
      setLookup({ status: 'idle' });
      return;
    }
    const key = lookupKey(postcode, nis, language);
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLookup({ status: 'loading', key });
      helpRequestsApi
        .lookup({ postcode, ...(nis ? { nis } : {}), language }, controller.signal)
        .then((data) => {
          if (controller.signal.aborted) return;
          setLookup({ status: 'ready', key, data });
          setLastLookup(data);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setLookup({ status: 'error', key, message: lookupErrorMessage(error, t('helpRequests.citizen.lookupFailed')) });
        });
    }, LOOKUP_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // `t` changes with the language, which is in the key already.
  }, [postcode, nis, language]);

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
      let answer: Lookup = lookup;
      const isAnswered = (answer.status === 'ready' || answer.status === 'error') && answer.key === currentKey;
      if (!isAnswered) {
        try {
          const data = await helpRequestsApi.lookup({ postcode, ...(nis ? { nis } : {}), language });
          answer = { status: 'ready', key: currentKey, data };
          setLastLookup(data);
        } catch (error) {
          answer = { status: 'error', key: currentKey, message: lookupErrorMessage(error, t('helpRequests.citizen.lookupFailed')) };
        }
        setLookup(answer);
      }
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
    setDraft(EMPTY);
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
    const municipality = municipalities.find((m) => m.nis === nis)?.name ?? municipalities[0]?.name;
    return (
      <>
        <h1>{title}</h1>
        <section aria-labelledby={`${PREFIX}-review-title`}>
          <h2 id={`${PREFIX}-review-title`} ref={headingRef} tabIndex={-1} className="step-heading">
            {t('helpRequests.citizen.reviewTitle')}
          </h2>
          <p>{t('helpRequests.citizen.reviewIntro')}</p>
          <dl className="details">
            <dt>{t('helpRequests.citizen.reviewKinds')}</dt>
            <dd>
              <ul className="plain-list">
                {HELP_KIND_LIST.filter((kind) => draft.kinds.includes(kind)).map((kind) => (
                  <li key={kind}>{kindLabel(kind, t)}</li>
                ))}
              </ul>
            </dd>
            <dt>{t('helpRequests.citizen.reviewResidence')}</dt>
            <dd>
              {postcode}
              {municipality ? ` ${municipality}` : null}
            </dd>
            <dt>{t('helpRequests.citizen.reviewOcmw')}</dt>
            <dd>{ocmw ? ocmw.name : t('helpRequests.citizen.ocmwUnknown')}</dd>
            <dt>{labels.surname}</dt>
            <dd>{draft.surname.trim()}</dd>
            <dt>{labels.firstName}</dt>
            <dd>{draft.firstName.trim()}</dd>
            <dt>{labels.insz}</dt>
            <dd>{optional(draft.insz) ?? t('helpRequests.citizen.notGiven')}</dd>
            <dt>{labels.email}</dt>
            <dd>{optional(draft.email) ?? t('helpRequests.citizen.notGiven')}</dd>
            <dt>{labels.phone}</dt>
            <dd>{optional(draft.phone) ?? t('helpRequests.citizen.notGiven')}</dd>
            <dt>{labels.message}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{draft.message.trim()}</dd>
            <dt>{t('helpRequests.citizen.reviewLanguage')}</dt>
            <dd>{t(`languages.${language}`)}</dd>
          </dl>
          {receiptDate ? <p>{t('helpRequests.citizen.reviewReceiptDate', { date: formatDate(receiptDate) })}</p> : null}
          <p>{t('helpRequests.citizen.reviewSignature')}</p>
          {isProofFailed ? <Notice tone="error">{t('helpRequests.citizen.proofFailed')}</Notice> : null}
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => void onSubmit()} disabled={isBusy}>
              {isBusy ? t('helpRequests.citizen.submitting') : t('helpRequests.citizen.submit')}
            </button>
            <button type="button" className="button" onClick={() => setPhase('form')} disabled={isBusy}>
              {t('helpRequests.citizen.change')}
            </button>
          </div>
        </section>
      </>
    );
  }

  const lookupStatus = (() => {
    if (!isPostcode(postcode)) return '';
    if (lookup.status === 'loading' || (lookup.status === 'idle' && isPostcode(postcode))) return t('helpRequests.citizen.lookupBusy');
    if (lookup.status === 'error') return lookup.message;
    if (lookup.status === 'ready') {
      if (lookup.data.ocmw) return t('helpRequests.citizen.yourOcmw', { name: lookup.data.ocmw.name });
      if (lookup.data.municipalities.length > 1) return t('helpRequests.citizen.chooseMunicipalityHint');
      return t('helpRequests.citizen.ocmwUnknown');
    }
    return '';
  })();

  const kindsError = fieldError(errors, 'kinds');
  const nisError = fieldError(errors, 'nis');
  const messageLength = draft.message.trim().length;
  const contactHintId = `${PREFIX}-contact-hint`;

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
        <fieldset
          className={kindsError ? 'fieldset form__group--error' : 'fieldset'}
          id={`${PREFIX}-kinds`}
          aria-describedby={[`${PREFIX}-kinds-hint`, kindsError ? `${PREFIX}-kinds-error` : null].filter(Boolean).join(' ')}
        >
          <legend>
            {labels.kinds} <span aria-hidden="true">*</span>
            <span className="visually-hidden"> ({t('form.required')})</span>
          </legend>
          <p id={`${PREFIX}-kinds-hint`} className="form__hint">
            {t('helpRequests.citizen.kindsHint')}
          </p>
          {kindsError ? (
            <p id={`${PREFIX}-kinds-error`} className="form__error">
              {kindsError}
            </p>
          ) : null}
          <ul className="checkbox-list">
            {HELP_KIND_LIST.map((kind) => {
              const id = `${PREFIX}-kind-${kind}`;
              return (
                <li key={kind} className="checkbox">
                  <input
                    type="checkbox"
                    id={id}
                    name="kinds"
                    value={kind}
                    className="checkbox__input"
                    checked={draft.kinds.includes(kind)}
                    onChange={(event) =>
                      set({ kinds: event.target.checked ? [...draft.kinds, kind] : draft.kinds.filter((k) => k !== kind) })
                    }
                  />
                  <label htmlFor={id} className="checkbox__label">
                    {kindLabel(kind, t)}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('helpRequests.citizen.residenceLegend')}</legend>
          <TextField
            id={`${PREFIX}-postcode`}
            label={labels.postcode}
            required
            hint={t('helpRequests.citizen.postcodeHint')}
            inputMode="numeric"
            autoComplete="postal-code"
            className="form__input form__input--small"
            maxLength={4}
            error={fieldError(errors, 'postcode')}
            value={draft.postcode}
            onChange={(event) => set({ postcode: event.target.value, nis: '' })}
          />
          <p role="status">
            {lookupStatus}
          </p>
          {needsMunicipality ? (
            <fieldset
              className={nisError ? 'fieldset form__group--error' : 'fieldset'}
              id={`${PREFIX}-nis`}
              aria-describedby={nisError ? `${PREFIX}-nis-error` : undefined}
            >
              <legend>
                {labels.nis} <span aria-hidden="true">*</span>
                <span className="visually-hidden"> ({t('form.required')})</span>
              </legend>
              {nisError ? (
                <p id={`${PREFIX}-nis-error`} className="form__error">
                  {nisError}
                </p>
              ) : null}
              {municipalities.map((m) => (
                <div className="radio" key={m.nis}>
                  <input
                    type="radio"
                    id={`${PREFIX}-nis-${m.nis}`}
                    name={`${PREFIX}-nis`}
                    value={m.nis}
                    checked={draft.nis === m.nis}
                    onChange={() => set({ nis: m.nis })}
                  />
                  <label htmlFor={`${PREFIX}-nis-${m.nis}`}>{m.name}</label>
                </div>
              ))}
            </fieldset>
          ) : null}
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('helpRequests.citizen.identityLegend')}</legend>
          <TextField
            id={`${PREFIX}-surname`}
            label={labels.surname}
            required
            autoComplete="family-name"
            error={fieldError(errors, 'surname')}
            value={draft.surname}
            onChange={(event) => set({ surname: event.target.value })}
          />
          <TextField
            id={`${PREFIX}-firstName`}
            label={labels.firstName}
            required
            autoComplete="given-name"
            error={fieldError(errors, 'firstName')}
            value={draft.firstName}
            onChange={(event) => set({ firstName: event.target.value })}
          />
          <TextField
            id={`${PREFIX}-insz`}
            label={`${labels.insz} ${t('helpRequests.citizen.optional')}`}
            hint={t('helpRequests.citizen.inszHint')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            error={fieldError(errors, 'insz')}
            value={draft.insz}
            onChange={(event) => set({ insz: event.target.value })}
          />
        </fieldset>

        <fieldset className="fieldset" aria-describedby={contactHintId}>
          <legend>{t('helpRequests.citizen.contactLegend')}</legend>
          <p id={contactHintId} className="form__hint">
            {t('helpRequests.citizen.contactHint')}
          </p>
          <TextField
            id={`${PREFIX}-email`}
            type="email"
            label={labels.email}
            autoComplete="email"
            spellCheck={false}
            error={fieldError(errors, 'email')}
            value={draft.email}
            onChange={(event) => set({ email: event.target.value })}
          />
          <TextField
            id={`${PREFIX}-phone`}
            type="tel"
            label={labels.phone}
            hint={t('helpRequests.citizen.phoneHint')}
            autoComplete="tel"
            error={fieldError(errors, 'phone')}
            value={draft.phone}
            onChange={(event) => set({ phone: event.target.value })}
          />
        </fieldset>

        <TextAreaField
          id={`${PREFIX}-message`}
          label={labels.message}
          required
          rows={8}
          hint={
            <>
              {t('helpRequests.citizen.messageHint', { max: MESSAGE_MAX })}{' '}
              <span className={messageLength > MESSAGE_MAX ? 'form__error' : undefined}>
                {messageLength > MESSAGE_MAX
                  ? t('helpRequests.citizen.charactersTooMany', { count: messageLength - MESSAGE_MAX })
                  : t('helpRequests.citizen.charactersLeft', { count: MESSAGE_MAX - messageLength })}
              </span>
            </>
          }
          error={fieldError(errors, 'message')}
          value={draft.message}
          onChange={(event) => set({ message: event.target.value })}
        />

        <div className="actions">
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t('helpRequests.citizen.check')}
          </button>
        </div>
      </form>
    </>
  );
}
