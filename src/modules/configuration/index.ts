export { createConfigurationService, type ConfigurationService } from './configuration.service.js';
export { configurationRoutes } from './configuration.routes.js';
export * as configurationRepo from './configuration.repo.js';
export type { ContactData, OnlineSettingsData } from './configuration.schema.js';
export { ContactBody, OnlineSettingsBody } from './configuration.schema.js';
