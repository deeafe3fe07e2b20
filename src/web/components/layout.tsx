import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { PortalHeader } from './portal-header.js';

/** Skip link, header, the one <main> and the footer. Moves focus to <main> on navigation. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const isFirstRender = useRef(true);

  useEffect(() => {
    // Screen-reader and keyboard users otherwise stay on the link they clicked in the old page.
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    // Without preventScroll the header (organisation, role, business date) scrolls out of view.
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        mainRef.current?.focus();
      }}>
        {t('app.skipLink')}
      </a>
      <PortalHeader />
      <main id="main" className="portal-main" tabIndex={-1} ref={mainRef}>
        {children}
      </main>
      <footer className="portal-footer">
        <p>{t('app.footer')}</p>
        {/* R12.1: the helpdesk, also before logging in. */}
        <p>
          <Link to="/help">{t('help.link')}</Link>
        </p>
      </footer>
    </>
  );
}
