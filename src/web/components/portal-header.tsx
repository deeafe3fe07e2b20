import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { CITIZEN_FORM_PATH, navigationFor } from '../portal-services.js';
import { useSession } from '../session.js';
import { DemoBadge } from './badge.js';
import { choiceOrganisationName, choiceRoleLabel, formatDate } from './format.js';
import { LanguageSwitch } from './language-switch.js';
import { useUiLanguage } from './use-ui-language.js';

/** The portal header: product, organisation and role in use, switch, logout, language, business date. */
export function PortalHeader() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { session, logout } = useSession();
  const navigate = useNavigate();
  const [isLoggingOut, setLoggingOut] = useState(false);
  const context = session?.context ?? null;
  const organisation = context?.organisation ?? null;

  async function onLogout() {
    setLoggingOut(true);
    // Leave the current page first: the next person to log in on this browser starts at home,
    // not on the page where this session ended.
    navigate('/', { replace: true });
    try {
      await logout();
    } finally {
      setLoggingOut(false);
    }
  }

  return (
    <header className="portal-header">
      <div className="portal-header__bar">
        <Link to="/" className="portal-header__brand" aria-label={t('header.home')}>
          {t('app.name')}
        </Link>
        <div className="portal-header__tools">
          <LanguageSwitch />
          {session?.authenticated ? (
            <Link to="/mijn-gegevens" className="button button--header">
              {t('header.myData')}
            </Link>
          ) : null}
          {session?.authenticated ? (
            <button type="button" className="button button--header" onClick={() => void onLogout()} disabled={isLoggingOut}>
              {t('header.logout')}
            </button>
          ) : null}
        </div>
      </div>

      {session?.authenticated && context ? (
        <div className="portal-header__context">
          <p className="portal-header__organisation">
            {organisation ? (
              <span className="portal-header__org-name">{choiceOrganisationName(context, t, language)}</span>
            ) : null}
            <DemoBadge isDemo={organisation?.isDemo} />
            <span className={organisation ? 'portal-header__role' : 'portal-header__org-name'}>{choiceRoleLabel(context, t, language)}</span>
            {organisation ? (
              <span className="portal-header__kbo">{t('header.kbo', { kbo: organisation.kboFormatted })}</span>
            ) : null}
          </p>
          {session.user ? (
            <p className="portal-header__user">
              {t('header.loggedInAs', { name: `${session.user.firstName} ${session.user.surname}` })}
            </p>
          ) : null}
          {session.choices.length > 1 ? (
            <Link to="/kiezen" className="portal-header__switch" aria-label={t('header.switchLabel')}>
              {t('header.switch')}
            </Link>
          ) : null}
        </div>
      ) : null}

      {session?.authenticated && context ? (
        <nav className="portal-nav" aria-label={t('header.nav')}>
          <ul className="portal-nav__list">
            <li>
              <NavLink to="/" end className="portal-nav__link">
                {t('header.navHome')}
              </NavLink>
            </li>
            {/* Issue 19: the services this role may use, from the same list as the home tiles. */}
            {navigationFor(context).map((item) => (
              <li key={item.key}>
                <NavLink to={item.to} className="portal-nav__link">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/help" className="portal-nav__link">
                {t('header.navHelp')}
              </NavLink>
            </li>
          </ul>
        </nav>
      ) : null}

      {session && !session.authenticated ? (
        // A citizen needs no login: the form and the helpdesk are one click away on every page.
        <nav className="portal-nav" aria-label={t('header.nav')}>
          <ul className="portal-nav__list">
            <li>
              <NavLink to={CITIZEN_FORM_PATH} className="portal-nav__link">
                {t('header.navCitizenForm')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/help" className="portal-nav__link">
                {t('header.navHelp')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/login" className="portal-nav__link">
                {t('header.navLogin')}
              </NavLink>
            </li>
          </ul>
        </nav>
      ) : null}

      {session && session.today !== session.realToday ? (
        <p className="business-date" role="note">
          {t('header.businessDate', { today: formatDate(session.today), realToday: formatDate(session.realToday) })}
        </p>
      ) : null}
    </header>
  );
}
