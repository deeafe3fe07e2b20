export { createConfigurationService, type ConfigurationService } from './configuration.service.js';
export { configurationRoutes } from './configuration.routes.js';
export * as configurationRepo from './configuration.repo.js';
