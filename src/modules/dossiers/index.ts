export * as dossiersRepo from './dossiers.repo.js';
export { createDossiersService, DOSSIER_REST_PERMISSION, type DossiersService, type DossierVendor } from './dossiers.service.js';
export { dossiersRoutes } from './dossiers.routes.js';
export { dossiersVendorRoutes } from './dossiers.vendor.routes.js';
export * from './dossiers.schema.js';
export { findOverlap, periodsOverlap } from './form-rules.js';
