export * as dossiersRepo from './dossiers.repo.js';
export { createDossiersService, type DossiersService } from './dossiers.service.js';
export { dossiersRoutes } from './dossiers.routes.js';
export * from './dossiers.schema.js';
export { findOverlap, periodsOverlap } from './form-rules.js';
