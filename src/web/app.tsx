import { useTranslation } from 'react-i18next';
import { Suspense, useState } from 'react';
import type { ReactNode } from 'react';
import { Route, RouterProvider, Routes, createBrowserRouter } from 'react-router-dom';
import { RequireAuthentication, RequireContext } from './components/guards.js';
import { Layout } from './components/layout.js';
import { NotFoundPage } from './components/not-found-page.js';
import { RequirePermission } from './features/access/access-common.js';
import { chamanPaths } from './features/channels/chaman-common.js';
import { LoginPage } from './features/auth/login-page.js';
import { SignInProblemPage } from './features/auth/sign-in-problem-page.js';
import { ORGANISATION_ACCESS_PATH, OrganisationAccessPage } from './features/admin/organisation-access-page.js';
import { DOSSIER_PERMISSION, SETTINGS_READ_PERMISSIONS, dossierPaths } from './features/dossiers/dossiers-common.js';
import { EBOX_PERMISSION, eboxPaths } from './features/mailbox/ebox-common.js';
import { OCMW_ONLINE_PERMISSIONS, RequireAnyPermission, helpRequestPaths } from './features/help-requests/help-requests-common.js';
import { mergerPaths } from './features/mergers/mergers-api.js';
import { SUBSIDY_PERMISSION, subsidyPaths } from './features/subsidy-report/subsidy-report-common.js';
import { SessionProvider, useSession } from './session.js';
import { ACCESS_LOG_PATH, PRIVACY_PERMISSION } from './features/privacy/access-log-common.js';
import { lazyPage } from './lazy-page.js';
import { PASSWORD_REQUIRED_PATH, PASSWORD_SETUP_PATH } from './components/guards.js';
import { privacyPaths, RETENTION_PERMISSIONS, SUBJECT_REQUEST_PERMISSION } from './features/privacy/subject-request-api.js';
import { Notice } from './components/notice.js';

// Every page but the login is its own chunk, loaded on first visit.
const HelpPage = lazyPage(() => import('./features/help/help-page.js'), 'HelpPage');
const AccessLogPage = lazyPage(() => import('./features/privacy/access-log-page.js'), 'AccessLogPage');
const SetupPasswordPage = lazyPage(() => import('./features/me/password-pages.js'), 'SetupPasswordPage');
const PasswordRequiredPage = lazyPage(() => import('./features/me/password-pages.js'), 'PasswordRequiredPage');
const AccessStartPage = lazyPage(() => import('./features/access/access-start-page.js'), 'AccessStartPage');
const AddUserPage = lazyPage(() => import('./features/access/add-user-page.js'), 'AddUserPage');
const AuditPage = lazyPage(() => import('./features/access/audit-page.js'), 'AuditPage');
const ChangeTbPage = lazyPage(() => import('./features/access/change-tb-page.js'), 'ChangeTbPage');
const DomainHomePage = lazyPage(() => import('./features/access/domain-home-page.js'), 'DomainHomePage');
const ManagersPage = lazyPage(() => import('./features/access/managers-page.js'), 'ManagersPage');
const UserDetailPage = lazyPage(() => import('./features/access/user-detail-page.js'), 'UserDetailPage');
const UserListPage = lazyPage(() => import('./features/access/user-list-page.js'), 'UserListPage');
const ChoicePage = lazyPage(() => import('./features/auth/choice-page.js'), 'ChoicePage');
const AcceptDelegationPage = lazyPage(() => import('./features/channels/accept-delegation-page.js'), 'AcceptDelegationPage');
const AccountPage = lazyPage(() => import('./features/channels/account-page.js'), 'AccountPage');
const AddFtpAccountPage = lazyPage(() => import('./features/channels/add-ftp-account-page.js'), 'AddFtpAccountPage');
const AddWebserviceAccountPage = lazyPage(() => import('./features/channels/add-webservice-account-page.js'), 'AddWebserviceAccountPage');
const ChamanHomePage = lazyPage(() => import('./features/channels/chaman-home-page.js'), 'ChamanHomePage');
const ConfigurationPage = lazyPage(() => import('./features/configuration/configuration-page.js'), 'ConfigurationPage');
const ReceivedMutationsPage = lazyPage(() => import('./features/configuration/received-mutations-page.js'), 'ReceivedMutationsPage');
const HomePage = lazyPage(() => import('./features/home/home-page.js'), 'HomePage');
const MailOutboxPage = lazyPage(() => import('./features/admin/mail-outbox-page.js'), 'MailOutboxPage');
const DossierDetailPage = lazyPage(() => import('./features/dossiers/dossier-detail-page.js'), 'DossierDetailPage');
const DossierListPage = lazyPage(() => import('./features/dossiers/dossier-list-page.js'), 'DossierListPage');
const DossierSettingsPage = lazyPage(() => import('./features/dossiers/dossier-settings-page.js'), 'DossierSettingsPage');
const RegisterFormPage = lazyPage(() => import('./features/dossiers/register-form-page.js'), 'RegisterFormPage');
const CitizenRequestPage = lazyPage(() => import('./features/help-requests/citizen-request-page.js'), 'CitizenRequestPage');
const HelpRequestDetailPage = lazyPage(() => import('./features/help-requests/help-request-detail-page.js'), 'HelpRequestDetailPage');
const HelpRequestListPage = lazyPage(() => import('./features/help-requests/help-request-list-page.js'), 'HelpRequestListPage');
const EboxDocumentPage = lazyPage(() => import('./features/mailbox/ebox-document-page.js'), 'EboxDocumentPage');
const EboxListPage = lazyPage(() => import('./features/mailbox/ebox-list-page.js'), 'EboxListPage');
const MyDataPage = lazyPage(() => import('./features/me/my-data-page.js'), 'MyDataPage');
const HtbImportPage = lazyPage(() => import('./features/mergers/htb-import-page.js'), 'HtbImportPage');
const MergerDetailPage = lazyPage(() => import('./features/mergers/merger-detail-page.js'), 'MergerDetailPage');
const MergerFormPage = lazyPage(() => import('./features/mergers/merger-form-page.js'), 'MergerFormPage');
const MergerImportPage = lazyPage(() => import('./features/mergers/merger-import-page.js'), 'MergerImportPage');
const MergersPage = lazyPage(() => import('./features/mergers/mergers-page.js'), 'MergersPage');
const SubsidyReportListPage = lazyPage(() => import('./features/subsidy-report/subsidy-report-list-page.js'), 'SubsidyReportListPage');
const SubsidyReportPage = lazyPage(() => import('./features/subsidy-report/subsidy-report-page.js'), 'SubsidyReportPage');
const RetentionPage = lazyPage(() => import('./features/privacy/retention-page.js'), 'RetentionPage');
const SubjectRequestPage = lazyPage(() => import('./features/privacy/subject-request-page.js'), 'SubjectRequestPage');

