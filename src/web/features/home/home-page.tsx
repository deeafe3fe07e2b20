import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { choiceOrganisationName, choiceRoleLabel, localName } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { CITIZEN_FORM_PATH, servicesFor } from '../../portal-services.js';
import { useSession } from '../../session.js';
import { EboxMergerNotice, eboxTileStatus, useEboxSummary } from '../mailbox/ebox-home.js';
import { MyMergerChecklists } from '../mergers/my-merger-checklists.js';

/** Start page: greeting, the disappearing-OCMW notice and one tile per service. */
export function HomePage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { session } = useSession();
  const user = session?.user;
  const context = session?.context;
  const organisation = context?.organisation ?? null;
  const permissions = context?.permissions ?? [];
  const isAdmin = context?.role === 'ADMIN';
  // Issue 19: the same list as the header; what the role can never use is not there at all.
  const services = servicesFor(context);
  const isManager = context?.role === 'HTB' || context?.role === 'CO_HTB';
  const grantParams = {
    organisation: context ? choiceOrganisationName(context, t, language) : '',
    domain: context?.domain ? localName(context.domain.name, language) : '',
  };
  const title = user ? t('home.title', { name: user.firstName }) : t('home.titleAnonymous');
  useDocumentTitle(title);
  // R8.2: unread e-Box documents on the tile, and the warning of an OCMW that disappeared in a merger.
  const ebox = useEboxSummary(!isAdmin && permissions.includes('app:ebox'), context?.id ?? '');
  const eboxStatus = eboxTileStatus(ebox, t);

  return (
    <>
      <h1>{title}</h1>
      {context ? (
        <p>
          {organisation
            ? t('home.intro', {
                organisation: choiceOrganisationName(context, t, language),
                role: choiceRoleLabel(context, t, language),
              })
            : t('home.introNoOrganisation', { role: choiceRoleLabel(context, t, language) })}
        </p>
      ) : null}

      {organisation?.status === 'disappearing' ? (
        <section className="notice notice--warning" aria-labelledby="disappearing-title">
          <h2 id="disappearing-title" className="notice__title">
            {t('home.disappearingTitle')}
          </h2>
          <p>{t('home.disappearingBody', { organisation: choiceOrganisationName(context!, t, language) })}</p>
        </section>
      ) : null}

      {ebox?.disappearing ? <EboxMergerNotice disappearing={ebox.disappearing} /> : null}

      {/* R7.2: the checklist of the merger this OCMW takes part in, with its own items to tick. */}
      {organisation && !isAdmin ? <MyMergerChecklists /> : null}

      <h2>{t('home.services')}</h2>
      {isManager && organisation?.kind === 'ocmw' ? <p>{t('home.managerApplications')}</p> : null}
      <ul className="tiles">
        {services.map((state) => {
          const { service } = state;
          const titleId = `tile-${service.key}-title`;
          const descriptionId = `tile-${service.key}-description`;
          // The tile's title and description, the same for an open and a closed tile.
          const heading = (
            <>
              <span className="tile__title" id={titleId}>
                {t(`${service.texts}.title`)}
              </span>
              <span className="tile__description" id={descriptionId}>
                {t(`${service.texts}.description`)}
              </span>
            </>
          );
          if (state.open) {
            const status = service.key === 'ebox' ? eboxStatus : undefined;
            return (
              <li key={service.key} className="tiles__item">
                <Link to={state.to} className="tile tile--active" aria-describedby={descriptionId}>
                  {heading}
                  {status ? (
                    <span className="tile__status" id={`tile-${service.key}-status`}>
                      {status}
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          }
          const statusId = `tile-${service.key}-status`;
          return (
            <li key={service.key} className="tiles__item">
              <div
                className="tile tile--unavailable"
                role="group"
                aria-labelledby={titleId}
                aria-describedby={`${descriptionId} ${statusId}`}
              >
                {heading}
                <span className="tile__status" id={statusId}>
                  {t(`home.grant.${state.grant}`, grantParams)}
                </span>
              </div>
            </li>
          );
        })}
      </ul>

      <section aria-labelledby="home-citizens-title">
        <h2 id="home-citizens-title">{t('home.citizensTitle')}</h2>
        <p>
          {t('home.citizensIntro')} <Link to={CITIZEN_FORM_PATH}>{t('home.citizensLink')}</Link>
        </p>
      </section>
    </>
  );
}
