import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import type { RoleChoice } from '../../../modules/auth/auth.schema.js';
import { ApiError } from '../../api.js';
import { Badge, DemoBadge } from '../../components/badge.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { choiceOrganisationName, choiceRoleLabel } from '../../components/format.js';
import { landingPath } from '../../components/guards.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { Notice } from '../../components/notice.js';

/** R2.13: choose the organisation and role to work with (after login, or via "Wisselen"). */
export function ChoicePage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { session, chooseContext } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [pendingId, setPendingId] = useState<string | undefined>();
  const [error, setError] = useState<{ attempt: number; message: string } | undefined>();
  useDocumentTitle(t('choice.title'));

  const choices = session?.choices ?? [];
  const currentId = session?.context?.id;

  async function choose(choice: RoleChoice) {
    setPendingId(choice.id);
    try {
      const next = await chooseContext(choice.id);
      navigate(landingPath(next.context !== null, (location.state as { from?: unknown } | null)?.from), { replace: true });
    } catch (caught) {
      const message = caught instanceof ApiError && caught.message ? caught.message : t('app.unexpectedError');
      setError((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, message }));
    } finally {
      setPendingId(undefined);
    }
  }

  return (
    <>
      <h1>{t('choice.title')}</h1>
      {choices.length === 0 ? <Notice tone="warning">{t('choice.none')}</Notice> : (
        <>
          <p>{t('choice.intro')}</p>
          {error ? (
            <ErrorSummary key={error.attempt} title={t('choice.errorSummary')} message={error.message} fields={[]} />
          ) : null}
          <ul className="choice-list" aria-label={t('choice.listLabel')}>
            {choices.map((choice) => {
              const organisation = choice.organisation;
              const isCurrent = choice.id === currentId;
              return (
                <li key={choice.id}>
                  <button
                    type="button"
                    className={isCurrent ? 'choice choice--current' : 'choice'}
                    onClick={() => void choose(choice)}
                    disabled={pendingId !== undefined}
                    aria-current={isCurrent ? 'true' : undefined}
                  >
                    <span className="choice__name">{choiceOrganisationName(choice, t, language)}</span>
                    <span className="choice__role">{choiceRoleLabel(choice, t, language)}</span>
                    {organisation ? (
                      <span className="choice__kbo">{t('choice.kbo', { kbo: organisation.kboFormatted })}</span>
                    ) : null}
                    {organisation?.isDemo || organisation?.status === 'disappearing' || isCurrent ? (
                      <span className="choice__badges">
                        <DemoBadge isDemo={organisation?.isDemo} isSpaced={false} />
                        {organisation?.status === 'disappearing' ? (
                          <Badge tone="warning">{t('choice.disappearing')}</Badge>
                        ) : null}
                        {isCurrent ? <Badge tone="info">{t('choice.current')}</Badge> : null}
                      </span>
                    ) : null}
                    {pendingId === choice.id ? <span className="choice__pending">{t('choice.choosing')}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
