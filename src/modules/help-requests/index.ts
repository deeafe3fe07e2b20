export { createHelpRequestsService, DECISION_DAYS, VENDOR_LIST_CACHE_MS, type HelpRequestsService, type VendorClient } from './help-requests.service.js';
export { helpRequestsRoutes } from './help-requests.routes.js';
export * from './help-requests.schema.js';
export { vendorRoutes } from './vendor.routes.js';
export * as helpRequestsRepo from './help-requests.repo.js';
export { PROOF_TTL_MS, DEFAULT_POW_MAX_NUMBER, solveProof } from './citizen-proof.js';
export { acknowledgementLockKey } from './citizen-submissions.js';
