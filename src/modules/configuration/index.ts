export { createConfigurationService, type ConfigurationService } from './configuration.service.js';
export { configurationRoutes } from './configuration.routes.js';
