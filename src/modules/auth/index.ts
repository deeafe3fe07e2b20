export { createAuthService, hashToken, type AuthService, type Actor } from './auth.service.js';
export { authRoutes } from './auth.routes.js';
export { createFirstStartService, SETUP_LINK_HOURS, SETUP_PATH, type FirstStartService } from './first-start.service.js';
export * from './auth.schema.js';
