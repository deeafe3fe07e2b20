import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { useSession } from '../../session.js';
import { accessApi } from './access-api.js';
import type { AddCoHtbInput, CoHtbReviewData, PersonLookupData } from './access-api.js';
import { InszStep, PersonReviewList } from './person-fields.js';
import { IdentityFields, StepActions, StepHeading, usePersonWizard } from './person-wizard.js';

const PREFIX = 'co-htb';

/**
 * Who an INSZ is for a co-HTB: the managers' check answers with the person when the portal knows
 * them, and asks for the person's data (a message on `person` alone) when it does not.
 */
async function lookupCoHtb(insz: string): Promise<PersonLookupData> {
  try {
    const { person } = await accessApi.validateCoHtb({ insz });
    return { insz, exists: true, surname: person.surname, firstName: person.firstName, isMember: false };
  } catch (error) {
    if (error instanceof ApiError && error.fields.person && Object.keys(error.fields).length === 1) {
      return { insz, exists: false, surname: null, firstName: null, isMember: false };
    }
    throw error;
  }
}

/** "Een co-hoofdtoegangsbeheerder toevoegen" (R2.1) in the steps of every appointment: INSZ → form → review. */
export function CoHtbWizard({ onAdded, onCancel }: { onAdded: (added: CoHtbReviewData) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const body = (): AddCoHtbInput => ({ insz: wizard.insz, ...(wizard.isKnown ? {} : { person: wizard.person }) });
  const wizard = usePersonWizard({
    prefix: PREFIX,
    lookup: lookupCoHtb,
    validate: () => accessApi.validateCoHtb(body()),
    save: async () => {
      const added = await accessApi.addCoHtb(body());
      onAdded(added);
      return added;
    },
  });
  const { step, review, form } = wizard;

  return (
    <section aria-label={t('access.managers.add')}>
      <StepHeading wizard={wizard} />
      {step === 'insz' ? <InszStep prefix={PREFIX} intro={t('access.managers.inszIntro')} initial={wizard.insz} onNext={wizard.onInsz} onCancel={onCancel} /> : null}
      {step === 'form' ? (
        <form className="form" noValidate onSubmit={wizard.onSave}>
          <p>{t('form.requiredNote')}</p>
          {form.summary}
          <IdentityFields wizard={wizard} />
          <StepActions wizard={wizard} onCancel={onCancel} />
        </form>
      ) : null}
      {step === 'review' && review ? (
        <>
          <h3>{t('access.identification')}</h3>
          <PersonReviewList person={review.person} today={session?.today} />
          <StepActions wizard={wizard} onCancel={onCancel} />
        </>
      ) : null}
    </section>
  );
}
