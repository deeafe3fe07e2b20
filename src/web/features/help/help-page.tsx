import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Helpdesk } from '../../../modules/help/help.schema.js';
import { request } from '../../api.js';
import { LoadStatus } from '../../components/load-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';

/** Where the help page lives: public, no login needed. */
export const HELP_PATH = '/help';

/** R12.1: the helpdesk contacts as the operator configured them (`GET /api/v1/help`). */
export const helpApi = { helpdesk: (signal?: AbortSignal) => request<Helpdesk>('/help', { signal }) };

/** A link to the help page, for the scenario guidance (the checklists, a merger's page). */
export function HelpdeskLink() {
  const { t } = useTranslation();
  return (
    <p className="helpdesk-link">
      <Link to={HELP_PATH}>{t('help.link')}</Link>
    </p>
  );
}

/**
 * The help page (R12.1, N7): the helpdesk's e-mail, NL and FR phone lines and hours, and what each
 * merger scenario asks of an OCMW, in the user's language. Reachable without login.
 */
export function HelpPage() {
  const { t } = useTranslation();
  const title = t('help.title');
  useDocumentTitle(title);
  const { state } = useLoad((signal) => helpApi.helpdesk(signal), 'help');

  return (
    <>
      <h1>{title}</h1>
      <p>{t('help.intro')}</p>
      <h2>{t('help.contactTitle')}</h2>
      <LoadStatus state={state}>
        {(data) => (
          <dl className="details">
            <dt>{t('help.name')}</dt>
            <dd>{data.name}</dd>
            <dt>{t('help.email')}</dt>
            <dd>
              <a href={`mailto:${data.email}`}>{data.email}</a>
            </dd>
            <dt>{t('help.phoneNl')}</dt>
            <dd>
              <a href={`tel:${data.phoneNl.replace(/\s+/g, '')}`}>{data.phoneNl}</a>
            </dd>
            <dt>{t('help.phoneFr')}</dt>
            <dd>
              <a href={`tel:${data.phoneFr.replace(/\s+/g, '')}`}>{data.phoneFr}</a>
            </dd>
            <dt>{t('help.hours')}</dt>
            <dd>{t('help.hoursValue', { hours: data.hours })}</dd>
          </dl>
        )}
      </LoadStatus>
      <h2>{t('help.scenariosTitle')}</h2>
      {([1, 2, 3] as const).map((scenario) => (
        <section key={scenario} aria-labelledby={`help-scenario-${scenario}`}>
          <h3 id={`help-scenario-${scenario}`}>{t(`mergers.scenario${scenario}`)}</h3>
          <p>{t(`help.scenario${scenario}`)}</p>
        </section>
      ))}
    </>
  );
}
