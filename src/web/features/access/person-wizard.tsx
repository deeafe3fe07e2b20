import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { TextField } from '../../components/form-field.js';
import { useForm } from '../../components/use-form.js';
import type { Form, KnownField } from '../../components/use-form.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { NewPersonInput, PersonLookupData } from './access-api.js';
import { displayInsz } from './access-common.js';
import { NewPersonFields, emptyPerson, personFieldLabels } from './person-fields.js';

export type Step = 'insz' | 'form' | 'review' | 'done';

export interface PersonWizard<R> {
  prefix: string;
  step: Step;
  setStep: (step: Step) => void;
  insz: string;
  lookup: PersonLookupData | undefined;
  person: NewPersonInput;
  setPerson: (person: NewPersonInput) => void;
  /** The person is known to the portal: only the INSZ goes to the API, not the new person's data. */
  isKnown: boolean;
  localEmail: string;
  setLocalEmail: (email: string) => void;
  review: R | undefined;
  form: Form;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onInsz: (insz: string) => Promise<FormErrors | undefined>;
  /** The form's "Opslaan": the API checks it all and answers with what it would do. */
  onSave: (event: FormEvent<HTMLFormElement>) => void;
  onConfirm: () => void;
}

/**
 * The steps of appointing a person by INSZ (R2.3–R2.5): INSZ → Volgende → form → Opslaan →
 * review → Bevestigen. Each step moves the focus to its heading; a refusal at "Bevestigen" (the
 * review no longer holds) goes back to the form with the messages at their fields.
 */
export function usePersonWizard<R>({
  prefix,
  lookup: lookupPerson,
  labels,
  known,
  refuse,
  validate,
  save,
}: {
  prefix: string;
  /** Who the INSZ is: known to the portal (then only the name is shown) or new. */
  lookup: (insz: string) => Promise<PersonLookupData>;
  labels?: Record<string, string>;
  known?: Record<string, KnownField>;
  /** A reason the looked-up person cannot go on (already a member), shown at the INSZ. */
  refuse?: (found: PersonLookupData) => string | undefined;
  validate: () => Promise<R>;
  save: () => Promise<R>;
}): PersonWizard<R> {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [step, setStep] = useState<Step>('insz');
  const [insz, setInsz] = useState('');
  const [lookup, setLookup] = useState<PersonLookupData | undefined>();
  const [person, setPerson] = useState<NewPersonInput>(() => emptyPerson(language));
  const [localEmail, setLocalEmail] = useState('');
  const [review, setReview] = useState<R | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstStep = useRef(true);
  const form = useForm({
    prefix,
    labels: { localEmail: t('person.localEmail'), ...labels },
    known: { insz: { id: `${prefix}-insz-readonly`, label: t('person.insz') }, ...personFieldLabels(prefix, t), ...known },
  });

  useEffect(() => {
    // Each step replaces the form: move focus to its heading, so screen readers announce it.
    if (isFirstStep.current) {
      isFirstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  return {
    prefix,
    step,
    setStep,
    insz,
    lookup,
    person,
    setPerson,
    isKnown: lookup?.exists ?? false,
    localEmail,
    setLocalEmail,
    review,
    form,
    headingRef,
    onInsz: async (normalized) => {
      try {
        const found = await lookupPerson(normalized);
        const refusal = refuse?.(found);
        if (refusal) return { attempt: 0, fields: { insz: refusal } };
        setInsz(normalized);
        setLookup(found);
        form.clear();
        setStep('form');
        return undefined;
      } catch (error) {
        return formErrorsOf(error, t, undefined);
      }
    },
    onConfirm: () =>
      void form.run(async () => {
        try {
          setReview(await save());
          setStep('done');
        } catch (error) {
          setStep('form');
          throw error;
        }
      }),
    onSave: form.submit(async () => {
      setReview(await validate());
      setStep('review');
    }),
  };
}

/** "Stap 2 van 3: …" above the step, focused when the step changes. */
export function StepHeading({ wizard }: { wizard: PersonWizard<unknown> }) {
  const { t } = useTranslation();
  const { step } = wizard;
  const title = { insz: t('access.add.stepInsz'), form: t('access.add.stepForm'), review: t('access.add.stepReview'), done: t('access.add.stepDone') }[step];
  return (
    <h2 ref={wizard.headingRef} tabIndex={-1} className="step-heading">
      {step === 'done' ? title : t('access.add.stepOf', { step: { insz: 1, form: 2, review: 3, done: 3 }[step], total: 3, title })}
    </h2>
  );
}

/** The person's part of the form: the INSZ (read only), the known person or the new person's fields. */
export function IdentityFields({ wizard, known }: { wizard: PersonWizard<unknown>; known?: ReactNode }) {
  const { t } = useTranslation();
  const { form, lookup } = wizard;
  return (
    <>
      <h3>{t('access.identification')}</h3>
      <TextField id={`${wizard.prefix}-insz-readonly`} label={t('person.insz')} readOnly value={displayInsz(wizard.insz)} error={form.error('insz')} />
      {wizard.isKnown && lookup ? (
        <div className="notice">
          <p>{t('access.add.knownPerson', { name: `${lookup.firstName ?? ''} ${lookup.surname ?? ''}`.trim() })}</p>
          {known}
        </div>
      ) : (
        <NewPersonFields prefix={wizard.prefix} value={wizard.person} onChange={wizard.setPerson} errors={form.errors} />
      )}
    </>
  );
}

/** The local e-mail address of the appointment (R2.5), optional. */
export function LocalEmailField({ wizard }: { wizard: PersonWizard<unknown> }) {
  const { t } = useTranslation();
  return (
    <TextField
      id={wizard.form.id('localEmail')}
      label={t('person.localEmail')}
      hint={t('person.localEmailHint')}
      type="email"
      autoComplete="off"
      error={wizard.form.error('localEmail')}
      value={wizard.localEmail}
      onChange={(event) => wizard.setLocalEmail(event.target.value)}
    />
  );
}

/** "Opslaan" or "Bevestigen", then "Vorige" (one step back) and "Annuleren". */
export function StepActions({ wizard, onCancel }: { wizard: PersonWizard<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const isReview = wizard.step === 'review';
  return (
    <div className="actions">
      {isReview ? (
        <button type="button" className="button button--primary" disabled={wizard.form.isBusy} onClick={wizard.onConfirm}>
          {t('form.confirm')}
        </button>
      ) : (
        <button type="submit" className="button button--primary" disabled={wizard.form.isBusy}>
          {t('form.save')}
        </button>
      )}
      <button type="button" className="button" onClick={() => wizard.setStep(isReview ? 'form' : 'insz')}>
        {t('form.previous')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('form.cancel')}
      </button>
    </div>
  );
}
