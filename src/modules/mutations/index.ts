export { createMutationsService, type MutationsService } from './mutations.service.js';
export { MutationInput, selectionCode } from './mutations.schema.js';
export { mutationsRoutes } from './mutations.routes.js';
export * as mutationsRepo from './mutations.repo.js';
