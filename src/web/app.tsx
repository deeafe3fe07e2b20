import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { RequireAuthentication, RequireContext } from './components/guards.js';
import { Layout } from './components/layout.js';
import { NotFoundPage } from './components/not-found-page.js';
import { ChoicePage } from './features/auth/choice-page.js';
import { LoginPage } from './features/auth/login-page.js';
import { HomePage } from './features/home/home-page.js';
import { MergersPage } from './features/mergers/mergers-page.js';
import { SessionProvider, useSession } from './session.js';

/** The routes; guards send anonymous users to /login and users without a context to /kiezen. */
function AppRoutes() {
  const { t } = useTranslation();
  const { state, refresh } = useSession();

  if (state.status === 'loading') {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <>
        <h1>{t('app.name')}</h1>
        <p role="alert" className="notice notice--error">
          {t('app.sessionError')}
        </p>
        <button type="button" className="button button--primary" onClick={() => void refresh()}>
          {t('app.retry')}
        </button>
      </>
    );
  }

  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/kiezen"
        element={
          <RequireAuthentication>
            <ChoicePage />
          </RequireAuthentication>
        }
      />
      <Route
        path="/"
        element={
          <RequireContext>
            <HomePage />
          </RequireContext>
        }
      />
      <Route
        path="/fusies"
        element={
          <RequireContext>
            <MergersPage />
          </RequireContext>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** The whole SPA: session, router and the portal layout. */
export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Layout>
          <AppRoutes />
        </Layout>
      </BrowserRouter>
    </SessionProvider>
  );
}