// Toegangsbeheer (SPEC §2): each screen with the permission it needs (the server checks again).
const ACCESS_ROUTES = [
  { path: '/toegangsbeheer', permission: 'access.read', element: <AccessStartPage /> },
  { path: '/toegangsbeheer/domeinen/:domainId', permission: 'access.read', element: <DomainHomePage /> },
  { path: '/toegangsbeheer/domeinen/:domainId/gebruikers', permission: 'access.read', element: <UserListPage /> },
  { path: '/toegangsbeheer/domeinen/:domainId/gebruikers/toevoegen', permission: 'access.add-user', element: <AddUserPage /> },
  { path: '/toegangsbeheer/domeinen/:domainId/gebruikers/:userId', permission: 'access.read', element: <UserDetailPage /> },
  { path: '/toegangsbeheer/domeinen/:domainId/toegangsbeheerder', permission: 'access.change-tb', element: <ChangeTbPage /> },
  { path: '/toegangsbeheer/beheerders', permission: 'access.manage-co-htb', element: <ManagersPage /> },
  { path: '/toegangsbeheer/audit', permission: 'access.read-audit', element: <AuditPage /> },
];

// ChaMan (SPEC §3): every screen needs the application (the TB of a domain has it by default).
const CHAMAN_ROUTES = [
  { path: chamanPaths.home, element: <ChamanHomePage /> },
  { path: chamanPaths.addFtp, element: <AddFtpAccountPage /> },
  { path: chamanPaths.addWebservice, element: <AddWebserviceAccountPage /> },
  { path: chamanPaths.account(':accountId'), element: <AccountPage /> },
  { path: chamanPaths.accept(':delegationId'), element: <AcceptDelegationPage /> },
];

/**
 * Every screen behind a context, with the permission it needs (one, or any of a list); the server
 * checks again. The static merger paths win over /fusies/:id by react-router's ranking.
 */
