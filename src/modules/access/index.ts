export { createAccessService, choiceId, type AccessService } from './access.service.js';
export { hashPassword, verifyPassword, burnVerification } from './passwords.js';
export * as accessRepo from './access.repo.js';
