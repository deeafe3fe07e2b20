export { createAuthService, hashToken, type AuthService, type Actor, type OidcOrigin } from './auth.service.js';
export { createOidcService, OidcRefusal, callbackPath, loginPath, POST_LOGOUT_PATH, type OidcService } from './oidc.service.js';
export { allProviders, devProviderConfig, parseOidcSettings, DEV_IDP_ID, DEV_IDP_PATH, type OidcProviderConfig, type OidcSettings } from './oidc-config.js';
export { authRoutes } from './auth.routes.js';
export { oidcRoutes, OIDC_COOKIE, PROBLEM_PAGE } from './oidc.routes.js';
export { createFirstStartService, SETUP_LINK_HOURS, SETUP_PATH, type FirstStartService } from './first-start.service.js';
export * from './auth.schema.js';