const GUARDED_ROUTES: { path: string; permission?: string | readonly string[]; element: ReactNode }[] = [
  { path: '/', element: <HomePage /> },
  { path: '/fusies', element: <MergersPage /> },
  // The merger engine (R7): the administrator's pages.
  { path: mergerPaths.create, permission: 'platform.admin', element: <MergerFormPage /> },
  { path: mergerPaths.import, permission: 'platform.admin', element: <MergerImportPage /> },
  { path: mergerPaths.detail(':id'), permission: 'platform.admin', element: <MergerDetailPage section="checklist" /> },
  { path: mergerPaths.plan(':id'), permission: 'platform.admin', element: <MergerDetailPage section="plan" /> },
  { path: mergerPaths.cutover(':id'), permission: 'platform.admin', element: <MergerDetailPage section="cutover" /> },
  { path: mergerPaths.edit(':id'), permission: 'platform.admin', element: <MergerFormPage /> },
  { path: '/beheer/htb-import', permission: 'platform.admin', element: <HtbImportPage /> },
  { path: ORGANISATION_ACCESS_PATH, permission: 'platform.admin', element: <OrganisationAccessPage /> },
  { path: '/beheer/e-mails', permission: 'platform.admin', element: <MailOutboxPage /> },
  { path: helpRequestPaths.list, permission: OCMW_ONLINE_PERMISSIONS, element: <HelpRequestListPage /> },
  { path: `${helpRequestPaths.list}/:id`, permission: OCMW_ONLINE_PERMISSIONS, element: <HelpRequestDetailPage /> },
  // Dossiers (SPEC §9): the forms are for "Sociale Agent"; the R9.4 setting also for OCMW-configuratie.
  { path: dossierPaths.list, permission: DOSSIER_PERMISSION, element: <DossierListPage /> },
  { path: dossierPaths.register, permission: DOSSIER_PERMISSION, element: <RegisterFormPage /> },
  { path: `${dossierPaths.list}/:id`, permission: DOSSIER_PERMISSION, element: <DossierDetailPage /> },
  { path: dossierPaths.settings, permission: SETTINGS_READ_PERMISSIONS, element: <DossierSettingsPage /> },
  // e-Box (SPEC R10.1) and Uniek verslag (R10.2), each behind its application.
  { path: eboxPaths.list, permission: EBOX_PERMISSION, element: <EboxListPage /> },
  { path: `${eboxPaths.list}/:id`, permission: EBOX_PERMISSION, element: <EboxDocumentPage /> },
  { path: subsidyPaths.list, permission: SUBSIDY_PERMISSION, element: <SubsidyReportListPage /> },
  // Issue 24: retention (platform administrator, privacy officers) and citizens' requests (privacy officers).
  { path: privacyPaths.retention, permission: RETENTION_PERMISSIONS, element: <RetentionPage /> },
  { path: privacyPaths.subjectRequest, permission: SUBJECT_REQUEST_PERMISSION, element: <SubjectRequestPage /> },
  { path: `${subsidyPaths.list}/:id`, permission: SUBSIDY_PERMISSION, element: <SubsidyReportPage /> },
  ...ACCESS_ROUTES,
  ...CHAMAN_ROUTES.map((route) => ({ ...route, permission: 'app:chaman' })),
  { path: '/configuratie/ontvangen-mutaties', permission: 'app:ocmw-configuratie', element: <ReceivedMutationsPage /> },
  { path: '/configuratie', permission: 'app:ocmw-configuratie', element: <ConfigurationPage /> },
  { path: '/configuratie/:section', permission: 'app:ocmw-configuratie', element: <ConfigurationPage /> },
  // Issue 24: the access log, for the data protection officer of the organisation.
  { path: ACCESS_LOG_PATH, permission: PRIVACY_PERMISSION, element: <AccessLogPage /> },
];

/** The routes; guards send anonymous users to /login and users without a context to /kiezen. */
function AppRoutes() {
  const { t } = useTranslation();
  const { state, refresh } = useSession();

  const loading = (
    <p role="status" className="loading">
      {t('app.loading')}
    </p>
  );
  if (state.status === 'loading') return loading;
  if (state.status === 'error') {
    return (
      <>
        <h1>{t('app.name')}</h1>
        <Notice tone="error">{t('app.sessionError')}</Notice>
        <button type="button" className="button button--primary" onClick={() => void refresh()}>
          {t('app.retry')}
        </button>
      </>
    );
  }

  return (
    <Suspense fallback={loading}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* Issue 21: a sign-in through an identity provider that did not succeed. */}
        <Route path="/login/probleem" element={<SignInProblemPage />} />
        {/* Issue 16: the setup link of `ocmw admin create`, and the forced change of a temporary password. */}
        <Route path={PASSWORD_SETUP_PATH} element={<SetupPasswordPage />} />
        <Route path={PASSWORD_REQUIRED_PATH} element={<PasswordRequiredPage />} />
        {/* OCMW Online (SPEC §6): the citizen's form needs no login. */}
        <Route path={helpRequestPaths.citizen} element={<CitizenRequestPage />} />
        {/* R12.1: the helpdesk, with or without a login. */}
        <Route path="/help" element={<HelpPage />} />
        <Route
          path="/kiezen"
          element={
            <RequireAuthentication>
              <ChoicePage />
            </RequireAuthentication>
          }
        />
        {GUARDED_ROUTES.map(({ path, permission, element }) => (
          <Route
            key={path}
            path={path}
            element={
              <RequireContext>
                {permission === undefined ? (
                  element
                ) : typeof permission === 'string' ? (
                  <RequirePermission permission={permission}>{element}</RequirePermission>
                ) : (
                  <RequireAnyPermission permissions={permission}>{element}</RequireAnyPermission>
                )}
              </RequireContext>
            }
          />
        ))}
        <Route
          path="/mijn-gegevens"
          element={
            <RequireAuthentication>
              <MyDataPage />
            </RequireAuthentication>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/**
 * The whole SPA: session, router and the portal layout. A data router, so that a form with
 * unsaved changes can hold in-app navigation (useBlocker); the routes themselves stay in <Routes>.
 */
export function App() {
  const [router] = useState(() =>
    createBrowserRouter([
      {
        path: '*',
        element: (
          <Layout>
            <AppRoutes />
          </Layout>
        ),
      },
    ]),
  );
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
