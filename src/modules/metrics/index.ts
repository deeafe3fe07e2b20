export { createMetricsService, CERTIFICATE_EXPIRY_DAYS, type MetricsService } from './metrics.service.js';
export { metricsRoutes, bearerMatches } from './metrics.routes.js';
