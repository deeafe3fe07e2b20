export { createAuthService, hashToken, type AuthService, type Actor } from './auth.service.js';
export { authRoutes } from './auth.routes.js';
export * from './auth.schema.js';
